"""Digest -> RSS 2.0, Atom 1.0 and JSON Feed 1.1 files, for the whole digest and for each theme."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from itertools import islice

from feedgen.feed import FeedGenerator
from markupsafe import escape

from digest import __version__
from digest.config import SiteConfig
from digest.models import ArticleRecord, Digest, OutputFile
from digest.textsafe import json_dumps_safe, xml_safe

_NAMESPACE = uuid.UUID("6f1c8a52-4b0e-5d53-9a7e-3c2d1e0f4b67")
_MAX_ITEMS = 5


@dataclass(frozen=True, slots=True)
class _Entry:
    id: str
    title: str
    link: str
    summary: str
    content: str
    published: dt.datetime | None
    updated: dt.datetime
    author: str | None
    source: str | None


def entry_id(record: ArticleRecord) -> str:
    """Return the feed id of an article: stable across a renamed file or a new base URL."""
    art = record.article
    key = art.url or f"{(art.source or '').casefold()}\n{' '.join(art.title.split()).casefold()}"
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, key)}"


def render_feeds(digest: Digest, *, config: SiteConfig, epoch: dt.datetime) -> tuple[OutputFile, ...]:
    """Return the digest's feeds and one RSS and one Atom feed per theme, newest articles first."""
    # One sort for every feed: a theme's newest articles are the first of its members in the
    # order of all articles, since the order is the same and sorting keeps ties in record order.
    ordered = _newest_first(digest.records)
    files = _feed_set(
        _entries(ordered[: config.feed_items], config=config, epoch=epoch),
        config=config,
        epoch=epoch,
        stem="",
        title=config.title,
        description=config.description,
        json_feed=True,
    )
    themes_of = [_themes(record) for record in ordered]
    for theme in digest.themes:
        members = (record for record, slugs in zip(ordered, themes_of, strict=True) if theme.slug in slugs)
        files.extend(
            _feed_set(
                _entries(tuple(islice(members, config.feed_items)), config=config, epoch=epoch),
                config=config,
                epoch=epoch,
                stem=f"themes/{theme.slug}",
                title=f"{config.title}: {theme.name}",
                description=theme.description or f"Articles on {theme.name}",
                json_feed=False,
            )
        )
    return tuple(files)


def _themes(record: ArticleRecord) -> set[str]:
    """Return the slugs of the themes `record` has a claim in; a claim in none is in "other"."""
    slugs = {slug for claim in record.claims for slug in claim.themes}
    if any(not claim.themes for claim in record.claims):
        slugs.add("other")
    return slugs


def _newest_first(records: tuple[ArticleRecord, ...]) -> tuple[ArticleRecord, ...]:
    """Return `records` newest first; undated ones last, ties by feed id."""

    def order(record: ArticleRecord) -> tuple[bool, float, str]:
        published = record.article.published
        return (published is None, -(published.timestamp() if published else 0.0), entry_id(record))

    return tuple(sorted(records, key=order))


def _entries(records: tuple[ArticleRecord, ...], *, config: SiteConfig, epoch: dt.datetime) -> list[_Entry]:
    entries = []
    for record in records:
        art = record.article
        link = f"{config.base_url}articles/{art.id}.html"
        summary = next((art.text[s.start : s.end] for s in art.sentences), art.title)
        entries.append(
            _Entry(
                id=entry_id(record),
                title=xml_safe(art.title),
                link=link,
                summary=xml_safe(summary),
                content=xml_safe(_content_html(record, base=config.base_url)),
                published=art.published,
                updated=art.published or epoch,
                author=art.author,
                source=art.source,
            )
        )
    return entries


def _content_html(record: ArticleRecord, *, base: str) -> str:
    art = record.article
    page = f"{base}articles/{art.id}.html"

    def link(sentence: int, text: str) -> str:
        return f'<a href="{escape(page)}#s{sentence}">{escape(text)}</a>'

    parts = [f"<p>{escape(art.text[s.start : s.end])}</p>" for s in art.sentences[:1]]
    claims = sorted(record.claims, key=lambda c: (-len(c.figures), c.start))[:_MAX_ITEMS]
    if claims:
        parts.append("<h3>Key claims</h3><ul>")
        parts += [f"<li>{link(c.sentence, c.text)}</li>" for c in sorted(claims, key=lambda c: c.start)]
        parts.append("</ul>")
    figures = [f for f in record.figures if f.value is not None or f.approx][: _MAX_ITEMS * 2]
    if figures:
        parts.append("<h3>Figures</h3><ul>")
        parts += [
            f"<li>{link(f.sentence, f.text)}{escape(' — ' + f.measure) if f.measure else ''}</li>"
            for f in figures
        ]
        parts.append("</ul>")
    quotes = [q for q in record.quotes if q.direct][:_MAX_ITEMS]
    if quotes:
        parts.append("<h3>Quotes</h3><ul>")
        parts += [
            f"<li>“{link(q.sentence, q.text)}” — {escape(q.speaker or 'unattributed')}</li>" for q in quotes
        ]
        parts.append("</ul>")
    parts.append(f'<p><a href="{escape(page)}">Read the article in the digest</a></p>')
    return "".join(parts)


def _feed_set(
    entries: list[_Entry],
    *,
    config: SiteConfig,
    epoch: dt.datetime,
    stem: str,
    title: str,
    description: str,
    json_feed: bool,
) -> list[OutputFile]:
    rss_path = f"{stem}.xml" if stem else "feed.xml"
    atom_path = f"{stem}.atom" if stem else "atom.xml"
    home = config.base_url + (f"{stem}.html" if stem else "")
    updated = max((e.updated for e in entries), default=epoch)
    files = []
    for kind, path in (("rss", rss_path), ("atom", atom_path)):
        fg = FeedGenerator()
        fg.id(f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'feed:' + (stem or 'digest'))}")
        fg.title(xml_safe(title))
        fg.description(xml_safe(description))
        fg.subtitle(xml_safe(description))
        fg.link(href=home, rel="alternate")
        fg.link(href=config.base_url + path, rel="self")
        fg.language(config.language)
        fg.generator("digest", version=__version__, uri="https://pypi.org/project/digest/")
        fg.updated(updated)
        fg.lastBuildDate(updated)
        for entry in entries:
            fe = fg.add_entry(order="append")
            fe.id(entry.id)
            fe.guid(entry.id, permalink=False)
            fe.title(entry.title)
            fe.link(href=entry.link)
            fe.summary(entry.summary)
            fe.content(entry.content, type="html" if kind == "atom" else "CDATA")
            fe.updated(entry.updated)
            if entry.published is not None:
                fe.published(entry.published)
            if entry.author and kind == "atom":
                fe.author(name=xml_safe(entry.author))
        data = fg.atom_str(pretty=True) if kind == "atom" else fg.rss_str(pretty=True)
        files.append(OutputFile(path, data))
    if json_feed:
        files.append(
            OutputFile("feed.json", _json_feed(entries, config=config, title=title, description=description))
        )
    return files


def _json_feed(entries: list[_Entry], *, config: SiteConfig, title: str, description: str) -> bytes:
    items = []
    for entry in entries:
        item: dict[str, object] = {
            "id": entry.id,
            "url": entry.link,
            "title": entry.title,
            "summary": entry.summary,
            "content_html": entry.content,
            "date_modified": entry.updated.isoformat(),
        }
        if entry.published is not None:
            item["date_published"] = entry.published.isoformat()
        if entry.author:
            item["authors"] = [{"name": entry.author}]
        items.append(item)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "description": description,
        "home_page_url": config.base_url,
        "feed_url": config.base_url + "feed.json",
        "language": config.language,
        "items": items,
    }
    return (json_dumps_safe(feed, indent=1) + "\n").encode("utf-8")
