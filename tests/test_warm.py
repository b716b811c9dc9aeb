"""A process that builds again and again (digest serve) reads and extracts only what changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from digest import load as load_module
from digest import records as records_module
from digest import views as views_module
from digest.build import build
from digest.config import load_config
from digest.warm import Warm
from tests.sites import fresh_site, snapshot

FIXTURE = Path(__file__).parent / "fixtures" / "project_basic"
HOUR_NS = 3600 * 10**9


def _age(directory: Path) -> None:
    """Date every article an hour back, as files saved long before the build are."""
    for path in directory.iterdir():
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns - HOUR_NS, st.st_mtime_ns - HOUR_NS))


def _counting(seen: list[str]):  # type: ignore[no-untyped-def]
    real = views_module.article_view

    def counting(record):  # type: ignore[no-untyped-def]
        seen.append(record.article.id)
        return real(record)

    return counting


@pytest.fixture
def project(tmp_path: Path) -> Path:
    out = tmp_path / "project"
    shutil.copytree(FIXTURE, out)
    _age(out / "articles")
    return out


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = load_module.parse_article

    def counting(raw, *, path, tz):  # type: ignore[no-untyped-def]
        seen.append(path)
        return real(raw, path=path, tz=tz)

    monkeypatch.setattr(load_module, "parse_article", counting)
    return seen


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = records_module.process_article

    def counting(doc):  # type: ignore[no-untyped-def]
        seen.append(doc.path)
        return real(doc)

    monkeypatch.setattr(records_module, "process_article", counting)
    return seen


def test_a_warm_rebuild_reads_and_extracts_only_the_edited_article(
    project: Path, tmp_path: Path, parsed: list[str], extracted: list[str]
) -> None:
    warm = Warm()
    build(load_config(project), warm=warm)
    assert len(parsed) == 3
    parsed.clear()
    extracted.clear()
    target = project / "articles" / "article_with_metadata.md"
    target.write_text(target.read_text() + "\nProfit fell 3% in March, analysts said.\n")
    report = build(load_config(project), warm=warm)
    assert parsed == ["articles/article_with_metadata.md"]
    assert extracted == ["articles/article_with_metadata.md"]
    assert report.cache_misses == 1
    assert snapshot(project / "site") == fresh_site(project, tmp_path)


def test_a_file_saved_just_before_the_build_is_read_again(project: Path, parsed: list[str]) -> None:
    warm = Warm()
    (project / "articles" / "new.txt").write_text("Acme results\n\nAcme said profit rose 9% on Friday.\n")
    build(load_config(project), warm=warm)
    parsed.clear()
    # A second save within the same clock tick would keep size and time: a fresh file is never trusted.
    (project / "articles" / "other.txt").write_text("Other news\n\nShares rose 2% on Monday.\n")
    build(load_config(project), warm=warm)
    assert sorted(parsed) == ["articles/new.txt", "articles/other.txt"]


def test_a_deleted_article_leaves_the_warm_state(project: Path) -> None:
    warm = Warm()
    build(load_config(project), warm=warm)
    (project / "articles" / "article_with_conflict.md").unlink()
    report = build(load_config(project), warm=warm)
    assert report.articles == 2
    assert "articles/article_with_conflict.md" not in warm.docs
    assert len(warm.records) == 2


def test_without_the_cache_the_warm_state_is_not_used(project: Path, parsed: list[str]) -> None:
    warm = Warm()
    build(load_config(project), warm=warm, use_cache=False)
    build(load_config(project), warm=warm, use_cache=False)
    assert len(parsed) == 6
    assert not warm.docs


def test_the_first_warm_build_of_a_current_site_fills_the_warm_state(
    project: Path, tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    build(load_config(project))
    before = snapshot(project / "site")
    warm = Warm()
    assert build(load_config(project), warm=warm).reused
    assert len(warm.records) == 3
    assert warm.recall is not None and len(warm.recall) > 0  # views made, ...
    assert snapshot(project / "site") == before  # ... nothing written
    views: list[str] = []
    parsed.clear()
    target = project / "articles" / "article_with_metadata.md"
    target.write_text(target.read_text() + "\nProfit fell 3% in March, analysts said.\n")
    monkeypatch.setattr("digest.render.article_view", _counting(views))
    build(load_config(project), warm=warm)
    assert parsed == ["articles/article_with_metadata.md"]
    assert views == ["article_with_metadata"]  # the other records' views were recalled
    assert snapshot(project / "site") == fresh_site(project, tmp_path)


def test_a_build_reads_only_the_articles_changed_since_the_last_build(
    project: Path, tmp_path: Path, parsed: list[str]
) -> None:
    build(load_config(project))
    assert len(parsed) == 3
    parsed.clear()
    target = project / "articles" / "article_with_metadata.md"
    target.write_text(target.read_text() + "\nProfit fell 3% in March, analysts said.\n")
    build(load_config(project))
    assert parsed == ["articles/article_with_metadata.md"]
    assert snapshot(project / "site") == fresh_site(project, tmp_path)


def test_kept_articles_are_read_again_when_the_time_zone_changes(project: Path, parsed: list[str]) -> None:
    build(load_config(project))
    parsed.clear()
    config = project / "digest.yaml"
    config.write_text(config.read_text() + "\ntimezone: Asia/Shanghai\n")
    build(load_config(project))
    assert len(parsed) == 3


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\x80\x05\x95"])
def test_damaged_kept_articles_are_read_again(project: Path, parsed: list[str], damage: bytes) -> None:
    build(load_config(project))
    parsed.clear()
    (project / ".digest-cache" / "articles.pack").write_bytes(damage)
    (project / "articles" / "new.txt").write_text("Acme results\n\nAcme said profit rose 9% on Friday.\n")
    build(load_config(project))
    assert len(parsed) == 4


def test_a_warm_build_reads_every_article_again_when_the_time_zone_changes(
    project: Path, tmp_path: Path, parsed: list[str]
) -> None:
    warm = Warm()
    build(load_config(project), warm=warm)
    parsed.clear()
    config = project / "digest.yaml"
    config.write_text(config.read_text() + "\ntimezone: Asia/Tokyo\n")
    build(load_config(project), warm=warm)
    assert len(parsed) == 3
    assert snapshot(project / "site") == fresh_site(project, tmp_path)


def test_the_stamp_trusts_files_only_from_before_they_were_read(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from digest import warm as warm_module
    from digest.stamp import read_stamp

    read_at: list[int] = []
    real = warm_module.load_changed

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        read_at.append(time.time_ns())
        return real(*args, **kwargs)

    monkeypatch.setattr(warm_module, "load_changed", timed)
    config = load_config(project)
    build(config)
    stamp = read_stamp(config.cache_dir, config.output_dir)
    assert stamp is not None and read_at
    assert stamp.settled_ns <= read_at[0]


def test_an_unchanged_build_after_a_fresh_save_reads_the_articles_once(
    project: Path, parsed: list[str]
) -> None:
    import time

    from digest.stamp import read_stamp

    config = load_config(project)
    (project / "articles" / "new.txt").write_text("Acme results\n\nAcme said profit rose 9% on Friday.\n")
    build(config)  # the new file was saved just before it was read: not trusted by its state yet
    time.sleep(2.2)
    parsed.clear()
    assert build(config).reused
    stamp = read_stamp(config.cache_dir, config.output_dir)
    assert stamp is not None
    time.sleep(2.2)
    parsed.clear()
    assert build(config).reused
    assert parsed == []


def _without_themes(project: Path) -> None:
    config = project / "digest.yaml"
    text = config.read_text()
    config.write_text(text[: text.index("themes:")])


@pytest.mark.parametrize("declared", [True, False], ids=["declared themes", "discovered themes"])
def test_warm_builds_after_edits_give_the_site_a_fresh_build_gives(
    project: Path, tmp_path: Path, declared: bool
) -> None:
    # What is recalled from one build to the next (themed records, their parts of the digest,
    # their views and page fingerprints) must never stand in for what changed.
    if not declared:
        _without_themes(project)
    warm = Warm()
    build(load_config(project), warm=warm)
    target = project / "articles" / "article_with_metadata.md"
    edits = [
        "\nMarket value fell 3% in March, investors said.\n",
        "\nRevenue rose to $4 billion in 2025, chief executive Jane Doe said.\n",
        '\n"We are growing," said Jane Doe, the chief executive.\n',
    ]
    for edit in edits:
        target.write_text(target.read_text() + edit)
        build(load_config(project), warm=warm)
        assert snapshot(project / "site") == fresh_site(project, tmp_path)
    (project / "articles" / "article_with_conflict.md").unlink()
    build(load_config(project), warm=warm)
    assert snapshot(project / "site") == fresh_site(project, tmp_path)


def test_a_warm_build_follows_changed_theme_keywords(project: Path, tmp_path: Path) -> None:
    warm = Warm()
    build(load_config(project), warm=warm)
    config = project / "digest.yaml"
    config.write_text(
        config.read_text().replace("keywords: [shares, stock, investors, market value]", "keywords: [said]")
    )
    build(load_config(project), warm=warm)
    assert snapshot(project / "site") == fresh_site(project, tmp_path)
    _without_themes(project)
    build(load_config(project), warm=warm)
    assert snapshot(project / "site") == fresh_site(project, tmp_path)
