"""The build cache: article records by input bytes, settings and code, and its safe pickling.

Everything lives under the project's `.digest-cache/` directory, which is safe to delete at any
time. Records are kept in a pack file (`records.pack`, with `records.delta` for the ones added
since) keyed by a hash of the article's bytes, path and id, the settings that change records and a
fingerprint of the source code that produces them, so a change to any of these misses the cache
rather than serving a stale record. Files are written to a temporary name and renamed; a file that
cannot be read back is ignored. The stamp of the last site is in stamp.py, the articles kept
between builds in warm.py.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import hashlib
import importlib.metadata
import io
import operator
import os
import pickle
import sys
import tempfile
import zoneinfo
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from digest import models
from digest.models import ArticleRecord, SourceDoc

CACHE_FORMAT = 1
PACK_NAME = "records.pack"
DELTA_NAME = "records.delta"
PACKAGE_DIR = Path(__file__).resolve().parent

# Modules that only run after extraction (or drive it): a change to them never changes a record.
# A test checks that none of them is imported by the modules that load, clean and extract.
NOT_RECORD_CODE = frozenset(
    {
        "__main__.py",
        "_keyphrases.py",
        "_pagefind.py",
        "_search_cache.py",
        "assemble.py",
        "build.py",
        "cache.py",
        "cli.py",
        "digest_views.py",
        "executors.py",
        "export.py",
        "facts.py",
        "fanout.py",
        "feeds.py",
        "highlight.py",
        "importer.py",
        "output.py",
        "pagememo.py",
        "progress.py",
        "recall.py",
        "render.py",
        "richtext.py",
        "scaffold.py",
        "search.py",
        "serve.py",
        "stamp.py",
        "synthesize.py",
        "templating.py",
        "textsafe.py",
        "themes.py",
        "views.py",
        "warm.py",
        "commands",
    }
)
Reducers = dict[type, Callable[[Any], tuple[type, tuple[Any, ...]]]]
RECORD_LIBRARIES = ("pyyaml", "python-frontmatter", "py3langid", "numpy", "tzdata")
SITE_LIBRARIES = (
    "jinja2",
    "markupsafe",
    "markdown",
    "nh3",
    "feedgen",
    "lxml",
    "pagefind",
    "pagefind-bin-extended",
)
_SAFE_GLOBALS: dict[tuple[str, str], object] = {
    **{("datetime", t.__name__): t for t in (dt.datetime, dt.date, dt.time, dt.timedelta, dt.timezone)},
    ("zoneinfo", "ZoneInfo"): zoneinfo.ZoneInfo,
    ("zoneinfo._zoneinfo", "ZoneInfo"): zoneinfo.ZoneInfo,
}
# Unpickling bytes that were damaged on disk can fail with nearly any exception type.
UNREADABLE = (
    pickle.UnpicklingError,
    EOFError,
    AttributeError,
    ImportError,
    IndexError,
    KeyError,
    TypeError,
    ValueError,
    OverflowError,
    MemoryError,
    RecursionError,
)


@functools.cache
def code_fingerprint(*, records_only: bool) -> str:
    """Return a hash of digest's own source: the record-producing modules, or every file of the package.

    Computed once per process; hashing the bytes means no version number has to be bumped by hand.
    """
    digest = hashlib.sha256(f"{CACHE_FORMAT}:{sys.version_info[:2]}".encode())
    # The libraries' versions too: an upgrade may change what they parse, detect or render.
    for name in RECORD_LIBRARIES if records_only else RECORD_LIBRARIES + SITE_LIBRARIES:
        digest.update(f"{name}={_version(name)}\0".encode())
    for path in sorted(PACKAGE_DIR.rglob("*")):
        relative = path.relative_to(PACKAGE_DIR)
        if not path.is_file() or "__pycache__" in relative.parts or path.suffix in (".pyc", ".pyo"):
            continue
        if records_only and (path.suffix != ".py" or relative.parts[0] in NOT_RECORD_CODE):
            continue
        digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def record_settings(*, timezone: str) -> str:
    """Return the part of a record key shared by every article: settings and code that change records."""
    return f"{CACHE_FORMAT}|tz={timezone}|code={code_fingerprint(records_only=True)}"


def _zone_getattr(owner: object, name: str) -> object:
    # Time zones pickle as getattr(ZoneInfo, "_unpickle"); any other getattr could reach os.system.
    if owner is zoneinfo.ZoneInfo and name == "_unpickle":
        return zoneinfo.ZoneInfo._unpickle  # type: ignore[attr-defined]
    raise pickle.UnpicklingError(f"getattr({owner!r}, {name!r}) is not allowed in the cache")


class _Unpickler(pickle.Unpickler):
    """Rebuild only record types and dates, so a planted cache file cannot run code."""

    def find_class(self, module: str, name: str) -> object:
        if module == "digest.models" and isinstance(getattr(models, name, None), type):
            return getattr(models, name)
        if (module, name) == ("digest.stamp", "SiteStamp"):
            from digest.stamp import SiteStamp

            return SiteStamp
        if (module, name) == ("builtins", "getattr"):
            return _zone_getattr
        if (module, name) in _SAFE_GLOBALS:
            return _SAFE_GLOBALS[module, name]
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")


def safe_loads(data: bytes) -> object:
    """Unpickle `data`, rebuilding only record types, dates and time zones."""
    return _Unpickler(io.BytesIO(data)).load()


def field_reducers(*modules: ModuleType) -> Reducers:
    """Return a pickle dispatch table for the dataclasses of `modules`: rebuilt by calling the class.

    Reading every field with one getter is several times faster than dataclasses' generic state,
    both to write and (as a plain constructor call) to read back.
    """
    table: Reducers = {}
    for module in modules:
        for kind in vars(module).values():
            if (
                isinstance(kind, type)
                and dataclasses.is_dataclass(kind)
                and kind.__module__ == module.__name__
            ):
                table[kind] = _reducer(kind)
    return table


def _reducer(kind: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    names = [f.name for f in dataclasses.fields(kind)]
    getter = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda obj: (kind, (getter(obj),))
    return lambda obj: (kind, getter(obj))


_DISPATCH = field_reducers(models)


def fast_dumps(value: object, *, reducers: Reducers | None = None, unshared: bool = False) -> bytes:
    """Pickle `value`, the dataclasses of `reducers` (records by default) through one getter each.

    `unshared` pickles each object in full wherever it recurs, so that equal values give equal
    bytes whatever objects they share (what a fingerprint needs); it refuses recursive values.
    """
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH if reducers is None else reducers
    pickler.fast = unshared
    pickler.dump(value)
    return out.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary name beside `path`, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class RecordCache:
    """Records of articles already extracted: a pack file, and a small file of the ones added since.

    Rewriting the whole pack for one changed article costs a build more than the article itself;
    new records go to `records.delta` until it holds a tenth of them (or a quarter of the pack is
    no longer used), and then the pack is written anew with just the records in use.
    """

    DELTA_SHARE = 0.1
    UNUSED_SHARE = 0.25

    def __init__(self, directory: Path, *, settings: str) -> None:
        self.path = directory / PACK_NAME
        self.delta_path = directory / DELTA_NAME
        self.settings = settings
        self.hits = 0
        self.misses = 0
        self._base = self._read(self.path)
        self._delta = {k: v for k, v in self._read(self.delta_path).items() if k not in self._base}
        self._stored = {**self._base, **self._delta}
        self._kept: dict[str, bytes] = {}

    def _read(self, path: Path) -> dict[str, bytes]:
        try:
            data = path.read_bytes()
        except OSError:
            return {}
        try:
            pack = safe_loads(data)
        except UNREADABLE:
            return {}
        if not isinstance(pack, tuple) or len(pack) != 3 or pack[:2] != (CACHE_FORMAT, self.settings):
            return {}
        entries = pack[2]
        return entries if isinstance(entries, dict) else {}

    def key(self, doc: SourceDoc) -> str:
        """Return the key of `doc`'s record: its bytes, path and id under this cache's settings."""
        return hashlib.sha256(f"{self.settings}\0{doc.path}\0{doc.id}\0{doc.sha256}".encode()).hexdigest()

    def get(self, doc: SourceDoc) -> ArticleRecord | None:
        """Return the cached record of `doc`, or None when there is none that can be trusted."""
        key = self.key(doc)
        blob = self._stored.get(key, b"")
        try:
            record = safe_loads(blob) if blob else None
        except UNREADABLE:
            record = None
        if isinstance(record, ArticleRecord) and record.article.sha256 == doc.sha256:
            self.hits += 1
            self._kept[key] = blob
            return record
        self.misses += 1
        return None

    def remember(self, doc: SourceDoc, record: ArticleRecord) -> None:
        """Keep `doc`'s record, already known to the caller, in the pack this build saves."""
        key = self.key(doc)
        blob = self._stored.get(key)
        self._kept[key] = blob if blob is not None else fast_dumps(record)
        self.hits += 1

    def put(self, doc: SourceDoc, record: ArticleRecord, *, blob: bytes | None = None) -> None:
        """Remember the record of `doc` for the next build (`blob`: it already pickled by fast_dumps)."""
        self._kept[self.key(doc)] = blob if blob is not None else fast_dumps(record)

    def save(self) -> None:
        """Keep the records used by this build for the next: in the delta file, or a new pack."""
        new = {k: v for k, v in self._kept.items() if k not in self._stored}
        unused = len(self._stored.keys() - self._kept.keys())
        if not new and unused <= self.UNUSED_SHARE * len(self._kept):
            return
        delta = {k: v for k, v in self._delta.items() if k in self._kept} | new
        # The cache only saves time: a read-only or full disk must not fail the build.
        with contextlib.suppress(OSError):
            if len(delta) <= self.DELTA_SHARE * len(self._kept) and unused <= self.UNUSED_SHARE * len(
                self._kept
            ):
                write_atomic(self.delta_path, _pack(self.settings, delta))
                return
            write_atomic(self.path, _pack(self.settings, self._kept))
            self.delta_path.unlink(missing_ok=True)


def _pack(settings: str, entries: dict[str, bytes]) -> bytes:
    return pickle.dumps(
        (CACHE_FORMAT, settings, dict(sorted(entries.items()))), protocol=pickle.HIGHEST_PROTOCOL
    )
