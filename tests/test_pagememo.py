"""Pages of the last build are reused only when nothing they show has changed, and never stale."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from digest import views
from digest.build import build
from digest.config import load_config
from digest.pagememo import PageMemo
from tests.sites import fresh_site, snapshot

FIXTURE = Path(__file__).parent / "fixtures" / "project_basic"
NEW = "Acme results\n\nAcme said profit rose 9% on Friday, chief executive Jane Doe said.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    out = tmp_path / "project"
    shutil.copytree(FIXTURE, out)
    build(load_config(out))
    return out


@pytest.fixture
def details(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the article pages rendered: each one builds its record's detail view."""
    seen: list[str] = []
    real = views.record_detail

    def counting(record):  # type: ignore[no-untyped-def]
        seen.append(record.article.id)
        return real(record)

    monkeypatch.setattr("digest.render.record_detail", counting)
    return seen


def test_a_new_article_gives_the_site_a_fresh_build_gives(project: Path, tmp_path: Path) -> None:
    # Every page's footer counts the articles, so every page changes: none may be left stale.
    (project / "articles" / "new.txt").write_text(NEW)
    build(load_config(project))
    assert snapshot(project / "site") == fresh_site(project, tmp_path)


def test_a_removed_article_gives_the_site_a_fresh_build_gives(project: Path, tmp_path: Path) -> None:
    (project / "articles" / "article_with_conflict.md").unlink()
    build(load_config(project))
    assert snapshot(project / "site") == fresh_site(project, tmp_path)


def test_an_edited_article_renders_again_and_the_site_equals_a_fresh_build(
    project: Path, tmp_path: Path, details: list[str]
) -> None:
    target = project / "articles" / "article_with_metadata.md"
    target.write_text(target.read_text() + "\nProfit fell 3% in March, analysts said.\n")
    build(load_config(project))
    assert details == ["article_with_metadata"]
    assert snapshot(project / "site") == fresh_site(project, tmp_path)


def test_a_page_changed_by_hand_is_rendered_again(project: Path, details: list[str]) -> None:
    page = next((project / "site" / "articles").glob("*.html"))
    original = page.read_bytes()
    page.write_bytes(original.replace(b"</body>", b"<script>tampered()</script></body>"))
    build(load_config(project))
    assert details == [page.stem]
    assert page.read_bytes() == original


def test_a_changed_template_renders_every_page(project: Path, details: list[str]) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "about.html").write_text("<p>About this digest.</p>\n")
    build(load_config(project))
    assert len(details) == len(list((project / "articles").iterdir()))


def test_changed_settings_render_every_page(project: Path, details: list[str]) -> None:
    config = project / "digest.yaml"
    config.write_text(config.read_text() + "\ndescription: Another description.\n")
    build(load_config(project))
    assert len(details) == len(list((project / "articles").iterdir()))


def test_without_the_cache_every_page_is_rendered(project: Path, details: list[str]) -> None:
    build(load_config(project), use_cache=False)
    assert len(details) == len(list((project / "articles").iterdir()))


def test_a_deleted_cache_renders_every_page(project: Path, details: list[str]) -> None:
    shutil.rmtree(project / ".digest-cache")
    build(load_config(project))
    assert len(details) == len(list((project / "articles").iterdir()))


def test_reuse_needs_the_same_fingerprint_and_the_same_file(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_bytes(b"<p>old</p>")
    st = os.lstat(page)
    base = PageMemo("base")
    fingerprint = base.fingerprint("a.html", "article.html", {"x": 1})
    memo = PageMemo(
        "base", tmp_path, {"a.html": fingerprint}, {"a.html": (st.st_size, st.st_mtime_ns, st.st_ino)}
    )
    assert memo.keeps("a.html", fingerprint)
    assert not memo.keeps("a.html", base.fingerprint("a.html", "article.html", {"x": 2}))
    assert memo.salted({"updated": "2025-01-01"}).keeps("a.html", fingerprint)
    assert memo.fingerprint("a.html", "article.html", {"x": 1}) != memo.salted({"u": 1}).fingerprint(
        "a.html", "article.html", {"x": 1}
    )
    page.write_bytes(b"<p>newer</p>")
    assert not memo.keeps("a.html", fingerprint)
    page.unlink()
    assert not memo.keeps("a.html", fingerprint)


def test_records_export_reuses_the_lines_of_unchanged_records(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from digest import export

    made: list[str] = []
    real = export.record_to_dict

    def counting(record):  # type: ignore[no-untyped-def]
        made.append(record.article.id)
        return real(record)

    monkeypatch.setattr(export, "record_to_dict", counting)
    target = project / "articles" / "article_with_metadata.md"
    target.write_text(target.read_text() + "\nProfit fell 3% in March, analysts said.\n")
    build(load_config(project))
    assert made == ["article_with_metadata"]
    assert snapshot(project / "site") == fresh_site(project, tmp_path)


def test_a_records_export_changed_by_hand_is_made_again(project: Path, tmp_path: Path) -> None:
    export = project / "site" / "data" / "records.jsonl"
    export.write_text(export.read_text().replace('"title": "', '"title": "Tampered ', 1))
    target = project / "articles" / "article_with_metadata.md"
    target.write_text(target.read_text() + "\nProfit fell 3% in March, analysts said.\n")
    build(load_config(project))
    assert snapshot(project / "site") == fresh_site(project, tmp_path)


def test_a_view_that_cannot_be_fingerprinted_is_rendered_every_time(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from digest import render
    from digest.stamp import read_stamp

    real = render.theme_view

    def with_a_function(*args, **kwargs):  # type: ignore[no-untyped-def]
        return {**real(*args, **kwargs), "sort": lambda claim: claim}

    monkeypatch.setattr(render, "theme_view", with_a_function)
    target = project / "articles" / "article_with_metadata.md"
    target.write_text(target.read_text() + "\nProfit fell 3% in March, analysts said.\n")
    config = load_config(project)
    build(config)
    stamp = read_stamp(config.cache_dir, config.output_dir)
    assert stamp is not None
    fingerprinted = {path for path, _ in stamp.pages}
    assert "themes/index.html" not in fingerprinted and "index.html" not in fingerprinted
    assert "articles/article_with_metadata.html" in fingerprinted
    assert (project / "site" / "themes" / "index.html").is_file()


def test_reused_export_lines_keep_line_separators_inside_strings(project: Path, tmp_path: Path) -> None:
    import json

    separated = project / "articles" / "article_with_metadata.md"
    text = separated.read_text()
    assert "cloud services" in text
    separated.write_text(text.replace("cloud services", "cloud\u2028and\u2029storage services", 1))
    build(load_config(project))
    other = project / "articles" / "article_with_conflict.md"
    other.write_text(other.read_text() + "\nAnalysts expect 4% growth next year.\n")
    build(load_config(project))
    lines = (project / "site" / "data" / "records.jsonl").read_text().split("\n")
    assert [json.loads(line)["id"] for line in lines if line]
    assert snapshot(project / "site") == fresh_site(project, tmp_path)


def test_equal_views_give_equal_fingerprints_whatever_objects_they_share() -> None:
    # A record extracted anew and the same record read back from the cache hold equal strings,
    # shared differently; the pages that show them must not be rendered again for that.
    memo = PageMemo("base")
    word = "".join(["rev", "enue"])
    shared = [{"text": word, "label": word}]
    apart = [{"text": "revenue", "label": "".join(["reven", "ue"])}]
    assert shared == apart
    assert memo.fingerprint(
        "p.html", "t.html", memo.context_material({"claims": shared}, {})
    ) == memo.fingerprint("p.html", "t.html", memo.context_material({"claims": apart}, {}))
