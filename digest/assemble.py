"""From records to the written site: themes, synthesis, pages, feeds and the search index, streamed
to the one writer while the search index is made in the background.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from digest.config import SiteConfig
from digest.errors import ConfigError
from digest.models import ArticleRecord, Digest, OutputFile
from digest.pagememo import PageMemo
from digest.recall import Recall
from digest.stamp import SiteStamp

RECORDS = "data/records.jsonl"


@dataclass(frozen=True, slots=True)
class SiteWritten:
    """What writing the site did: files written and left as they were, page fingerprints, stage times."""

    written: int
    unchanged: int
    fingerprints: Mapping[str, str]
    stages: tuple[tuple[str, float], ...]


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


def make_site(
    records: tuple[ArticleRecord, ...],
    *,
    config: SiteConfig,
    on_write: Callable[[str], None] | None,
    memo: PageMemo | None = None,
    search_cache: Path | None = None,
    recall: Recall | None = None,
    workers: int = 1,
) -> SiteWritten:
    """Theme, synthesize, render and index `records`, and write the site; report what it took.

    When every page is to be made (no page of the last build can be kept), up to `workers`
    processes render them.

    Call it with the collector frozen (build.frozen): records and digest live until the end, and
    would otherwise be walked over and over while claims are themed and pages made.
    """
    # Imported here: an unchanged rebuild never needs Jinja2, feedgen or lxml.
    from digest.feeds import render_feeds
    from digest.output import write_site
    from digest.synthesize import synthesize
    from digest.themes import assign_themes

    start = time.perf_counter()
    records, themes = assign_themes(records, specs=config.themes, recall=recall)
    stages = [("themes", time.perf_counter() - start)]
    start = time.perf_counter()
    digest = synthesize(records, themes=themes, recall=recall)
    stages.append(("synthesize", time.perf_counter() - start))
    epoch = build_epoch(records)
    fingerprints: dict[str, str] = {}
    spent = {"render": 0.0, "search": 0.0}

    def files(pool: ThreadPoolExecutor) -> Iterator[OutputFile]:
        # Pages go to the writer one by one, so the site is never held in memory whole; the search
        # index is made in the background from data/records.jsonl (the first file) meanwhile.
        index: Future[tuple[OutputFile, ...]] | None = None
        pages = _pages(digest, config=config, epoch=epoch, memo=memo, recall=recall, workers=workers)
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
    gc.freeze()  # the digest, too
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="digest-search") as pool:
        written, unchanged = write_site(
            files(pool), output_dir=config.output_dir, project_dir=config.project_dir, on_write=on_write
        )
    total = time.perf_counter() - start
    stages += [*spent.items(), ("write", total - sum(spent.values()))]
    return SiteWritten(written, unchanged, fingerprints, tuple(stages))


# Below this many articles, forking workers and sending pages back costs more than it saves.
PARALLEL_RENDER = 200


def _pages(
    digest: Digest,
    *,
    config: SiteConfig,
    epoch: dt.datetime,
    memo: PageMemo | None,
    recall: Recall | None,
    workers: int,
) -> Iterator[OutputFile]:
    from digest.fanout import can_fork, fan_out
    from digest.render import render_pages

    everything = memo is None or memo.empty()
    if workers < 2 or not everything or len(digest.records) < PARALLEL_RENDER or not can_fork():
        return render_pages(digest, config=config, epoch=epoch, memo=memo, recall=recall)

    def share(mine: int, shares: int) -> Iterator[OutputFile]:
        return render_pages(digest, config=config, epoch=epoch, memo=memo, share=(mine, shares))

    return fan_out(share, workers)


def prepare(
    records: tuple[ArticleRecord, ...], *, config: SiteConfig, memo: PageMemo | None, recall: Recall
) -> None:
    """Fill `recall` with what a build of `records` makes from each record, and write nothing.

    For a long-running process whose first build finds the site current: its next build then
    makes again only what comes from records that changed. With the last build's `memo`, no page
    is rendered; only views and fingerprints are made.
    """
    from digest.render import render_pages
    from digest.synthesize import synthesize
    from digest.themes import assign_themes

    records, themes = assign_themes(records, specs=config.themes, recall=recall)
    digest = synthesize(records, themes=themes, recall=recall)
    for _ in render_pages(digest, config=config, epoch=build_epoch(records), memo=memo, recall=recall):
        pass


def _search(
    records: OutputFile | None, *, language: str, cache_dir: Path | None = None
) -> tuple[OutputFile, ...]:
    from digest.search import search_files

    return search_files((records,) if records is not None else (), language=language, cache_dir=cache_dir)


def page_memo(stamp: SiteStamp | None, quick: str, config: SiteConfig) -> PageMemo:
    """Return what the last build's pages can offer this one: nothing unless settings and code match."""
    if stamp is None or stamp.quick != quick:
        return PageMemo(quick)
    return PageMemo(
        quick,
        config.output_dir,
        dict(stamp.pages),
        {path: (size, mtime, inode) for path, size, mtime, inode in stamp.files},
    )
