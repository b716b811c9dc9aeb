"""Run the Pagefind binary on a set of pages and return the bundle it writes.

Pagefind is the `pagefind` package from PyPI, its binary called directly (its Python API waits
0.1 s per record); nothing is fetched at build or read time.
"""

from __future__ import annotations

import functools
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from digest.errors import OutputError

TIMEOUT_SECONDS = 120

# A Pagefind bundle as (path inside the bundle, bytes) pairs, sorted by path.
Bundle = tuple[tuple[str, bytes], ...]


def executable() -> Path:
    """Return the Pagefind binary the `pagefind` package provides."""
    try:
        from pagefind.service import get_executable
    except ImportError as exc:
        raise OutputError("search needs the pagefind package: pip install 'pagefind[extended]'") from exc
    found = get_executable()
    if found is None:
        raise OutputError("the pagefind package has no binary for this platform")
    return Path(found)


def version(binary: Path) -> str:
    """Return what `binary --version` prints, asked once per binary file and process."""
    try:
        stat = binary.stat()
    except OSError as exc:
        raise OutputError(f"cannot run Pagefind: {exc}", path=str(binary)) from exc
    return _version(str(binary), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _version(binary: str, size: int, mtime_ns: int) -> str:
    # Size and time are part of the memo key so that an upgraded binary is asked again.
    try:
        done = subprocess.run(
            [binary, "--version"], capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OutputError(f"cannot run Pagefind: {exc}", path=binary) from exc
    if done.returncode != 0 or not done.stdout.strip():
        raise OutputError(f"Pagefind did not tell its version ({done.returncode})", path=binary)
    return done.stdout.strip()


def run_pagefind(binary: Path, pages: Mapping[str, str], *, language: str, where: str) -> Bundle:
    """Index `pages` (site path -> HTML) with Pagefind under `language` and return its bundle."""
    with tempfile.TemporaryDirectory(prefix="digest-search-") as scratch:
        # The pages are laid out at the articles' own paths so that results link to the real page;
        # they live in this scratch directory and are never published.
        site = Path(scratch) / "pages"
        for path, text in pages.items():
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        output = Path(scratch) / "bundle"
        command = [
            str(binary),
            "--site",
            str(site),
            "--output-path",
            str(output),
            "--force-language",
            language,
            "--silent",
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise OutputError(f"Pagefind could not index the site: {exc}", path=where) from exc
        if done.returncode != 0:
            raise OutputError(
                f"Pagefind failed ({done.returncode}): {(done.stderr or done.stdout).strip()}", path=where
            )
        found = sorted(p for p in output.rglob("*") if p.is_file())
        return tuple((p.relative_to(output).as_posix(), p.read_bytes()) for p in found)
