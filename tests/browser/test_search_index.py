"""The Pagefind index: built from the site's records, linked to sentences, identical on every build."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from digest import search
from digest.errors import OutputError
from digest.models import OutputFile
from digest.search import _page, _pages, search_files
from tests.browser._site import ROOT, build_site, serving

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


def test_search_finds_results_across_shards(
    browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One article a shard on average: the five articles quoting and not quoting Zhang are spread
    # over several bundles, which the search page must merge into one list of results.
    monkeypatch.setattr(search, "SHARD_ARTICLES", 1)
    site = build_site(ROOT, tmp_path / "site")
    shards = json.loads((site / "pagefind" / "shards.json").read_text())["shards"]
    assert len(shards) >= 2
    records = (site / "data" / "records.jsonl").read_text().splitlines()
    zhang = {json.loads(line)["id"] for line in records if "Zhang" in line}
    assert len({search.shard_of(article, search.shard_count(len(records))) for article in zhang}) >= 2
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        with serving(site) as url:
            page.goto(url + "search.html")
            box = page.locator(".pagefind-ui__search-input")
            box.wait_for(timeout=10_000)
            box.fill("Zhang")
            page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10_000)
            page.wait_for_function(
                f"document.querySelectorAll('.pagefind-ui__result').length >= {len(zhang)}", timeout=10_000
            )
            found = {
                (link.get_attribute("href") or "").split("/")[-1].split(".html")[0]
                for link in page.locator(".pagefind-ui__result-link").all()
            }
            assert zhang <= found
            nested = page.locator(".pagefind-ui__result-nested .pagefind-ui__result-link").first
            assert "#s" in (nested.get_attribute("href") or "")
            nested.click()
            page.wait_for_load_state()
            assert page.locator(":target").count() == 1
    finally:
        context.close()
