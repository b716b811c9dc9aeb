"""Index a built site for Pagefind: every article, and each claim and quotation as a sub-result.

The records come from the site's own `data/records.jsonl` (the extract contract), not from the
HTML, so that a result opens the exact sentence (`articles/<id>.html#s<n>`) and the index does not
depend on how the templates lay a page out.

A large digest is indexed in shards, each its own Pagefind bundle, because Pagefind needs about
0.4 MiB per article and the whole of a bundle in memory at once. An article's shard follows from a
hash of its id alone, so one changed article changes one shard, and each shard's bundle is kept in
a cache between builds: only the shards whose pages changed are reindexed, a few at a time. The
first shard is published at `pagefind/` with Pagefind's scripts; the others under
`pagefind/shard-<n>/` hold their index only, and `pagefind/shards.json` lists them for the search
page, which merges them into one search (`mergeIndex`).
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from digest import _pagefind
from digest._pagefind import Bundle
from digest._search_cache import BundleCache
from digest.errors import OutputError
from digest.models import OutputFile

INDEX_DIR = "pagefind"
MANIFEST = "shards.json"
RECORDS = Path("data") / "records.jsonl"
TITLE_CHARS = 90
LEDE_SENTENCES = 2
# Most articles a shard holds on average before the shards double: Pagefind peaks at about
# 14 MiB + 0.4 MiB per article, so a shard stays near or under 120 MiB.
SHARD_ARTICLES = 256
MAX_PROCESSES = 4
# Bump when a cached bundle must not be reused although its pages, language and Pagefind are the same.
FORMAT_VERSION = "1"
# Only these are needed of a merged bundle: the scripts, styles and WebAssembly come from the first.
_MERGED_FILES = re.compile(r"pagefind-entry\.json|[^/]+\.pf_meta|(index|fragment|filter)/[^/]+")
_ID = re.compile(rb'\{"id": ("(?:[^"\\]|\\.)*")')


@dataclass(frozen=True, slots=True)
class SearchSection:
    """A sentence of an article that holds claims or quotes: a sub-result linking to `#<anchor>`."""

    anchor: str
    heading: str
    content: str


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One article as Pagefind sees it: its text, and a section per sentence with claims or quotes."""

    path: str
    title: str
    text: str
    sections: tuple[SearchSection, ...]


@dataclass(frozen=True, slots=True)
class _Shard:
    """The records of one shard: its number, whether it is published first, and its record lines."""

    number: int
    primary: bool
    lines: tuple[memoryview, ...]


def search_files(
    files: Sequence[OutputFile], *, language: str = "en", cache_dir: Path | None = None
) -> tuple[OutputFile, ...]:
    """Return the Pagefind index of the site made of `files`, as files under `pagefind/`.

    The build adds these to the site's files before its one atomic write. Every record is indexed
    under the site's `language`: Pagefind keeps one index per language and the search page loads
    the one of its own `<html lang>`, so a French quotation in an English digest must be filed
    under English to be found at all. With `cache_dir`, each shard's bundle is kept there and
    reused while its pages, the language and Pagefind stay the same; entries no longer used are
    deleted.
    """
    records = next((f for f in files if f.path == RECORDS.as_posix()), None)
    if records is None:
        raise OutputError(f"cannot index the site for search: it has no {RECORDS.as_posix()}")
    shards = _shards(_lines(records.content))
    cache = BundleCache(cache_dir)
    bundles = _bundles(shards, language=language, cache=cache) if shards else []
    cache.prune()
    out: list[OutputFile] = []
    for shard, bundle in zip(shards, bundles, strict=True):
        prefix = f"{INDEX_DIR}/" if shard.primary else f"{INDEX_DIR}/shard-{shard.number}/"
        out += (OutputFile(prefix + path, data) for path, data in bundle)
    if shards:
        merged = [f"shard-{shard.number}/" for shard in shards if not shard.primary]
        manifest = json.dumps({"shards": merged}, indent=1) + "\n"
        out.append(OutputFile(f"{INDEX_DIR}/{MANIFEST}", manifest.encode("utf-8")))
    return tuple(sorted(out, key=lambda f: f.path))


def shard_count(articles: int) -> int:
    """Return how many shards index `articles` articles: a power of two, so that growing splits shards."""
    count = 1
    while articles > count * SHARD_ARTICLES:
        count *= 2
    return count


def shard_of(article_id: str, shards: int) -> int:
    """Return the shard of the article `article_id` among `shards`, from its id alone."""
    digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") % shards


def _lines(content: bytes) -> list[tuple[str, memoryview]]:
    """Return (article id, record line) for each record of records.jsonl, sorted by id."""
    # Views, not copies: the records of a large digest weigh hundreds of megabytes.
    view = memoryview(content)
    found = []
    start = 0
    while start < len(content):
        end = content.find(b"\n", start)
        end = len(content) if end < 0 else end
        line, start = view[start:end], end + 1
        # Every line starts with the id (the export writes it first); reading it there spares
        # decoding 20 kB of JSON per article when its shard turns out to be cached.
        match = _ID.match(line)
        if match:
            found.append((str(json.loads(match.group(1))), line))
        elif bytes(line).strip():
            found.append((str(json.loads(bytes(line))["id"]), line))
    return sorted(found, key=lambda item: item[0])


def _shards(lines: list[tuple[str, memoryview]]) -> list[_Shard]:
    count = shard_count(len(lines))
    members: list[list[memoryview]] = [[] for _ in range(count)]
    for article_id, line in lines:
        members[shard_of(article_id, count)].append(line)
    numbered = [(number, tuple(shard)) for number, shard in enumerate(members) if shard]
    return [_Shard(number, i == 0, shard) for i, (number, shard) in enumerate(numbered)]


def _bundles(shards: list[_Shard], *, language: str, cache: BundleCache) -> list[Bundle]:
    binary = _pagefind.executable()
    settings = _settings(language=language, pagefind=_pagefind.version(binary))
    found: dict[int, Bundle] = {}
    todo: list[tuple[_Shard, str, dict[str, str]]] = []
    for shard in shards:
        role = b"primary" if shard.primary else b"merged"
        records_key = _key(b"records", settings, role, *shard.lines)
        pages_key = cache.pages_key(records_key)
        bundle = cache.bundle(pages_key) if pages_key else None
        if bundle is None:
            pages = {page.path: _page(page, language) for page in _pages(bytes(x) for x in shard.lines)}
            made = (f"{path}\0{text}".encode() for path, text in sorted(pages.items()))
            pages_key = _key(b"pages", settings, role, *made)
            cache.remember_pages(records_key, pages_key)
            bundle = cache.bundle(pages_key)
            if bundle is None:
                todo.append((shard, pages_key, pages))
                continue
        found[shard.number] = bundle
    if todo:
        workers = min(len(todo), MAX_PROCESSES, os.cpu_count() or 1)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            built = list(pool.map(lambda job: _build(binary, job[0], job[2], language=language), todo))
        for (shard, pages_key, _), bundle in zip(todo, built, strict=True):
            cache.put_bundle(pages_key, bundle)
            found[shard.number] = bundle
    return [found[shard.number] for shard in shards]


def _build(binary: Path, shard: _Shard, pages: dict[str, str], *, language: str) -> Bundle:
    bundle = _pagefind.run_pagefind(binary, pages, language=language, where="site")
    if shard.primary:
        return bundle
    return tuple((path, data) for path, data in bundle if _MERGED_FILES.fullmatch(path))


def _settings(*, language: str, pagefind: str) -> bytes:
    """Return what every shard's bundle depends on besides its pages: also the code that makes them."""
    return b"\0".join([FORMAT_VERSION.encode(), language.encode(), pagefind.encode(), _code()])


@functools.cache
def _code() -> bytes:
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in ("search.py", "_pagefind.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest().encode("ascii")


def _key(kind: bytes, *parts: bytes | memoryview) -> str:
    digest = hashlib.sha256(kind)
    for part in parts:
        # Length-prefixed, so that no two different lists of parts hash alike.
        digest.update(b"%d\0" % len(part))
        digest.update(part)
    return digest.hexdigest()


def _page(page: SearchPage, language: str) -> str:
    esc = html.escape
    sections = "".join(
        f'<h2 id="{esc(section.anchor)}">{esc(section.heading)}</h2><p>{esc(section.content)}</p>'
        for section in page.sections
    )
    # No data-pagefind-filter: Pagefind writes filter values in hash-map order, so the index would
    # differ between identical builds.
    return (
        f'<!DOCTYPE html><html lang="{esc(language)}"><head><meta charset="utf-8">'
        f"<title>{esc(page.title)}</title></head><body><main data-pagefind-body>"
        f'<h1 data-pagefind-meta="title">{esc(page.title)}</h1><p>{esc(page.text)}</p>{sections}'
        "</main></body></html>\n"
    )


def _pages(lines: Iterable[str | bytes]) -> Iterator[SearchPage]:
    for line in lines:
        if not line.strip():
            continue
        data = json.loads(line)
        items: dict[int, list[tuple[str, str]]] = {}
        for claim in data["claims"]:
            items.setdefault(claim["sentence"], []).append((f"Claim: {_short(claim['text'])}", claim["text"]))
        for quote in data["quotes"]:
            speaker = quote["speaker"] or "unattributed"
            text = f"“{quote['text']}”" if quote["direct"] else quote["text"]
            items.setdefault(quote["sentence"], []).append(
                (f"Quote · {speaker}: {_short(text)}", f"{text} — {speaker}")
            )
        sections = tuple(
            SearchSection(f"s{sentence}", entries[0][0], " ".join(content for _, content in entries))
            for sentence, entries in sorted(items.items())
        )
        # The page holds the lede, not the whole text: claims and quotes carry the rest, and indexing
        # every article twice over makes Pagefind need gigabytes for a large digest.
        lede = " ".join(data["text"][s["start"] : s["end"]] for s in data["sentences"][:LEDE_SENTENCES])
        yield SearchPage(f"articles/{data['id']}.html", data["title"], lede, sections)


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= TITLE_CHARS:
        return text
    cut = text.rfind(" ", 0, TITLE_CHARS)
    return text[: cut if cut > TITLE_CHARS // 2 else TITLE_CHARS] + "…"
