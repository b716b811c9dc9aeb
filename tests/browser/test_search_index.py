"""The Pagefind index: built from the site's records, linked to sentences, identical on every build."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from digest.errors import OutputError
from digest.search import _page, _pages, index_site

RECORD = {
    "id": "harbour-bridge",
    "title": "City approves harbour bridge",
    "text": "The council approved the bridge. \"It will cut the journey,\" the mayor said.",
    "sentences": [{"start": 0, "end": 32, "language": "en"}, {"start": 33, "end": 76, "language": "en"}],
    "claims": [{"text": "The council approved the bridge.", "sentence": 0}],
    "quotes": [
        {"text": "It will cut the journey,", "sentence": 1, "speaker": "Anna Berg", "direct": True},
        {"text": "costs will rise", "sentence": 1, "speaker": None, "direct": False},
    ],
}


def tree_digest(root: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        sha.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()


def test_each_article_is_one_page_with_a_section_per_sentence_holding_claims_or_quotes() -> None:
    (page,) = _pages([json.dumps(RECORD)])
    assert page.path == "articles/harbour-bridge.html"
    assert [(s.anchor, s.heading) for s in page.sections] == [
        ("s0", "Claim: The council approved the bridge."),
        ("s1", "Quote · Anna Berg: “It will cut the journey,”"),
    ]
    assert page.sections[1].content == "“It will cut the journey,” — Anna Berg costs will rise — unattributed"


def test_pages_escape_text() -> None:
    hostile = json.dumps({**RECORD, "title": "<script>x</script>", "text": "<img src=x onerror=alert(1)>"})
    (page,) = _pages([hostile])
    html = _page(page, "en")
    assert "<script>x" not in html and "&lt;script&gt;" in html and "<img" not in html
    assert '<h2 id="s0">' in html


def test_index_is_byte_identical_across_builds(site_dir: Path, tmp_path: Path) -> None:
    copies = []
    for name in ("one", "two"):
        copy = tmp_path / name
        shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("pagefind"))
        index_site(copy)
        copies.append(copy / "pagefind")
    assert (copies[0] / "pagefind-entry.json").is_file()
    assert not (copies[0] / "filter").exists()
    assert tree_digest(copies[0]) == tree_digest(copies[1])


def test_a_site_without_records_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot index"):
        index_site(tmp_path)


def test_search_files_match_the_index_written_in_place(site_dir: Path, tmp_path: Path) -> None:
    from digest.models import OutputFile
    from digest.search import search_files

    records = (site_dir / "data" / "records.jsonl").read_bytes()
    files = search_files([OutputFile("data/records.jsonl", records)])
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("pagefind"))
    index_site(copy)
    written = [p for p in (copy / "pagefind").rglob("*") if p.is_file()]
    on_disk = {p.relative_to(copy).as_posix(): p.read_bytes() for p in written}
    assert {f.path: f.content for f in files} == on_disk
    assert [f.path for f in files] == sorted(f.path for f in files)
