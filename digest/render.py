"""Digest -> HTML pages, sitemap and data exports as OutputFile records; writes nothing."""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Iterator
from typing import Any

import jinja2

from digest import __version__
from digest.config import SiteConfig
from digest.digest_views import (
    SHOWN_SOURCES,
    by_year,
    conflict_view,
    fact_view,
    index_context,
    person_view,
    timeline_context,
)
from digest.export import digest_exports
from digest.highlight import KINDS
from digest.models import ArticleRecord, Digest, OutputFile
from digest.pagememo import UNFINGERPRINTABLE, PageMemo, previous_lines
from digest.recall import Recall, each
from digest.richtext import markdown_html
from digest.templating import environment, render_template
from digest.views import (
    article_view,
    claims_by_theme,
    record_detail,
    theme_view,
)

RECORDS = "data/records.jsonl"


def render_site(digest: Digest, *, config: SiteConfig, epoch: dt.datetime) -> tuple[OutputFile, ...]:
    """Return every page of the site for `digest`."""
    return tuple(render_pages(digest, config=config, epoch=epoch))


def render_pages(
    digest: Digest,
    *,
    config: SiteConfig,
    epoch: dt.datetime,
    memo: PageMemo | None = None,
    recall: Recall | None = None,
    share: tuple[int, int] | None = None,
) -> Iterator[OutputFile]:
    """Yield every page of the site for `digest`, one at a time, so that none has to be kept.

    With a `memo`, each page carries its fingerprint, and a page whose fingerprint and file are
    those of the last build is yielded as kept (no bytes): the writer links the old file. A
    `recall` gives back the views (and fingerprints) of records it has seen in an earlier build.
    With `share=(k, n)`, only the k-th of n shares of the files is made (k counting from 0): n
    processes given a share each make every file once between them.
    """
    files = _files(digest, config=config, epoch=epoch, memo=memo, recall=recall, share=share or (0, 1))
    return (item for item in files if item is not None)


# Pages go to the shares of a parallel render in blocks of this many, in their order.
_SHARE_BLOCK = 8


def _files(
    digest: Digest,
    *,
    config: SiteConfig,
    epoch: dt.datetime,
    memo: PageMemo | None,
    recall: Recall | None,
    share: tuple[int, int],
) -> Iterator[OutputFile | None]:
    mine, shares = share
    # The exports go with the first share (they feed the search index, which starts early), the
    # assets and the sitemap with the last; the pages are dealt out in blocks.
    first, last = mine == 0, mine == shares - 1
    env = environment(config.templates_dir)
    site = _site_view(digest, config=config, epoch=epoch)
    try:
        memo = memo.salted(site) if memo is not None else None
    except UNFINGERPRINTABLE:
        memo = None
    pages: list[str] = []
    shared: dict[int, tuple[Any, str]] = {}

    def page(
        path: str,
        template: str,
        *,
        fingerprint: str | None = None,
        lazy: Callable[[], dict[str, Any]] | None = None,
        **context: Any,
    ) -> OutputFile | None:
        # A `fingerprint` given stands for the context, when that is cheaper to fingerprint; `lazy`
        # adds the parts of the context that are only worth building when the page is rendered.
        pages.append(path)
        if (len(pages) - 1) // _SHARE_BLOCK % shares != mine:
            return None
        if memo is not None and fingerprint is None:
            try:
                fingerprint = memo.fingerprint(path, template, memo.context_material(context, shared, recall))
            except UNFINGERPRINTABLE:
                fingerprint = ""
        fingerprint = fingerprint or ""
        if memo is not None and fingerprint and memo.keeps(path, fingerprint):
            return OutputFile(path, b"", fingerprint=fingerprint, kept=True)
        if lazy is not None:
            context.update(lazy())
        depth = path.count("/")
        html = render_template(env, template, site=site, root="../" * depth, path=path, **context)
        return OutputFile(path, html.encode("utf-8"), fingerprint=fingerprint)

    # An article page is a function of its record alone: its fingerprint also vouches for the
    # record's line in data/records.jsonl.
    article_prints = _article_prints(digest, memo) if memo is not None else {}
    # The exports come first: the search index is made from data/records.jsonl while pages render.
    if first:
        known = _known_lines(memo, article_prints) if memo is not None else {}
        yield from digest_exports(digest, title=site["title"], generator=site["generator"], known_lines=known)

    records = digest.records
    articles = each(recall, "article-view", records, lambda batch: [article_view(r) for r in batch])
    by_id = {a["id"]: a for a in articles}
    theme_claims = claims_by_theme(records, recall)
    themes = [theme_view(t, theme_claims) for t in digest.themes]
    fact_views = {}
    for number, fact in enumerate(digest.facts, start=1):
        many = len({ref.article for ref in fact.sources}) > SHOWN_SOURCES
        fact_views[fact.key] = fact_view(
            fact, by_id, len(records), href=f"facts/{number}.html" if many else None
        )
    conflicts = [conflict_view(c.measure, c.facts, fact_views) for c in digest.conflicts]
    size = config.page_size
    yield page(
        "index.html",
        "index.html",
        **index_context(digest, articles, by_id, themes=themes, conflicts=conflicts, facts=fact_views),
    )
    legend = [(css, label) for _, css, label in KINDS.values()]
    for record, view in zip(records, articles, strict=True):
        yield page(
            f"articles/{view['id']}.html",
            "article.html",
            fingerprint=article_prints.get(record.article.id),
            lazy=functools.partial(_detail, record),
            article=view,
            legend=legend,
        )
    yield page("themes/index.html", "themes.html", themes=themes)
    for theme in themes:
        for _, chunk, pager in _paginate(
            theme_claims.get(theme["slug"], []), size, f"themes/{theme['slug']}"
        ):
            yield page(pager["path"], "theme.html", theme=theme, claims=chunk, pager=pager)
    people = [person_view(p, by_id) for p in digest.people]
    for _, chunk, pager in _paginate(people, size * 2, "people/index"):
        yield page(pager["path"], "people.html", people=chunk, pager=pager)
    for person in people:
        for _, chunk, pager in _paginate(person["quotes"], size, f"people/{person['key']}"):
            yield page(pager["path"], "person.html", person=person, quotes=chunk, pager=pager)
    facts = list(fact_views.values())
    for _, chunk, pager in _paginate(facts, size * 2, "facts"):
        yield page(pager["path"], "facts.html", facts=chunk, pager=pager, conflicts=conflicts)
    for view in facts:
        if view["href"]:
            for _, chunk, pager in _paginate(view["sources"], size * 2, view["href"].removesuffix(".html")):
                yield page(pager["path"], "fact.html", fact=view, sources=chunk, pager=pager)
    quotes = [q for a in articles for q in a["quotes"]]
    for _, chunk, pager in _paginate(quotes, size, "quotes"):
        yield page(pager["path"], "quotes.html", quotes=chunk, pager=pager)
    timeline = timeline_context(digest, by_id)
    inline_undated = len(timeline["undated"]) <= size * 2
    for _, chunk, pager in _paginate(timeline["events"], size * 4, "timeline"):
        yield page(
            pager["path"],
            "timeline.html",
            years=by_year(chunk),
            pager=pager,
            undated=timeline["undated"] if inline_undated and pager["number"] == 1 else [],
            undated_count=len(timeline["undated"]),
            undated_href=None if inline_undated else "timeline/undated.html",
        )
    if not inline_undated:
        for _, chunk, pager in _paginate(timeline["undated"], size * 2, "timeline/undated"):
            yield page(pager["path"], "undated.html", undated=chunk, pager=pager)
    for _, chunk, pager in _paginate(articles, size, "sources"):
        yield page(pager["path"], "sources.html", sources=chunk, pager=pager)
    if config.search:
        yield page("search.html", "search.html")
    yield page("404.html", "404.html")
    if not last:
        return
    for asset in ("icon.svg", "search.js") if config.search else ("icon.svg",):
        yield OutputFile(f"assets/{asset}", render_template(env, asset).encode("utf-8"))
    yield OutputFile("assets/style.css", render_template(env, "style.css").encode("utf-8"))
    yield OutputFile(
        "robots.txt", f"User-agent: *\nAllow: /\nSitemap: {config.base_url}sitemap.xml\n".encode()
    )
    yield _sitemap(env, pages, config=config, site=site)


def _article_prints(digest: Digest, memo: PageMemo) -> dict[str, str]:
    """Return the fingerprint of every article page, by article id.

    A record is a function of its file (path, id, bytes) under the settings and code a memo's base
    names, and of the themes given to its claims; an article page and the record's line in
    data/records.jsonl are functions of the record and of nothing else of the digest.
    """
    prints = {}
    for record in digest.records:
        art = record.article
        material = (art.path, art.id, art.sha256, [c.themes for c in record.claims])
        prints[art.id] = memo.fingerprint(f"articles/{art.id}.html", "article.html", material)
    return prints


def _known_lines(memo: PageMemo, article_prints: dict[str, str]) -> dict[str, str]:
    """Return the last build's records.jsonl lines of the records that are still the same."""
    lines = previous_lines(memo, RECORDS)
    return {
        article_id: line
        for article_id, line in lines.items()
        if article_id in article_prints
        and memo.previous.get(f"articles/{article_id}.html") == article_prints[article_id]
    }


def _detail(record: ArticleRecord) -> dict[str, Any]:
    return {"record": record_detail(record)}


def _site_view(digest: Digest, *, config: SiteConfig, epoch: dt.datetime) -> dict[str, Any]:
    return {
        "title": config.title,
        "description": config.description,
        "description_html": markdown_html(config.description),
        "search": config.search,
        "base_url": config.base_url,
        "language": config.language,
        "updated": epoch.date().isoformat(),
        "generator": f"digest {__version__}",
        "article_count": len(digest.records),
        "themes": [{"slug": t.slug, "name": t.name} for t in digest.themes],
    }


def _paginate(items: list[Any], size: int, stem: str) -> list[tuple[int, list[Any], dict[str, Any]]]:
    pages = max(1, math.ceil(len(items) / size))
    out = []
    for number in range(1, pages + 1):
        path = f"{stem}.html" if number == 1 else f"{stem}/page-{number}.html"
        prev_path = (
            None if number == 1 else (f"{stem}.html" if number == 2 else f"{stem}/page-{number - 1}.html")
        )
        next_path = f"{stem}/page-{number + 1}.html" if number < pages else None
        pager = {
            "path": path,
            "number": number,
            "pages": pages,
            "prev": prev_path,
            "next": next_path,
            "offset": (number - 1) * size,
        }
        out.append((number, items[(number - 1) * size : number * size], pager))
    return out


def _sitemap(
    env: jinja2.Environment, pages: list[str], *, config: SiteConfig, site: dict[str, Any]
) -> OutputFile:
    urls = sorted(path for path in pages if path != "404.html")
    xml = render_template(env, "sitemap.xml", site=site, urls=[config.base_url + u for u in urls])
    return OutputFile("sitemap.xml", xml.encode("utf-8"))
