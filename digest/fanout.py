"""Make a stream of values in several forked processes at once, and take them back as they come.

A build that renders every page (the first one, or after the templates or settings changed) spends
most of its time in Jinja, on one core. Each forked worker inherits the digest as it is in memory
(nothing is pickled on the way in), makes its share of the pages and sends them back through a
pipe; the parent takes them in whatever order they arrive and hands them to the one writer.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from digest.errors import DigestError

T = TypeVar("T")
_ITEM, _DONE, _FAILED = "item", "done", "failed"


def can_fork() -> bool:
    """Return whether workers can be forked safely: on a platform with fork, in a single thread."""
    # A fork copies only the calling thread: a lock another thread held would stay locked forever.
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def die_with_parent(parent: int) -> None:
    """Have this worker process end when `parent` (the build) does, even if it is killed.

    On Linux the kernel sends the signal; elsewhere nothing is done. A parent already gone by the
    time this runs ends the worker at once.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def fan_out(make: Callable[[int, int], Iterable[T]], workers: int) -> Iterator[T]:
    """Yield everything `make(k, workers)` yields, for k in 0..workers-1, each in its own process.

    Values come in the order they are made, not in k order. An exception raised in a worker is
    raised here; a worker that dies raises DigestError. Leaving the iteration early stops them all.
    """
    context = multiprocessing.get_context("fork")
    pipes: list[multiprocessing.connection.Connection] = []
    processes: list[Any] = []
    try:
        for share in range(workers):
            receive, send = context.Pipe(duplex=False)
            process = context.Process(
                target=_work,
                args=(make, share, workers, send, os.getpid()),
                name=f"digest-render-{share}",
                daemon=True,
            )
            process.start()
            send.close()
            pipes.append(receive)
            processes.append(process)
        live = list(pipes)
        while live:
            for ready in multiprocessing.connection.wait(live):
                pipe = pipes[pipes.index(ready)]  # type: ignore[arg-type]
                try:
                    kind, value = pipe.recv()
                except EOFError:
                    raise DigestError("a rendering worker process died; try --workers 1") from None
                if kind == _ITEM:
                    yield value
                elif kind == _DONE:
                    live.remove(pipe)
                else:
                    raise value
    finally:
        for process in processes:
            if process.is_alive():
                process.kill()
            process.join()
        for pipe in pipes:
            pipe.close()


def _travels(exc: BaseException) -> bool:
    """Return whether `exc` comes out of a pipe as it went in (some exceptions cannot be rebuilt)."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return False
    return True


def _work(
    make: Callable[[int, int], Iterable[Any]],
    share: int,
    workers: int,
    send: multiprocessing.connection.Connection,
    parent: int,
) -> None:
    die_with_parent(parent)
    try:
        for item in make(share, workers):
            send.send((_ITEM, item))
        send.send((_DONE, None))
    except BaseException as exc:
        # A parent that is gone (killed, or done with the stream) has closed its end: nobody is
        # left to tell, and a worker never prints a traceback of its own.
        with contextlib.suppress(OSError):
            send.send((_FAILED, exc if _travels(exc) else DigestError(f"{type(exc).__name__}: {exc}")))
    finally:
        send.close()
