"""The recipe: load, clean, extract, theme, synthesize, render, then one atomic write of the site.

Records come from the cache when the article, the settings and the code are unchanged; the rest
are extracted here, across local processes or on a Dask cluster. When nothing the site depends on
has changed since the last build and the site is still as that build left it, nothing is redone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from digest.cache import (
    RecordCache,
    SiteStamp,
    build_key,
    output_state,
    read_stamp,
    record_settings,
    write_stamp,
)
from digest.clean import clean_article
from digest.config import CONFIG_NAME, SiteConfig
from digest.errors import ConfigError
from digest.executors import Executor, map_articles
from digest.extract import extract_record
from digest.load import load_articles
from digest.models import ArticleRecord, Diagnostic, OutputFile, SourceDoc
from digest.output import build_lock, check_output_dir
from digest.pagememo import PageMemo

Progress = Callable[[int, int], None]
RECORDS = "data/records.jsonl"


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did: problems found, files written and left as they were, time per stage.

    `cache_hits` and `cache_misses` count records taken from the cache or extracted; `reused` is
    True when the previous site was still current and nothing was extracted, rendered or written.
    """

    articles: int
    diagnostics: tuple[Diagnostic, ...]
    written: int
    unchanged: int
    timings: tuple[tuple[str, float], ...] = field(default=())
    cache_hits: int = 0
    cache_misses: int = 0
    reused: bool = False

    @property
    def errors(self) -> int:
        """Return the number of error diagnostics."""
        return sum(1 for d in self.diagnostics if d.level == "error")


@dataclass(frozen=True, slots=True)
class _Collected:
    records: tuple[ArticleRecord, ...]
    diagnostics: tuple[Diagnostic, ...]
    hits: int
    misses: int


class _Clock:
    def __init__(self) -> None:
        self.stages: list[tuple[str, float]] = []

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages.append((name, time.perf_counter() - start))


def process_article(doc: SourceDoc) -> ArticleRecord:
    """Return the record of one loaded article: the pure per-article stage."""
    return extract_record(clean_article(doc))


def build_epoch(records: tuple[ArticleRecord, ...]) -> dt.datetime:
    """Return the date the site states as its own: SOURCE_DATE_EPOCH, else the newest article date."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        try:
            return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC)
        except (ValueError, OverflowError, OSError) as exc:
            raise ConfigError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {raw!r}") from exc
    dates = [r.article.published for r in records if r.article.published is not None]
    return max(dates) if dates else dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def collect(
    config: SiteConfig,
    *,
    use_cache: bool = True,
    executor: Executor = "local",
    workers: int | None = None,
    scheduler: str | None = None,
) -> tuple[tuple[ArticleRecord, ...], tuple[Diagnostic, ...]]:
    """Return the records of every article of the project, and what went wrong on the way."""
    docs, diagnostics = load_articles(config.articles_dir, tz=config.tz, max_bytes=config.max_article_bytes)
    found = _records(
        docs,
        diagnostics,
        config=config,
        use_cache=use_cache,
        executor=executor,
        workers=workers,
        scheduler=scheduler,
        progress=None,
    )
    return found.records, found.diagnostics


def _records(
    docs: Sequence[SourceDoc],
    diagnostics: tuple[Diagnostic, ...],
    *,
    config: SiteConfig,
    use_cache: bool,
    executor: Executor,
    workers: int | None,
    scheduler: str | None,
    progress: Progress | None,
) -> _Collected:
    settings = record_settings(timezone=config.timezone)
    cache = RecordCache(config.cache_dir, settings=settings) if use_cache else None
    cached = [cache.get(doc) if cache is not None else None for doc in docs]
    missing = [doc for doc, record in zip(docs, cached, strict=True) if record is None]
    done = len(docs) - len(missing)

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, len(docs))

    fresh = map_articles(
        process_article, missing, executor=executor, workers=workers, scheduler=scheduler, on_done=advance
    )
    if cache is not None:
        for doc, record in zip(missing, fresh, strict=True):
            cache.put(doc, record)
        cache.save()
    remaining = iter(fresh)
    records = tuple(record if record is not None else next(remaining) for record in cached)
    found = tuple(d for r in records for d in r.article.diagnostics)
    return _Collected(records, diagnostics + found, len(docs) - len(missing), len(missing))


def build(
    config: SiteConfig,
    *,
    on_write: Callable[[str], None] | None = None,
    use_cache: bool = True,
    executor: Executor = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Build the site of `config` into its output directory, atomically, and report what happened.

    `progress(done, total)` is told how many articles have their record so far.
    """
    check_output_dir(config.output_dir, project_dir=config.project_dir)
    clock = _Clock()
    with build_lock(config.output_dir):
        with clock.stage("load"):
            stamp = read_stamp(config.cache_dir, config.output_dir) if use_cache else None
            quick = build_key(
                [repr(config)],
                templates_dir=config.templates_dir,
                config_file=config.project_dir / CONFIG_NAME,
            )
            inputs = output_state(config.articles_dir)
            docs: tuple[SourceDoc, ...] = ()
            load_problems: tuple[Diagnostic, ...] = ()
            if stamp is not None and stamp.unchanged(quick=quick, inputs=inputs):
                key = stamp.key
            else:
                docs, load_problems = load_articles(
                    config.articles_dir, tz=config.tz, max_bytes=config.max_article_bytes
                )
                key = _site_key(quick, docs, load_problems)
        if stamp is not None and stamp.key == key:
            with clock.stage("check site"):
                current = output_state(config.output_dir) == stamp.files
            if current:
                return BuildReport(
                    stamp.articles,
                    stamp.diagnostics,
                    0,
                    len(stamp.files) - 1,
                    tuple(clock.stages),
                    cache_hits=stamp.articles,
                    reused=True,
                )
            if not docs:
                docs, load_problems = load_articles(
                    config.articles_dir, tz=config.tz, max_bytes=config.max_article_bytes
                )
        with clock.stage("extract"):
            found = _records(
                docs,
                load_problems,
                config=config,
                use_cache=use_cache,
                executor=executor,
                workers=workers,
                scheduler=scheduler,
                progress=progress,
            )
        memo = _memo(stamp, quick, config) if use_cache else None
        written, unchanged, pages = _make_site(
            found.records,
            config=config,
            clock=clock,
            on_write=on_write,
            memo=memo,
            search_cache=config.cache_dir / "search" if use_cache else None,
        )
        if use_cache:
            state = output_state(config.output_dir)
            stamp = SiteStamp(
                key,
                len(found.records),
                found.diagnostics,
                state,
                quick=quick,
                inputs=inputs,
                settled_ns=time.time_ns(),
                pages=tuple(sorted(pages.items())),
            )
            write_stamp(config.cache_dir, config.output_dir, stamp)
    return BuildReport(
        len(found.records),
        found.diagnostics,
        written,
        unchanged,
        tuple(clock.stages),
        cache_hits=found.hits,
        cache_misses=found.misses,
    )


def _make_site(
    records: tuple[ArticleRecord, ...],
    *,
    config: SiteConfig,
    clock: _Clock,
    on_write: Callable[[str], None] | None,
    memo: PageMemo | None = None,
    search_cache: Path | None = None,
) -> tuple[int, int, Mapping[str, str]]:
    # Imported here: an unchanged rebuild never needs Jinja2, feedgen or lxml.
    from digest.feeds import render_feeds
    from digest.output import write_site
    from digest.render import render_pages
    from digest.synthesize import synthesize
    from digest.themes import assign_themes

    with clock.stage("themes"):
        records, themes = assign_themes(records, specs=config.themes)
    with clock.stage("synthesize"):
        digest = synthesize(records, themes=themes)
    epoch = build_epoch(records)
    fingerprints: dict[str, str] = {}
    spent = {"render": 0.0, "search": 0.0}

    def files(pool: ThreadPoolExecutor) -> Iterator[OutputFile]:
        # Pages go to the writer one by one, so the site is never held in memory whole; the search
        # index is made in the background from data/records.jsonl (the first file) meanwhile.
        index: Future[tuple[OutputFile, ...]] | None = None
        pages = render_pages(digest, config=config, epoch=epoch, memo=memo)
        while True:
            start = time.perf_counter()
            item = next(pages, None)
            spent["render"] += time.perf_counter() - start
            if item is None:
                break
            if item.fingerprint:
                fingerprints[item.path] = item.fingerprint
            if item.path == RECORDS and config.search:
                index = pool.submit(_search, item, language=config.language, cache_dir=search_cache)
            yield item
        start = time.perf_counter()
        yield from render_feeds(digest, config=config, epoch=epoch)
        spent["render"] += time.perf_counter() - start
        if config.search:
            start = time.perf_counter()
            found = index.result() if index is not None else _search(None, language=config.language)
            spent["search"] += time.perf_counter() - start
            yield from found

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="digest-search") as pool:
        written, unchanged = write_site(
            files(pool), output_dir=config.output_dir, project_dir=config.project_dir, on_write=on_write
        )
    total = time.perf_counter() - start
    clock.stages += [*spent.items(), ("write", total - sum(spent.values()))]
    return written, unchanged, fingerprints


def _search(
    records: OutputFile | None, *, language: str, cache_dir: Path | None = None
) -> tuple[OutputFile, ...]:
    from digest.search import search_files

    return search_files((records,) if records is not None else (), language=language, cache_dir=cache_dir)


def _memo(stamp: SiteStamp | None, quick: str, config: SiteConfig) -> PageMemo:
    """Return what the last build's pages can offer this one: nothing unless settings and code match."""
    if stamp is None or stamp.quick != quick:
        return PageMemo(quick)
    return PageMemo(
        quick,
        config.output_dir,
        dict(stamp.pages),
        {path: (size, mtime, inode) for path, size, mtime, inode in stamp.files},
    )


def _site_key(quick: str, docs: Sequence[SourceDoc], problems: tuple[Diagnostic, ...]) -> str:
    """Return the key of a site: settings, templates and code (`quick`) plus every article's bytes."""
    digest = hashlib.sha256(quick.encode())
    for doc in docs:
        digest.update(f"{doc.path}\0{doc.id}\0{doc.sha256}\0".encode("utf-8", "surrogatepass"))
    for problem in problems:
        digest.update(problem.format().encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()
