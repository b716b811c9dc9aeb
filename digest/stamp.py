"""The stamp of the last build: its inputs' key, its report, and the state of every file it wrote.

An unchanged rebuild compares file states with the stamp and reads nothing else; a changed one
takes from it the fingerprint of every page (see pagememo.py). Stamps live in the cache directory,
one per output directory, and a missing or unreadable one only costs a full build.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from digest.cache import UNREADABLE, code_fingerprint, fast_dumps, safe_loads, write_atomic
from digest.load import settled
from digest.models import Diagnostic


@dataclass(frozen=True, slots=True)
class SiteStamp:
    """What the last build wrote: its inputs' key, its report and the state of every output file."""

    key: str
    articles: int
    diagnostics: tuple[Diagnostic, ...]
    files: tuple[tuple[str, int, int, int], ...]
    # A cheaper check than `key`, read before any article is: the settings and code, and the
    # (path, size, mtime, inode) of every file in articles/, trusted only for files that were
    # already older than the stamp by a margin (a file changed twice within one clock tick looks
    # unchanged; the margin keeps such files on the full check).
    quick: str = ""
    inputs: tuple[tuple[str, int, int, int], ...] = ()
    settled_ns: int = 0
    # (path, fingerprint) of every page rendered, for pagememo.PageMemo.
    pages: tuple[tuple[str, str], ...] = ()

    def unchanged(self, *, quick: str, inputs: tuple[tuple[str, int, int, int], ...]) -> bool:
        """Return whether the inputs match this stamp by their file state alone."""
        return (
            bool(self.quick)
            and self.quick == quick
            and self.inputs == inputs
            and all(settled(mtime, self.settled_ns) for _, _, mtime, _ in inputs)
        )


def build_key(parts: Iterable[str], *, templates_dir: Path, config_file: Path) -> str:
    """Return a hash of everything a site depends on: `parts`, templates, digest.yaml and all of digest."""
    digest = hashlib.sha256(code_fingerprint(records_only=False).encode())
    digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode() + b"\0")
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for path in [config_file, *(sorted(templates_dir.rglob("*")) if templates_dir.is_dir() else [])]:
        try:
            digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0" + path.read_bytes())
        except (IsADirectoryError, FileNotFoundError):
            digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0-")
    return digest.hexdigest()


def output_state(output_dir: Path) -> tuple[tuple[str, int, int, int], ...]:
    """Return (path, size, mtime_ns, inode) of every file under `output_dir`, sorted by path."""
    found: list[tuple[str, int, int, int]] = []
    pending = [(output_dir, "")]
    while pending:
        directory, prefix = pending.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue
        for entry in entries:
            name = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                pending.append((Path(entry.path), name + "/"))
                continue
            st = entry.stat(follow_symlinks=False)
            found.append((name, st.st_size, st.st_mtime_ns, st.st_ino))
    return tuple(sorted(found))


def _stamp_path(cache_dir: Path, output_dir: Path) -> Path:
    name = hashlib.sha256(str(output_dir.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_dir / f"site-{name}.stamp"


# A stamp held in memory by a process that builds again, with the state of the file it was read
# from or written to: while the file keeps that state, it holds that stamp.
HeldStamp = tuple[tuple[int, int, int], SiteStamp]


def read_stamp(cache_dir: Path, output_dir: Path) -> SiteStamp | None:
    """Return the stamp of the last build into `output_dir`, or None when missing or unreadable."""
    found = held_stamp(cache_dir, output_dir)
    return found[1] if found is not None else None


def held_stamp(cache_dir: Path, output_dir: Path, *, held: HeldStamp | None = None) -> HeldStamp | None:
    """Return the stamp of the last build into `output_dir` with its file's state, or None.

    None when the stamp is missing or unreadable; `held` is returned as it is while the file is
    still the one it came from.
    """
    path = _stamp_path(cache_dir, output_dir)
    try:
        st = os.stat(path)
        state = (st.st_size, st.st_mtime_ns, st.st_ino)
        if held is not None and held[0] == state:
            return held
        stamp = safe_loads(path.read_bytes())
    except (OSError, *UNREADABLE):
        return None
    if not isinstance(stamp, SiteStamp):
        return None
    # A stamp written by an older digest lacks the newer fields: treat it as missing.
    return (state, stamp) if all(hasattr(stamp, f.name) for f in dataclasses.fields(SiteStamp)) else None


def write_stamp(cache_dir: Path, output_dir: Path, stamp: SiteStamp) -> HeldStamp | None:
    """Record `stamp` as the state of `output_dir`; a failure only costs the next build time.

    Return the stamp with the state of the file written, or None when it could not be written.
    """
    data = fast_dumps(stamp)
    path = _stamp_path(cache_dir, output_dir)
    try:
        write_atomic(path, data)
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino), stamp
