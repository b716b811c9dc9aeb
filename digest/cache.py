"""The build cache: article records by input bytes, settings and code; and the stamp of the last site.

Everything lives under the project's `.digest-cache/` directory, which is safe to delete at any
time. Records are kept in one pack file (`records.pack`) keyed by a hash of the article's bytes,
path and id, the settings that change records and a fingerprint of the source code that produces
them, so a change to any of these misses the cache rather than serving a stale record. Files are
written to a temporary name and renamed; a file that cannot be read back is ignored.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import hashlib
import io
import operator
import os
import pickle
import sys
import tempfile
import zoneinfo
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from digest import models
from digest.models import ArticleRecord, Diagnostic, SourceDoc

CACHE_FORMAT = 1
PACK_NAME = "records.pack"
PACKAGE_DIR = Path(__file__).resolve().parent

# Modules that only run after extraction (or drive it): a change to them never changes a record.
# A test checks that none of them is imported by the modules that load, clean and extract.
NOT_RECORD_CODE = frozenset(
    {
        "assemble.py",
        "build.py",
        "cache.py",
        "cli.py",
        "executors.py",
        "export.py",
        "feeds.py",
        "highlight.py",
        "output.py",
        "pagememo.py",
        "progress.py",
        "render.py",
        "synthesize.py",
        "themes.py",
        "_keyphrases.py",
        "views.py",
        "commands",
    }
)
_SAFE_GLOBALS: dict[tuple[str, str], object] = {
    **{("datetime", t.__name__): t for t in (dt.datetime, dt.date, dt.time, dt.timedelta, dt.timezone)},
    ("zoneinfo", "ZoneInfo"): zoneinfo.ZoneInfo,
    ("zoneinfo._zoneinfo", "ZoneInfo"): zoneinfo.ZoneInfo,
}
# Unpickling bytes that were damaged on disk can fail with nearly any exception type.
_UNREADABLE = (
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
    for path in sorted(PACKAGE_DIR.rglob("*")):
        relative = path.relative_to(PACKAGE_DIR)
        if not path.is_file() or "__pycache__" in relative.parts or path.suffix in (".pyc", ".pyo"):
            continue
        if records_only and (path.suffix != ".py" or relative.parts[0] in NOT_RECORD_CODE):
            continue
        digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


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
        if (module, name) == (__name__, "SiteStamp"):
            return SiteStamp
        if (module, name) == ("builtins", "getattr"):
            return _zone_getattr
        if (module, name) in _SAFE_GLOBALS:
            return _SAFE_GLOBALS[module, name]
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")


def _loads(data: bytes) -> object:
    return _Unpickler(io.BytesIO(data)).load()


def field_reducers(*modules: ModuleType) -> dict[type, Callable[[Any], tuple[type, tuple[Any, ...]]]]:
    """Return a pickle dispatch table for the dataclasses of `modules`: rebuilt by calling the class.

    Reading every field with one getter is several times faster than dataclasses' generic state,
    both to write and (as a plain constructor call) to read back.
    """
    table: dict[type, Callable[[Any], tuple[type, tuple[Any, ...]]]] = {}
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


def _dumps(value: object) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(value)
    return out.getvalue()


def _write_atomic(path: Path, data: bytes) -> None:
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
    """Records of articles already extracted, read from and saved to one pack file."""

    def __init__(self, directory: Path, *, settings: str) -> None:
        self.path = directory / PACK_NAME
        self.settings = settings
        self.hits = 0
        self.misses = 0
        self._stored = self._read()
        self._kept: dict[str, bytes] = {}

    def _read(self) -> dict[str, bytes]:
        try:
            data = self.path.read_bytes()
        except OSError:
            return {}
        try:
            pack = _loads(data)
        except _UNREADABLE:
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
            record = _loads(blob) if blob else None
        except _UNREADABLE:
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
        self._kept[key] = blob if blob is not None else _dumps(record)
        self.hits += 1

    def put(self, doc: SourceDoc, record: ArticleRecord) -> None:
        """Remember the record of `doc` for the next build."""
        self._kept[self.key(doc)] = _dumps(record)

    def save(self) -> None:
        """Write the records used by this build, dropping the others, unless the pack already holds them."""
        if self._kept.keys() == self._stored.keys():
            return
        pack = (CACHE_FORMAT, self.settings, dict(sorted(self._kept.items())))
        # The cache only saves time: a read-only or full disk must not fail the build.
        with contextlib.suppress(OSError):
            _write_atomic(self.path, pickle.dumps(pack, protocol=pickle.HIGHEST_PROTOCOL))


DOCS_NAME = "articles.pack"
KnownDocs = dict[str, tuple[tuple[int, int, int], SourceDoc]]


def read_docs(
    directory: Path, *, settings: str
) -> tuple[int, dict[str, tuple[tuple[int, int, int], SourceDoc]]]:
    """Return when the articles were last read, and each as read then with its file's state."""
    try:
        pack = _loads((directory / DOCS_NAME).read_bytes())
    except (OSError, *_UNREADABLE):
        return 0, {}
    if not isinstance(pack, tuple) or len(pack) != 4 or pack[:2] != (CACHE_FORMAT, settings):
        return 0, {}
    read_ns, entries = pack[2], pack[3]
    if not isinstance(read_ns, int) or not isinstance(entries, dict):
        return 0, {}
    good = {
        path: entry
        for path, entry in entries.items()
        if isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], SourceDoc)
    }
    return read_ns, good


def write_docs(directory: Path, *, settings: str, read_ns: int, docs: KnownDocs) -> None:
    """Keep the articles just read for the next build; a failure only costs that build time."""
    data = _dumps((CACHE_FORMAT, settings, read_ns, docs))
    with contextlib.suppress(OSError):
        _write_atomic(directory / DOCS_NAME, data)


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
        margin = 2_000_000_000
        return (
            bool(self.quick)
            and self.quick == quick
            and self.inputs == inputs
            and all(mtime < self.settled_ns - margin for _, _, mtime, _ in inputs)
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


def read_stamp(cache_dir: Path, output_dir: Path) -> SiteStamp | None:
    """Return the stamp of the last build into `output_dir`, or None when missing or unreadable."""
    try:
        stamp = _loads(_stamp_path(cache_dir, output_dir).read_bytes())
    except (OSError, *_UNREADABLE):
        return None
    if not isinstance(stamp, SiteStamp):
        return None
    # A stamp written by an older digest lacks the newer fields: treat it as missing.
    return stamp if all(hasattr(stamp, f.name) for f in dataclasses.fields(SiteStamp)) else None


def write_stamp(cache_dir: Path, output_dir: Path, stamp: SiteStamp) -> None:
    """Record `stamp` as the state of `output_dir`; a failure only costs the next build time."""
    data = _dumps(stamp)
    with contextlib.suppress(OSError):
        _write_atomic(_stamp_path(cache_dir, output_dir), data)
