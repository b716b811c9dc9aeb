"""The build recipe with its cache: what an unchanged, a changed and a reconfigured rebuild redo."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import digest.build as build_module
import digest.progress as progress
import digest.records as records_module
from digest.build import BuildReport, build
from digest.cli import main
from digest.config import SiteConfig, load_config
from digest.models import ArticleRecord, SourceDoc
from digest.output import MARKER
from digest.progress import ProgressBar

FIXTURE = Path(__file__).parent / "fixtures" / "project_basic"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a fresh copy of the basic fixture project."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    target = tmp_path / "project"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Return the list of article paths extracted from now on."""
    calls: list[str] = []
    real: Callable[[SourceDoc], ArticleRecord] = records_module.process_article

    def counting(doc: SourceDoc) -> ArticleRecord:
        calls.append(doc.path)
        return real(doc)

    monkeypatch.setattr(records_module, "process_article", counting)
    return calls


def _state(site: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(site).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def _build(project: Path, **options: object) -> tuple[SiteConfig, BuildReport]:
    config = load_config(project)
    return config, build(config, workers=1, **options)  # type: ignore[arg-type]


def test_unchanged_rebuild_extracts_nothing_and_rewrites_nothing(project: Path, extracted: list[str]) -> None:
    config, first = _build(project)
    assert len(extracted) == first.articles == first.cache_misses == 3
    before = _state(config.output_dir)
    extracted.clear()
    _, again = _build(project)
    assert extracted == []
    assert again.reused and again.written == 0 and again.cache_hits == 3
    assert again.diagnostics == first.diagnostics and again.articles == first.articles
    assert _state(config.output_dir) == before


def test_records_come_from_the_cache_when_only_the_site_must_be_redone(
    project: Path, extracted: list[str]
) -> None:
    config, _ = _build(project)
    before = _state(config.output_dir)
    (config.output_dir / "index.html").unlink()
    extracted.clear()
    _, again = _build(project)
    assert extracted == [] and not again.reused and again.cache_hits == 3
    after = _state(config.output_dir)
    assert after.keys() == before.keys()
    # The writer always stamps its marker; every page but the deleted one is left as it was.
    assert [k for k in before if before[k] != after[k] and k != MARKER] == ["index.html"]


def test_one_changed_article_is_the_only_one_extracted(project: Path, extracted: list[str]) -> None:
    _build(project)
    changed = project / "articles" / "article_with_metadata.md"
    changed.write_text(changed.read_text() + "\nShares rose 3% on Friday, traders said.\n")
    extracted.clear()
    _, again = _build(project)
    assert extracted == ["articles/article_with_metadata.md"]
    assert (again.cache_hits, again.cache_misses) == (2, 1) and not again.reused


def test_a_new_time_zone_extracts_again(project: Path, extracted: list[str]) -> None:
    _build(project)
    yaml = project / "digest.yaml"
    yaml.write_text(yaml.read_text().replace("timezone: UTC", "timezone: Asia/Tokyo"))
    extracted.clear()
    _, again = _build(project)
    assert len(extracted) == 3 and again.cache_misses == 3


def test_a_new_title_redoes_the_site_but_not_the_records(project: Path, extracted: list[str]) -> None:
    config, _ = _build(project)
    yaml = project / "digest.yaml"
    yaml.write_text(yaml.read_text().replace('title: "Fixture digest"', 'title: "Renamed digest"'))
    extracted.clear()
    _, again = _build(project)
    assert extracted == [] and not again.reused and again.written > 0
    assert "Renamed digest" in (config.output_dir / "index.html").read_text()


def test_a_template_override_redoes_the_site(project: Path, extracted: list[str]) -> None:
    config, _ = _build(project)
    (project / "templates").mkdir()
    (project / "templates" / "style.css").write_text("body { color: #123456; }\n")
    extracted.clear()
    _, again = _build(project)
    assert not again.reused and extracted == []
    css = [p for p in config.output_dir.rglob("*.css") if "#123456" in p.read_text()]
    assert css


def test_deleting_the_cache_directory_is_safe(project: Path, extracted: list[str]) -> None:
    config, _ = _build(project)
    before = {p: p.read_bytes() for p in config.output_dir.rglob("*") if p.is_file()}
    state = _state(config.output_dir)
    shutil.rmtree(config.cache_dir)
    extracted.clear()
    _, again = _build(project)
    assert len(extracted) == 3 and again.written == 0
    assert {p: p.read_bytes() for p in config.output_dir.rglob("*") if p.is_file()} == before
    assert _state(config.output_dir) == state


def test_no_cache_neither_reads_nor_writes_it(project: Path, extracted: list[str]) -> None:
    config, _ = _build(project, use_cache=False)
    assert not config.cache_dir.exists()
    _, again = _build(project, use_cache=False)
    assert len(extracted) == 6 and not again.reused


def test_timings_report_stages_and_cache(project: Path) -> None:
    runner = CliRunner()
    args = ["build", "--project", str(project), "--timings", "--workers", "1"]
    first = runner.invoke(main, args)
    second = runner.invoke(main, args)
    assert first.exit_code == second.exit_code == 0, first.output
    assert "0 hits, 3 misses" in first.output and "render:" in first.output
    assert "3 hits, 0 misses" in second.output and "up to date" in second.output


def test_dask_without_a_scheduler_is_a_usage_error(project: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--project", str(project), "--executor", "dask"])
    assert result.exit_code == 2 and "--scheduler" in result.output


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_draws_on_a_terminal_and_erases_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    stream = _Terminal()
    with ProgressBar("extracting", stream=stream) as bar:
        bar.update(5, 10)
    assert "extracting [" in stream.getvalue() and "5/10" in stream.getvalue()
    assert stream.getvalue().endswith("\r\033[K")


def test_the_progress_bar_is_silent_in_ci_and_in_pipes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setenv("CI", "true")
    for stream in (_Terminal(), io.StringIO()):
        with ProgressBar("extracting", stream=stream) as bar:
            bar.update(5, 10)
        assert stream.getvalue() == ""


def _age_articles(project: Path, seconds: int = 60) -> None:
    import os
    import time

    for path in (project / "articles").iterdir():
        old = time.time_ns() - seconds * 1_000_000_000
        os.utime(path, ns=(old, old))


def test_settled_unchanged_articles_are_not_even_read(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _age_articles(project)
    _build(project)
    reads: list[Path] = []
    real = build_module.load_articles

    def counting(directory: Path, **kwargs: object):  # type: ignore[no-untyped-def]
        reads.append(directory)
        return real(directory, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "load_articles", counting)
    _, again = _build(project)
    assert again.reused and reads == []


def test_a_change_that_keeps_size_and_time_is_caught_while_the_file_is_fresh(
    project: Path, extracted: list[str]
) -> None:
    import os

    path = project / "articles" / "article_with_conflict.md"
    path.touch()  # written just now, as when an editor saves twice within a clock tick
    _build(project)
    stat = path.stat()
    # Same size, same mtime: only the content says it changed. Fresh files are always read.
    path.write_bytes(path.read_bytes().replace(b"6 percent", b"7 percent"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    extracted.clear()
    _, again = _build(project)
    assert not again.reused and extracted == ["articles/article_with_conflict.md"]


def test_a_touched_article_is_read_again(project: Path, extracted: list[str]) -> None:
    _age_articles(project)
    _build(project)
    extracted.clear()
    path = project / "articles" / "article_with_conflict.md"
    path.write_text(path.read_text() + "\nAcme said profit rose 9%.\n")
    _build(project)
    assert extracted == ["articles/article_with_conflict.md"]
