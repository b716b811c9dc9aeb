"""Feeds read back with feedparser and a strict XML parser; ids, dates and links checked."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from digest.config import parse_config
from digest.feeds import render_feeds
from digest.models import Theme
from digest.synthesize import synthesize
from tests.factories import make_digest, make_record

EPOCH = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)


def _feeds(tmp_path: Path, *records, base: str = "https://news.example.com/d/"):  # type: ignore[no-untyped-def]
    config = parse_config({"base_url": base, "title": "Test digest"}, project_dir=tmp_path)
    return {f.path: f.content for f in render_feeds(make_digest(*records), config=config, epoch=EPOCH)}


def test_every_feed_parses_strictly_and_with_feedparser(tmp_path: Path) -> None:
    files = _feeds(tmp_path)
    assert {"feed.xml", "atom.xml", "feed.json", "themes/business.xml", "themes/business.atom"} <= set(files)
    for path, data in files.items():
        if path.endswith(".json"):
            feed = json.loads(data)
            assert feed["version"] == "https://jsonfeed.org/version/1.1"
            continue
        etree.fromstring(data, etree.XMLParser(resolve_entities=False))
        parsed = feedparser.parse(data)
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
        assert len(parsed.entries) == 2


def test_rss_dates_are_rfc822_and_come_from_articles(tmp_path: Path) -> None:
    rss = etree.fromstring(_feeds(tmp_path)["feed.xml"])
    pub_dates = [e.text for e in rss.iter("pubDate")]
    assert len(pub_dates) == 1  # the undated article states no date
    assert email.utils.parsedate_to_datetime(pub_dates[0]) == dt.datetime(2025, 2, 21, tzinfo=dt.UTC)
    (last_build,) = [e.text for e in rss.iter("lastBuildDate")]
    assert email.utils.parsedate_to_datetime(last_build) == EPOCH  # the undated entry falls back to it


def test_ids_are_unique_and_stable_across_base_url_and_file_name(tmp_path: Path) -> None:
    first = feedparser.parse(_feeds(tmp_path)["atom.xml"])
    moved = feedparser.parse(
        _feeds(
            tmp_path,
            make_record("renamed"),
            make_record("b", title="Second", published=None, source=None),
            base="https://other.example.net/",
        )["atom.xml"]
    )
    ids = [e.id for e in first.entries]
    assert len(set(ids)) == len(ids)
    assert ids == [e.id for e in moved.entries]


def test_links_are_absolute_and_point_into_the_digest(tmp_path: Path) -> None:
    parsed = feedparser.parse(_feeds(tmp_path)["atom.xml"])
    for entry in parsed.entries:
        assert entry.link.startswith("https://news.example.com/d/articles/")
        assert "https://news.example.com/d/articles/" in entry.content[0].value


def test_entry_updated_does_not_depend_on_other_articles(tmp_path: Path) -> None:
    one = feedparser.parse(_feeds(tmp_path, make_record("a"))["atom.xml"]).entries[0].updated
    two = feedparser.parse(_feeds(tmp_path, make_record("a"), make_record("c", title="Other"))["atom.xml"])
    assert two.entries[0].updated == one


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "javascript:alert(1)",
        "\x00\x0b bad \ufffe",
    ],
)
def test_hostile_text_is_escaped_in_feeds(tmp_path: Path, payload: str) -> None:
    record = make_record("x", title=f"Title {payload}", text=f"Acme said {payload} on Thursday. Then more.")
    for path, data in _feeds(tmp_path, record).items():
        text = data.decode("utf-8")
        assert "<script" not in text.lower() and "<img" not in text.lower(), path
        if path.endswith(".json"):
            titles = [item["title"] for item in json.loads(data)["items"]]
            assert any(t.startswith("Title") for t in titles)  # the text survives, only escaped
        else:
            etree.fromstring(data)
            assert feedparser.parse(data).bozo == 0


def test_feeds_carry_the_newest_articles_up_to_the_configured_number(tmp_path: Path) -> None:
    records = [
        make_record(f"a{i:02d}", title=f"Article {i}", published=dt.datetime(2025, 1, 1 + i, tzinfo=dt.UTC))
        for i in range(6)
    ]
    config = parse_config({"feed_items": 4}, project_dir=tmp_path)
    files = {f.path: f.content for f in render_feeds(make_digest(*records), config=config, epoch=EPOCH)}
    titles = [e.title for e in feedparser.parse(files["feed.xml"]).entries]
    assert titles == ["Article 5", "Article 4", "Article 3", "Article 2"]
    assert len(feedparser.parse(files["themes/business.atom"]).entries) == 4


def test_theme_feeds_hold_the_articles_of_their_theme(tmp_path: Path) -> None:
    inside = make_record("in", title="Inside", themes=("business",))
    outside = make_record(
        "out", title="Outside", themes=("other",), published=dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
    )
    config = parse_config({}, project_dir=tmp_path)
    files = {
        f.path: f.content for f in render_feeds(make_digest(inside, outside), config=config, epoch=EPOCH)
    }
    assert [e.title for e in feedparser.parse(files["themes/business.xml"]).entries] == ["Inside"]


def test_each_theme_feed_takes_the_newest_of_its_own_articles(tmp_path: Path) -> None:
    def record(art_id: str, day: int | None, themes: tuple[str, ...]):  # type: ignore[no-untyped-def]
        published = dt.datetime(2025, 1, day, tzinfo=dt.UTC) if day else None
        return make_record(art_id, title=art_id, published=published, themes=themes)

    records = (
        record("old-business", 1, ("business",)),
        record("unthemed-old", 3, ()),
        record("new-business", 5, ("business",)),
        record("unthemed-new", 9, ()),
        record("undated-business", None, ("business",)),
    )
    themes = (
        Theme("Business", "business", "Money matters", ("revenue",)),
        Theme("Other", "other", "", ()),
    )
    config = parse_config({"feed_items": 2}, project_dir=tmp_path)
    digest = synthesize(records, themes=themes)
    files = {f.path: f.content for f in render_feeds(digest, config=config, epoch=EPOCH)}

    def titles(path: str) -> list[str]:
        return [e.title for e in feedparser.parse(files[path]).entries]

    assert titles("feed.xml") == ["unthemed-new", "new-business"]
    assert titles("themes/business.atom") == ["new-business", "old-business"]
    assert titles("themes/other.xml") == ["unthemed-new", "unthemed-old"]
