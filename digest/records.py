"""The records of a build's articles: from the cache, from a warm process, or extracted anew.

Extraction is the pure per-article stage (`process_article`), run here for a few articles and
across local processes or a Dask cluster for many; new records go into the cache.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from digest.cache import RecordCache, fast_dumps, record_settings, safe_loads
from digest.clean import clean_article
from digest.config import SiteConfig
from digest.executors import Executor, map_articles, runs_here
from digest.extract import extract_record
from digest.models import ArticleRecord, Diagnostic, SourceDoc
from digest.warm import Warm

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Collected:
    """The records of a build, every diagnostic so far, and how many came from the cache."""

    records: tuple[ArticleRecord, ...]
    diagnostics: tuple[Diagnostic, ...]
    hits: int
    misses: int


def process_article(doc: SourceDoc) -> ArticleRecord:
    """Return the record of one loaded article: the pure per-article stage."""
    return extract_record(clean_article(doc))


def packed_article(doc: SourceDoc) -> bytes:
    """Return the record of one loaded article pickled as the cache keeps it, to send it back.

    A worker process sends its records back as these bytes: the cache keeps them as they are, and
    they load faster than records pickled field by field in the generic way.
    """
    return fast_dumps(process_article(doc))


def collect_records(
    docs: Sequence[SourceDoc],
    diagnostics: tuple[Diagnostic, ...],
    *,
    config: SiteConfig,
    use_cache: bool,
    executor: Executor,
    workers: int | None,
    scheduler: str | None,
    progress: Progress | None,
    warm: Warm | None = None,
) -> Collected:
    settings = record_settings(timezone=config.timezone)
    cache = RecordCache(config.cache_dir, settings=settings) if use_cache else None
    with _no_collection():
        # Rebuilding records makes millions of objects, none garbage: the collector would
        # walk them all again and again for nothing.
        cached = [_cached(doc, cache, warm) for doc in docs]
    missing = [doc for doc, record in zip(docs, cached, strict=True) if record is None]
    done = len(docs) - len(missing)

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, len(docs))

    with _no_collection():  # the same holds for records coming back from the workers
        if runs_here(len(missing), executor=executor, workers=workers):
            fresh = map_articles(process_article, missing, workers=1, on_done=advance)
            blobs: list[bytes | None] = [None] * len(fresh)
        else:
            blobs = list(
                map_articles(
                    packed_article,
                    missing,
                    executor=executor,
                    workers=workers,
                    scheduler=scheduler,
                    on_done=advance,
                )
            )
            fresh = [_unpacked(blob) for blob in blobs]  # type: ignore[arg-type]
    if cache is not None:
        for doc, record, blob in zip(missing, fresh, blobs, strict=True):
            cache.put(doc, record, blob=blob)
        cache.save()
    remaining = iter(fresh)
    records = tuple(record if record is not None else next(remaining) for record in cached)
    if warm is not None and warm.keep_records and cache is not None:
        warm.records = {cache.key(doc): record for doc, record in zip(docs, records, strict=True)}
    found = tuple(d for r in records for d in r.article.diagnostics)
    return Collected(records, diagnostics + found, len(docs) - len(missing), len(missing))


def _unpacked(blob: bytes) -> ArticleRecord:
    record = safe_loads(blob)
    if not isinstance(record, ArticleRecord):
        raise TypeError(f"a worker sent back {type(record).__name__}, not a record")
    return record


@contextmanager
def _no_collection() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _cached(doc: SourceDoc, cache: RecordCache | None, warm: Warm | None) -> ArticleRecord | None:
    if cache is None:
        return None
    record = warm.records.get(cache.key(doc)) if warm is not None else None
    if record is None:
        return cache.get(doc)
    cache.remember(doc, record)
    return record
