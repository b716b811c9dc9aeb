"""Pages rendered from hand-made records: structure, links to sentences, escaping, determinism."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from digest.config import parse_config
from digest.feeds import render_feeds
from digest.render import render_site
from tests.factories import make_digest, make_record

EPOCH = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
# The search page is the only one with scripts, and only digest's own files.
ALLOWED_SCRIPTS = ('<script src="pagefind/pagefind-ui.js">', '<script src="assets/search.js">')


def _site(tmp_path: Path, *records, **settings):  # type: ignore[no-untyped-def]
    config = parse_config({"base_url": "https://news.example.com/", **settings}, project_dir=tmp_path)
    digest = make_digest(*records)
    files = render_site(digest, config=config, epoch=EPOCH) + render_feeds(digest, config=config, epoch=EPOCH)
    return {f.path: f.content.decode("utf-8") for f in files}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            self.attributes.append((name, value or ""))
            if name == "id" and value:
                self.ids.add(value)
            if name == "href" and value:
                self.links.append(value)


def _parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def test_expected_pages_exist(tmp_path: Path) -> None:
    site = _site(tmp_path)
    for path in [
        "index.html",
        "articles/a.html",
        "articles/b.html",
        "themes/index.html",
        "themes/business.html",
        "people/index.html",
        "people/jane-roe.html",
        "facts.html",
        "quotes.html",
        "timeline.html",
        "sources.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "assets/style.css",
        "data/records.jsonl",
        "data/digest.json",
    ]:
        assert path in site, path


def test_every_internal_link_resolves_including_sentence_anchors(tmp_path: Path) -> None:
    site = _site(tmp_path)
    parsed = {path: _parse(html) for path, html in site.items() if path.endswith(".html")}
    for path, page in parsed.items():
        for link in page.links:
            if link.startswith(("http://", "https://")) or "pagefind/" in link:
                continue  # the search index is written by the search stage, tested on its own
            target, _, anchor = link.partition("#")
            resolved = (Path(path).parent / target).as_posix() if target else path
            resolved = re.sub(r"[^/]+/\.\./", "", resolved)
            assert resolved in site, (path, link)
            if anchor and resolved.endswith(".html"):
                assert anchor in parsed[resolved].ids, (path, link)


def test_article_page_marks_items_and_not_by_colour_alone(tmp_path: Path) -> None:
    html = _site(tmp_path)["articles/a.html"]
    assert '<span class="s" id="s0">' in html
    assert 'class="hl-figure" title="figure: percent: 12 %"' in html
    assert 'class="hl-date"' in html and 'class="hl-quote"' in html
    assert "Highlights:" in html  # the legend names each kind in words


def test_undated_article_is_marked_and_listed_last(tmp_path: Path) -> None:
    html = _site(tmp_path)["index.html"]
    assert html.index("articles/a.html") < html.index("articles/b.html")
    assert 'class="undated"' in html


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '"><svg onload=alert(1)>',
        "javascript:alert(1)",
    ],
)
def test_hostile_text_is_escaped_everywhere(tmp_path: Path, payload: str) -> None:
    record = make_record("x", title=f"T {payload}", text=f"Acme said {payload} on Thursday. Then more.")
    for path, html in _site(tmp_path, record).items():
        if path.startswith("assets/"):
            continue  # digest's own static files, not made from any input
        lowered = html.lower()
        assert "<svg" not in lowered and "<img" not in lowered, path
        scripts = re.findall(r"<script[^>]*>", lowered)
        assert all(src in ALLOWED_SCRIPTS for src in scripts), (path, scripts)
        assert not scripts or path == "search.html", path
        if path.endswith(".html"):
            page = _parse(html)
            assert not [name for name, _ in page.attributes if name.startswith("on")], path
            assert not [v for n, v in page.attributes if n in ("href", "src") and "script:" in v.lower()], (
                path
            )


def test_pagination_keeps_long_lists_short(tmp_path: Path) -> None:
    records = [make_record(f"a{i:03d}", title=f"Article {i}") for i in range(7)]
    site = _site(tmp_path, *records, page_size=3)
    assert {"sources.html", "sources/page-2.html", "sources/page-3.html"} <= set(site)
    assert 'rel="next" href="sources/page-2.html"' in site["sources.html"]


def test_render_is_deterministic(tmp_path: Path) -> None:
    assert _site(tmp_path) == _site(tmp_path)


def test_project_template_overrides_built_in(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "about.html").write_text("<p>About this digest: {{ site.title }}</p>")
    assert "<p>About this digest: News digest</p>" in _site(tmp_path)["index.html"]


def test_timeline_values_read_as_dates_and_only_valid_ones_become_time_elements(tmp_path: Path) -> None:
    from digest.digest_views import timex_label

    assert timex_label("2025-02-20") == "20 February 2025"
    assert timex_label("2024-Q4") == "Q4 2024"
    html = _site(tmp_path)["timeline.html"]
    assert '<time datetime="2025-02-20">20 February 2025</time>' in html


def test_people_timeline_and_undated_lists_are_paginated(tmp_path: Path) -> None:
    dated = [make_record(f"d{i:02d}", title=f"Dated {i}") for i in range(5)]
    undated = [make_record(f"u{i:02d}", title=f"Undated {i}", published=None) for i in range(5)]
    site = _site(tmp_path, *dated, *undated, page_size=1)
    assert {
        "timeline.html",
        "timeline/page-2.html",
        "timeline/undated.html",
        "timeline/undated/page-2.html",
    } <= set(site)
    assert 'href="timeline/undated.html"' in site["timeline.html"]
    assert {"people/jane-roe.html", "people/jane-roe/page-2.html"} <= set(site)


def test_a_fact_with_many_sources_lists_a_few_and_links_to_its_own_page(tmp_path: Path) -> None:
    records = [make_record(f"a{i:02d}", title=f"Article {i}") for i in range(12)]
    site = _site(tmp_path, *records)
    assert "and 4 more sources" in site["facts.html"]
    fact_pages = sorted(p for p in site if p.startswith("facts/"))
    assert fact_pages and site[fact_pages[0]].count('<li><a href="../articles/') == 12


def test_search_can_be_switched_off(tmp_path: Path) -> None:
    site = _site(tmp_path, search=False)
    assert "search.html" not in site and "assets/search.js" not in site
    assert "search.html" not in site["index.html"]
    assert "search.html" in _site(tmp_path)["index.html"]


def test_the_digest_export_is_json_with_one_item_a_line(tmp_path: Path) -> None:
    import json

    site = _site(tmp_path, make_record("a"), make_record("b"))
    text = site["data/digest.json"]
    data = json.loads(text)
    assert set(data) >= {"title", "themes", "facts", "people", "timeline"}
    lines = text.splitlines()
    for key in ("facts", "people", "timeline"):
        if data[key]:
            start = lines.index(f' "{key}": [')
            assert [
                json.loads(line.rstrip(",")) for line in lines[start + 1 : start + 1 + len(data[key])]
            ] == data[key]
    assert "<" not in text
