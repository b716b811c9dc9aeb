"""`digest import`: raw text to an article file; guesses printed, nothing overwritten."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.errors import ConfigError
from digest.importer import check_url, decode, parse_published, prepare_article, write_article
from digest.load import load_article

SEEDS = Path("/work/shared/seeds")

WIRE_COPY = (
    "Business\n\n"
    "Harbour operator's profit falls 12% as shipping slows – Reuters\n\n"
    "HAMBURG, March 4 (Reuters) - The city's harbour operator said on Tuesday its first-quarter "
    "profit fell 12%, hit by weaker container volumes.\n\n"
    '"We expect volumes to recover in the second half," chief executive Anna Berg told reporters.\n'
)
FRENCH_COPY = (
    "Le port de Marseille annonce une hausse de son trafic\n\n"
    "Le trafic de conteneurs du port de Marseille a augmenté de 8 % au premier trimestre, a indiqué "
    "mardi la direction du port, qui prévoit une nouvelle hausse d'ici à la fin de l'année.\n\n"
    "« Nous sommes confiants pour les mois à venir », a déclaré le président du directoire.\n"
)
LABELS_THEN_PARAGRAPHS = (
    "Summary:\n"
    "The harbour operator said on Tuesday its first-quarter profit fell 12 percent, hit by weaker "
    "container volumes across its three terminals and lower fees from cruise ships. Analysts had "
    "expected a smaller fall.\n"
    "Original Link:\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "story"
    (root / "articles").mkdir(parents=True)
    (root / "digest.yaml").write_text("title: Test\n", encoding="utf-8")
    return root


def raw_file(tmp_path: Path, text: str, name: str = "copied.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_title_skips_section_labels_and_takes_the_outlet_as_source() -> None:
    draft = prepare_article(WIRE_COPY)
    assert draft.title == "Harbour operator's profit falls 12% as shipping slows"
    assert draft.source == "Reuters"
    assert draft.language == "en"
    assert any("line 3" in g for g in draft.guessed)


def test_a_given_source_is_kept_and_the_title_still_loses_the_outlet() -> None:
    draft = prepare_article(WIRE_COPY, source="Reuters Business")
    assert draft.source == "Reuters Business"
    assert not draft.title.endswith("Reuters")


def test_language_is_detected_from_the_text() -> None:
    assert prepare_article(FRENCH_COPY).language == "fr"


def test_without_a_headline_line_the_title_is_the_first_sentence_of_the_first_paragraph() -> None:
    draft = prepare_article(LABELS_THEN_PARAGRAPHS)
    assert draft.title.startswith("The harbour operator said on Tuesday")
    assert not draft.title.startswith("Summary")


def test_a_given_title_is_not_guessed() -> None:
    draft = prepare_article(WIRE_COPY, title="Profit falls")
    assert draft.title == "Profit falls" and not any("title" in g for g in draft.guessed)


def test_written_file_round_trips_through_the_loader_with_the_body_verbatim(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    title = 'Profit "falls": 12% #1 — on: yes'
    draft = prepare_article(
        WIRE_COPY, title=title, source="Reuters", url="https://example.org/a?b=1#c",
        published=dt.date(2025, 3, 4),
    )
    path = write_article(draft, articles_dir=articles)
    assert path.name.startswith("2025-03-04-profit-falls")
    doc = load_article(path, articles_dir=articles, tz=ZoneInfo("UTC"))
    assert doc.title == title
    assert doc.source == "Reuters" and doc.url == "https://example.org/a?b=1#c"
    assert doc.published is not None and doc.published.date() == dt.date(2025, 3, 4)
    assert doc.body.strip("\n") == WIRE_COPY.strip("\n")


def test_never_overwrites_an_existing_article(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    draft = prepare_article(WIRE_COPY)
    first = write_article(draft, articles_dir=articles)
    before = first.read_bytes()
    second = write_article(draft, articles_dir=articles)
    assert second != first and second.name.endswith("-2.md")
    assert first.read_bytes() == before


def test_crlf_and_bom_are_normalised() -> None:
    text = decode(b"\xef\xbb\xbfHarbour profit falls sharply\r\n\r\nBody text here.\r\n", path="x")
    draft = prepare_article(text)
    assert "\r" not in draft.body and not draft.body.startswith("\ufeff")
    assert draft.title == "Harbour profit falls sharply"


def test_windows_1252_text_is_decoded() -> None:
    assert decode("Caf\u00e9 owners \u2013 protest".encode("cp1252"), path="x") == "Café owners – protest"


@pytest.mark.parametrize("value", ["2025-02-30", "yesterday", "04/03/2025", ""])
def test_invalid_published_dates_are_refused(value: str) -> None:
    with pytest.raises(ConfigError):
        parse_published(value)


def test_valid_published_dates() -> None:
    assert parse_published("2025-03-04") == dt.date(2025, 3, 4)
    assert parse_published("2025-03-04T09:30:00+01:00").hour == 9


@pytest.mark.parametrize(
    "value",
    ["javascript:alert(1)", "example.org/a", "https://", "ftp://example.org/", "https://ex ample.org/"],
)
def test_invalid_urls_are_refused(value: str) -> None:
    with pytest.raises(ConfigError):
        check_url(value)


def test_cli_prints_its_guesses_and_the_file(runner: CliRunner, project: Path, tmp_path: Path) -> None:
    source = raw_file(tmp_path, WIRE_COPY)
    result = runner.invoke(
        main, ["import", str(source), "--project", str(project), "--published", "2025-03-04"]
    )
    assert result.exit_code == 0, result.output
    title = "Harbour operator's profit falls 12% as shipping slows"
    assert f"guessed title “{title}” (from line 3)" in result.output
    assert "guessed source “Reuters”" in result.output
    assert "guessed language en" in result.output
    (written,) = (project / "articles").glob("*.md")
    assert str(written) in result.output


def test_cli_rejects_bad_options_with_exit_two(runner: CliRunner, project: Path, tmp_path: Path) -> None:
    source = raw_file(tmp_path, WIRE_COPY)
    for option in (["--published", "2025-02-30"], ["--url", "javascript:alert(1)"]):
        result = runner.invoke(main, ["import", str(source), "--project", str(project), *option])
        assert result.exit_code == 2 and "Traceback" not in result.output
    assert not list((project / "articles").iterdir())


def test_cli_refuses_title_for_several_files(runner: CliRunner, project: Path, tmp_path: Path) -> None:
    a, b = raw_file(tmp_path, WIRE_COPY, "a.txt"), raw_file(tmp_path, FRENCH_COPY, "b.txt")
    result = runner.invoke(main, ["import", str(a), str(b), "--project", str(project), "--title", "T"])
    assert result.exit_code == 2


def test_cli_reports_an_empty_file_and_goes_on(runner: CliRunner, project: Path, tmp_path: Path) -> None:
    empty, good = raw_file(tmp_path, "\n\n", "empty.txt"), raw_file(tmp_path, FRENCH_COPY, "good.txt")
    result = runner.invoke(main, ["import", str(empty), str(good), "--project", str(project)])
    assert result.exit_code == 1
    assert "empty.txt: the text is empty" in result.output
    assert len(list((project / "articles").glob("*.md"))) == 1


def test_cli_needs_a_project(runner: CliRunner, tmp_path: Path) -> None:
    source = raw_file(tmp_path, WIRE_COPY)
    result = runner.invoke(main, ["import", str(source), "--project", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "not a digest project" in result.output


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the raw seed texts are not on this machine")
def test_every_seed_imports_and_loads(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    for seed in sorted(SEEDS.glob("*.txt")):
        draft = prepare_article(decode(seed.read_bytes(), path=str(seed)))
        path = write_article(draft, articles_dir=articles)
        doc = load_article(path, articles_dir=articles, tz=ZoneInfo("UTC"))
        assert doc.title == draft.title and doc.language == "en"
