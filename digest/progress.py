"""A plain progress bar on stderr for long builds: shown on a terminal, silent in CI and in pipes."""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType
from typing import TextIO

WIDTH = 30
# Short builds finish before a bar helps; drawing starts only once this much time has passed.
DELAY = 0.5
_INTERVAL = 0.1


def wants_progress(stream: TextIO) -> bool:
    """Return True when `stream` is a terminal and the build is not running in CI."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty()) and not os.environ.get("CI")


class ProgressBar:
    """A one-line bar, redrawn at most ten times a second and erased when closed."""

    def __init__(self, label: str, *, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = wants_progress(self.stream) if enabled is None else enabled
        self._start = time.monotonic()
        self._drawn = 0.0
        self._shown = False

    def update(self, done: int, total: int) -> None:
        """Show that `done` of `total` items are finished."""
        if not self.enabled or total <= 0:
            return
        now = time.monotonic()
        if now - self._start < DELAY or (now - self._drawn < _INTERVAL and done < total):
            return
        done = min(done, total)
        filled = WIDTH * done // total
        rate = done / max(now - self._start, 1e-9)
        bar = "#" * filled + "." * (WIDTH - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total} ({rate:.0f}/s)")
        self.stream.flush()
        self._drawn, self._shown = now, True

    def close(self) -> None:
        """Erase the bar, if it was drawn, so that later messages start on a clean line."""
        if self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._shown = False

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
