"""The built site against the validators: the Nu Html Checker on every page, and the feed checks
that matter to feed readers (strict XML, RFC 822 dates, plausible dates, unique ids, absolute
links, no script) on every feed of the committed project's build."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import lxml.etree
import lxml.html
import pytest

from tests.browser._site import NODE_MODULES, ROOT, build_site, need_program, need_tool, run

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}:\d{2} [+-]\d{4}$"
)
EARLIEST = dt.datetime(1990, 1, 1, tzinfo=dt.UTC)
ABSOLUTE = re.compile(r"^https?://[^/\s]+")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(ROOT, tmp_path_factory.mktemp("validators") / "site")


def xml_feeds(site: Path) -> list[Path]:
    found = [p for p in site.rglob("*.xml") if p.name != "sitemap.xml"] + list(site.rglob("*.atom"))
    return sorted(p for p in found if "pagefind" not in p.parts)


def json_feeds(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.json") if "pagefind" not in p.parts and "data" not in p.parts)


def parse_strict(path: Path) -> Any:
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return lxml.etree.fromstring(path.read_bytes(), parser)


def plausible(when: dt.datetime, *, where: str) -> None:
    now = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    assert when.tzinfo is not None, f"{where}: date without a time zone"
    assert EARLIEST <= when <= now, f"{where}: implausible date {when.isoformat()}"


def check_html_fragment(fragment: str, *, where: str) -> None:
    if not fragment.strip():
        return
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag not in ("script", "iframe", "object", "embed"), f"{where}: <{element.tag}>"
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"{where}: event handler {name}"
            if name in ("href", "src"):
                assert ABSOLUTE.match(value), f"{where}: relative or unsafe link {value!r}"


def rss_items(root: Any) -> Iterator[Any]:
    yield from root.iter("item")


def test_nu_html_checker_finds_no_errors(site: Path) -> None:
    java = need_program("java")
    jar = need_tool(VNU, "vnu-jar")
    done = run([java, "-jar", str(jar), "--errors-only", "--skip-non-html", str(site)], timeout=300)
    assert done.returncode == 0, done.stderr[-4000:] or done.stdout[-4000:]


def test_there_are_feeds_to_check(site: Path) -> None:
    names = {p.relative_to(site).as_posix() for p in xml_feeds(site) + json_feeds(site)}
    assert {"feed.xml", "atom.xml", "feed.json"} <= names
    assert any(name.startswith("themes/") for name in names)


def test_every_feed_is_strict_xml_and_feedparser_finds_no_fault(site: Path) -> None:
    for path in xml_feeds(site):
        parse_strict(path)
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, f"{path}: {parsed.get('bozo_exception')}"
        assert parsed.entries, f"{path}: no entries"


def test_rss_dates_are_rfc822_and_plausible(site: Path) -> None:
    for path in xml_feeds(site):
        root = parse_strict(path)
        if root.tag != "rss":
            continue
        build_date = root.findtext("channel/lastBuildDate")
        assert build_date and RFC822.match(build_date), f"{path}: lastBuildDate {build_date!r}"
        latest = email.utils.parsedate_to_datetime(build_date)
        plausible(latest, where=str(path))
        for item in rss_items(root):
            value = item.findtext("pubDate")
            if value is None:
                continue
            assert RFC822.match(value), f"{path}: pubDate {value!r} is not RFC 822"
            when = email.utils.parsedate_to_datetime(value)
            plausible(when, where=str(path))
            assert when <= latest, f"{path}: an item is newer than lastBuildDate"


def test_atom_dates_are_rfc3339_and_plausible(site: Path) -> None:
    for path in xml_feeds(site):
        root = parse_strict(path)
        if root.tag != f"{ATOM}feed":
            continue
        for element in root.iter(f"{ATOM}updated", f"{ATOM}published"):
            assert element.text is not None
            plausible(dt.datetime.fromisoformat(element.text), where=str(path))


def test_ids_are_unique_within_each_feed(site: Path) -> None:
    for path in xml_feeds(site):
        root = parse_strict(path)
        if root.tag == "rss":
            ids = [item.findtext("guid") for item in rss_items(root)]
        else:
            ids = [entry.findtext(f"{ATOM}id") for entry in root.iter(f"{ATOM}entry")]
        assert all(ids), f"{path}: an item without an id"
        assert len(ids) == len(set(ids)), f"{path}: duplicate ids"
    for path in json_feeds(site):
        items = json.loads(path.read_text(encoding="utf-8"))["items"]
        ids = [item["id"] for item in items]
        assert all(ids) and len(ids) == len(set(ids)), f"{path}: missing or duplicate ids"


def test_links_are_absolute_and_content_has_no_script(site: Path) -> None:
    for path in xml_feeds(site):
        root = parse_strict(path)
        where = str(path)
        if root.tag == "rss":
            links = [root.findtext("channel/link")] + [i.findtext("link") for i in rss_items(root)]
            links += [e.get("href") for e in root.iter(f"{ATOM}link")]
            fragments = [i.findtext("description") or "" for i in rss_items(root)]
            fragments += [i.findtext(CONTENT) or "" for i in rss_items(root)]
        else:
            links = [e.get("href") for e in root.iter(f"{ATOM}link")]
            fragments = [e.text or "" for e in root.iter(f"{ATOM}content", f"{ATOM}summary")]
        for link in links:
            assert link and ABSOLUTE.match(link), f"{where}: link {link!r} is not absolute"
        for fragment in fragments:
            check_html_fragment(fragment, where=where)
    for path in json_feeds(site):
        feed = json.loads(path.read_text(encoding="utf-8"))
        for key in ("home_page_url", "feed_url"):
            assert ABSOLUTE.match(feed[key]), f"{path}: {key}"
        for item in feed["items"]:
            assert ABSOLUTE.match(item["url"]), f"{path}: item url {item['url']!r}"
            check_html_fragment(item.get("content_html", ""), where=str(path))
