"""Keep the Pagefind bundle of each search shard between builds, so an unchanged shard is not reindexed.

Two kinds of entries, both named by a hex key: `<key>.bundle` holds a bundle, keyed by the pages
it was built from; `<key>.pages` holds the key of the pages a shard's records made, keyed by those
records, so that a shard whose records did not change skips making its pages at all. Every entry
is written whole or not at all (a temporary file, then a rename) and checked when read: a missing,
unreadable or corrupt entry is a miss, never an error. Entries this build did not use are deleted
at the end of it.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import time
from pathlib import Path

from digest._pagefind import Bundle
from digest.cache import write_atomic

_MAGIC = b"digest-search-bundle\n"
_KEY = re.compile(r"[0-9a-f]{64}")
_SUFFIXES = (".bundle", ".pages")
_STALE_TMP_SECONDS = 3600


class BundleCache:
    """The cache directory of search shards, or no cache at all when `directory` is None."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._used: set[str] = set()

    def pages_key(self, records_key: str) -> str | None:
        """Return the key of the pages a shard with `records_key` made last time, if known."""
        data = self._read(records_key + ".pages")
        text = data.decode("ascii", "replace").strip() if data is not None else ""
        return text if _KEY.fullmatch(text) else None

    def remember_pages(self, records_key: str, pages_key: str) -> None:
        """Note that the shard with `records_key` makes the pages with `pages_key`."""
        self._write(records_key + ".pages", pages_key.encode("ascii") + b"\n")

    def bundle(self, pages_key: str) -> Bundle | None:
        """Return the bundle built from the pages with `pages_key`, if cached and intact."""
        data = self._read(pages_key + ".bundle")
        return _unpack(data) if data is not None else None

    def put_bundle(self, pages_key: str, bundle: Bundle) -> None:
        """Store `bundle` as the one built from the pages with `pages_key`."""
        self._write(pages_key + ".bundle", _pack(bundle))

    def prune(self) -> None:
        """Delete the entries this build did not use, and temporary files a crash left behind."""
        if self.directory is None:
            return
        try:
            entries = list(self.directory.iterdir())
        except OSError:
            return
        now = time.time()
        for entry in entries:
            try:
                unused = entry.name.endswith(_SUFFIXES) and entry.name not in self._used
                # Another build's file being written is young; one older than this was left by a crash.
                left = entry.name.endswith(".tmp") and now - entry.stat().st_mtime > _STALE_TMP_SECONDS
                if unused or left:
                    entry.unlink()
            except OSError:
                continue  # a cache that cannot be tidied is still a correct cache

    def _read(self, name: str) -> bytes | None:
        self._used.add(name)
        if self.directory is None:
            return None
        try:
            return (self.directory / name).read_bytes()
        except OSError:
            return None

    def _write(self, name: str, data: bytes) -> None:
        self._used.add(name)
        if self.directory is None:
            return
        # The build does not need the cache to succeed: a full disk only costs the next build time.
        with contextlib.suppress(OSError):
            write_atomic(self.directory / name, data)


def _pack(bundle: Bundle) -> bytes:
    body = b"".join(
        f"{len(path.encode())} {len(data)}\n".encode("ascii") + path.encode() + data for path, data in bundle
    )
    return _MAGIC + hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body


def _unpack(data: bytes) -> Bundle | None:
    """Return the bundle `data` holds, or None if it is not one intact bundle."""
    head = len(_MAGIC) + 65
    if not data.startswith(_MAGIC) or len(data) < head:
        return None
    checksum, body = data[len(_MAGIC) : head - 1], data[head:]
    if data[head - 1 : head] != b"\n" or hashlib.sha256(body).hexdigest().encode("ascii") != checksum:
        return None
    files: list[tuple[str, bytes]] = []
    at = 0
    try:
        while at < len(body):
            newline = body.index(b"\n", at)
            path_size, data_size = (int(n) for n in body[at:newline].split(b" "))
            at = newline + 1
            path = body[at : at + path_size].decode()
            at += path_size
            files.append((path, body[at : at + data_size]))
            at += data_size
    except ValueError:
        return None
    return tuple(files) if at == len(body) else None
