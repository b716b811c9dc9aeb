"""The Pagefind index: built from the site's records, linked to sentences, identical on every build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest.errors import OutputError
from digest.models import OutputFile
from digest.search import _page, _pages, search_files

RECORD = {
    "id": "harbour-bridge",
    "title": "City approves harbour bridge",
    "text": 'The council approved the bridge. "It will cut the journey," the mayor said.',
    "sentences": [{"start": 0, "end": 32, "language": "en"}, {"start": 33, "end": 76, "language": "en"}],
    "claims": [{"text": "The council approved the bridge.", "sentence": 0}],
    "quotes": [
        {"text": "It will cut the journey,", "sentence": 1, "speaker": "Anna Berg", "direct": True},
        {"text": "costs will rise", "sentence": 1, "speaker": None, "direct": False},
    ],
}


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


def _index(site_dir: Path) -> dict[str, bytes]:
    records = (site_dir / "data" / "records.jsonl").read_bytes()
    return {f.path: f.content for f in search_files([OutputFile("data/records.jsonl", records)])}


def test_index_is_byte_identical_across_builds(site_dir: Path) -> None:
    one, two = _index(site_dir), _index(site_dir)
    assert "pagefind/pagefind-entry.json" in one
    assert not [path for path in one if path.startswith("pagefind/filter")]
    assert one == two


def test_a_site_without_records_is_refused_clearly() -> None:
    with pytest.raises(OutputError, match="cannot index"):
        search_files([OutputFile("index.html", b"<p>no records</p>")])


def test_search_files_are_sorted_paths_under_pagefind(site_dir: Path) -> None:
    paths = list(_index(site_dir))
    assert paths == sorted(paths) and all(p.startswith("pagefind/") for p in paths)
