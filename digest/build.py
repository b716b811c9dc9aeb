"""The recipe: load, clean, extract, theme, synthesize, render, then one atomic write of the site.

Records come from the cache when the article, the settings and the code are unchanged; the rest
are extracted here, across local processes or on a Dask cluster. When nothing the site depends on
has changed since the last build and the site is still as that build left it, nothing is redone.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from digest.assemble import make_site, page_memo, prepare
from digest.config import CONFIG_NAME, SiteConfig
from digest.executors import Executor
from digest.load import load_articles
from digest.models import ArticleRecord, Diagnostic, SourceDoc
from digest.output import build_lock, check_output_dir
from digest.records import Collected, Progress, collect_records
from digest.stamp import SiteStamp, build_key, held_stamp, output_state, write_stamp
from digest.warm import Warm


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
    found = collect_records(
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


@contextmanager
def _frozen() -> Iterator[None]:
    """Move everything alive out of the collector's sight for the rest of the build.

    The records live until the site is written; left in sight, each full collection would walk
    their millions of objects again. A process that builds again (digest serve) gets them back
    under the collector's care afterwards.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def build(
    config: SiteConfig,
    *,
    on_write: Callable[[str], None] | None = None,
    use_cache: bool = True,
    executor: Executor = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
    warm: Warm | None = None,
) -> BuildReport:
    """Build the site of `config` into its output directory, atomically, and report what happened.

    `progress(done, total)` is told how many articles have their record so far. A process that
    builds again and again passes the same `warm` to each build, which then reads and extracts only
    what changed (without the cache, `warm` is not used).
    """
    warm = warm if use_cache else None

    def load() -> tuple[tuple[SourceDoc, ...], tuple[Diagnostic, ...]]:
        if warm is not None:
            return warm.load(config)
        if not use_cache:
            return load_articles(config.articles_dir, tz=config.tz, max_bytes=config.max_article_bytes)
        kept = Warm.stored(config)
        found = kept.load(config)
        kept.store(config)
        return found

    def records(
        docs: Sequence[SourceDoc], problems: tuple[Diagnostic, ...], progress: Progress | None
    ) -> Collected:
        return collect_records(
            docs,
            problems,
            config=config,
            use_cache=use_cache,
            executor=executor,
            workers=workers,
            scheduler=scheduler,
            progress=progress,
            warm=warm,
        )

    check_output_dir(config.output_dir, project_dir=config.project_dir)
    clock = _Clock()
    with build_lock(config.output_dir):
        with clock.stage("load"):
            stamp = _read_stamp(config, warm) if use_cache else None
            quick = build_key(
                [repr(config)],
                templates_dir=config.templates_dir,
                config_file=config.project_dir / CONFIG_NAME,
            )
            # Taken before the articles are read: a file is trusted by its state next time only if it
            # was already older than this by a margin (see SiteStamp.unchanged).
            read_ns = time.time_ns()
            inputs = output_state(config.articles_dir)
            docs: tuple[SourceDoc, ...] = ()
            load_problems: tuple[Diagnostic, ...] = ()
            # A warm state that holds nothing yet is filled even when the site is current.
            priming = warm is not None and warm.keep_records and not warm.records
            if stamp is not None and not priming and stamp.unchanged(quick=quick, inputs=inputs):
                key = stamp.key
            else:
                docs, load_problems = load()
                key = _site_key(quick, docs, load_problems)
        if stamp is not None and stamp.key == key:
            with clock.stage("check site"):
                current = output_state(config.output_dir) == stamp.files
            if current:
                if priming:
                    with clock.stage("extract"):
                        primed = records(docs, load_problems, None)
                    if warm is not None and warm.recall is not None:
                        # What the next build would make again from unchanged records (their
                        # themes, parts of the digest, views), made now while nothing waits on it.
                        with clock.stage("prepare"), _frozen():
                            prepare(
                                primed.records,
                                config=config,
                                memo=page_memo(stamp, quick, config),
                                recall=warm.recall,
                            )
                if docs:
                    # The articles were read and found the same: vouch for their file states from
                    # now on, so that the next unchanged build need not read them again.
                    settled = dataclasses.replace(stamp, inputs=inputs, settled_ns=read_ns)
                    _write_stamp(config, warm, settled)
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
                docs, load_problems = load()
        with clock.stage("extract"):
            found = records(docs, load_problems, progress)
        docs = ()  # the articles' raw text is not needed past extraction: let it go
        if warm is not None and warm.recall is not None:
            warm.recall.turn()
        with _frozen():
            done = make_site(
                found.records,
                config=config,
                on_write=on_write,
                memo=page_memo(stamp, quick, config) if use_cache else None,
                search_cache=config.cache_dir / "search" if use_cache else None,
                recall=warm.recall if warm is not None else None,
                workers=workers if workers is not None else os.cpu_count() or 1,
            )
        clock.stages += done.stages
        if use_cache:
            state = output_state(config.output_dir)
            stamp = SiteStamp(
                key,
                len(found.records),
                found.diagnostics,
                state,
                quick=quick,
                inputs=inputs,
                settled_ns=read_ns,
                pages=tuple(sorted(done.fingerprints.items())),
            )
            _write_stamp(config, warm, stamp)
    return BuildReport(
        len(found.records),
        found.diagnostics,
        done.written,
        done.unchanged,
        tuple(clock.stages),
        cache_hits=found.hits,
        cache_misses=found.misses,
    )


def _read_stamp(config: SiteConfig, warm: Warm | None) -> SiteStamp | None:
    # A process that builds again holds the last stamp, and reads it again only if its file changed.
    held = held_stamp(config.cache_dir, config.output_dir, held=warm.stamp if warm is not None else None)
    if warm is not None:
        warm.stamp = held
    return held[1] if held is not None else None


def _write_stamp(config: SiteConfig, warm: Warm | None, stamp: SiteStamp) -> None:
    held = write_stamp(config.cache_dir, config.output_dir, stamp)
    if warm is not None:
        warm.stamp = held


def _site_key(quick: str, docs: Sequence[SourceDoc], problems: tuple[Diagnostic, ...]) -> str:
    """Return the key of a site: settings, templates and code (`quick`) plus every article's bytes."""
    digest = hashlib.sha256(quick.encode())
    for doc in docs:
        digest.update(f"{doc.path}\0{doc.id}\0{doc.sha256}\0".encode("utf-8", "surrogatepass"))
    for problem in problems:
        digest.update(problem.format().encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()
