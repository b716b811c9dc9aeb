"""Run the per-article stage over many articles: here, across local processes, or on a Dask cluster.

The stage is a pure function of one SourceDoc, so every executor returns the same records in the
same order; only the time taken differs.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Literal, TypeVar

from digest.errors import ConfigError, DigestError
from digest.fanout import can_fork, die_with_parent
from digest.models import SourceDoc

Executor = Literal["local", "dask"]
R = TypeVar("R")
EXECUTORS: tuple[Executor, ...] = ("local", "dask")
# Below this many articles a pool costs more than it saves: starting two forked workers and
# shipping records back takes about 30 ms, the time to extract 3-10 seed-sized articles; the
# margin covers slower starts (forkserver, spawn) and short articles.
MIN_PARALLEL = 32
_BATCHES_PER_WORKER = 8
_MAX_BATCH = 64


def runs_here(count: int, *, executor: Executor = "local", workers: int | None = None) -> bool:
    """Return whether `map_articles` runs the stage over `count` docs in this process."""
    if executor != "local":
        return False
    return (workers if workers is not None else os.cpu_count() or 1) == 1 or count < MIN_PARALLEL


def map_articles(
    stage: Callable[[SourceDoc], R],
    docs: Sequence[SourceDoc],
    *,
    executor: Executor = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    on_done: Callable[[int], None] | None = None,
) -> list[R]:
    """Return `stage` applied to every doc, in order; `on_done(n)` is told as each batch of n finishes.

    `workers` is the number of local processes (default: the number of CPUs); `scheduler` is the
    address of a Dask scheduler, required by `executor="dask"`. `stage` must be a module-level
    function so that other processes can import it.
    """
    if executor == "dask":
        return _map_dask(stage, docs, scheduler=scheduler, on_done=on_done)
    if executor != "local":
        raise ConfigError(f"unknown executor {executor!r}; use one of: {', '.join(EXECUTORS)}")
    count = workers if workers is not None else os.cpu_count() or 1
    if count < 1:
        raise ConfigError(f"--workers must be at least 1, not {count}")
    if runs_here(len(docs), workers=count):
        return _map_here(stage, docs, on_done=on_done)
    return _map_processes(stage, docs, workers=count, on_done=on_done)


def _batches(docs: Sequence[SourceDoc], workers: int) -> list[tuple[SourceDoc, ...]]:
    # Several batches per worker keep every worker busy to the end; a cap keeps progress moving.
    size = max(1, min(_MAX_BATCH, len(docs) // (workers * _BATCHES_PER_WORKER) or 1))
    return [tuple(docs[i : i + size]) for i in range(0, len(docs), size)]


def _run_batch(stage: Callable[[SourceDoc], R], batch: tuple[SourceDoc, ...]) -> list[R]:
    return [stage(doc) for doc in batch]


def _map_here(
    stage: Callable[[SourceDoc], R], docs: Sequence[SourceDoc], *, on_done: Callable[[int], None] | None
) -> list[R]:
    records: list[R] = []
    for doc in docs:
        records.append(stage(doc))
        if on_done is not None:
            on_done(1)
    return records


def _context() -> multiprocessing.context.BaseContext:
    # Forking is the fastest start (workers inherit the imported extractors) but is unsafe once
    # other threads run, e.g. after a Dask client in the same process.
    if can_fork():
        return multiprocessing.get_context("fork")
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _map_processes(
    stage: Callable[[SourceDoc], R],
    docs: Sequence[SourceDoc],
    *,
    workers: int,
    on_done: Callable[[int], None] | None,
) -> list[R]:
    batches = _batches(docs, workers)
    records: list[R] = []
    try:
        context = _context()
        # Forked workers end with the build even if it is killed (see die_with_parent); a fork
        # server's workers are its children, not the build's.
        forked = context.get_start_method() == "fork"
        with ProcessPoolExecutor(
            max_workers=min(workers, len(batches)),
            mp_context=context,
            initializer=partial(die_with_parent, os.getpid()) if forked else None,
        ) as pool:
            for done in pool.map(partial(_run_batch, stage), batches):
                records.extend(done)
                if on_done is not None:
                    on_done(len(done))
    except BrokenProcessPool as exc:
        raise DigestError(f"an extraction worker process died ({exc}); try --workers 1") from exc
    return records


def _map_dask(
    stage: Callable[[SourceDoc], R],
    docs: Sequence[SourceDoc],
    *,
    scheduler: str | None,
    on_done: Callable[[int], None] | None,
) -> list[R]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise DigestError(
            "the dask executor needs Dask's distributed scheduler: pip install 'digest[dask]'"
        ) from exc
    if not scheduler:
        raise ConfigError("--executor dask needs --scheduler ADDRESS (for example tcp://10.0.0.5:8786)")
    try:
        client = Client(scheduler, timeout="10s", set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise DigestError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    with client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        futures = client.map(partial(_run_batch, stage), _batches(docs, workers), pure=False)
        batches = []
        # In order rather than as completed: the bar moves a little less evenly, the code stays simple.
        for future in futures:
            batch = future.result()
            batches.append(batch)
            if on_done is not None:
                on_done(len(batch))
    return [record for batch in batches for record in batch]
