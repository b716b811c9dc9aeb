"""What one build keeps for the next: the articles read (and, in `digest serve`, the records made).

Articles are kept with the state of their file when it was read, in memory for a long-running
process and in `.digest-cache/articles.pack` between two `digest build` runs, so that a build
parses only the files changed since the last one.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from digest.cache import CACHE_FORMAT, UNREADABLE, fast_dumps, record_settings, safe_loads, write_atomic
from digest.config import SiteConfig
from digest.load import FileState, load_changed, settled
from digest.models import ArticleRecord, Diagnostic, SourceDoc
from digest.recall import Recall
from digest.stamp import HeldStamp


class Warm:
    """What a build keeps for the next: the articles read, and in a long-running process the records.

    Each article is kept with the state (size, mtime, inode) its file had when it was read; the next
    build takes it as it was when the state is unchanged and was already older than that read by a
    margin, so that a second write within one clock tick is never missed. `digest serve` keeps one
    in memory with the records too; `digest build` keeps the articles in the cache directory.
    """

    def __init__(self, *, keep_records: bool = True) -> None:
        self.keep_records = keep_records
        self.docs: dict[str, tuple[FileState, SourceDoc]] = {}
        self.records: dict[str, ArticleRecord] = {}
        self.read_ns = 0
        self.changed = False
        self.settings = ""
        # In a long-running process: what was computed from each record, and the site's stamp.
        self.recall: Recall | None = Recall() if keep_records else None
        self.stamp: HeldStamp | None = None

    @classmethod
    def stored(cls, config: SiteConfig) -> Warm:
        """Return the articles the last build of `config`'s project kept in its cache directory."""
        warm = cls(keep_records=False)
        warm.settings = _doc_settings(config)
        warm.read_ns, warm.docs = _read_docs(config.cache_dir, settings=warm.settings)
        return warm

    def store(self, config: SiteConfig) -> None:
        """Keep the articles in the cache directory when the last load read any of them anew."""
        if self.changed:
            _write_docs(config.cache_dir, settings=self.settings, read_ns=self.read_ns, docs=self.docs)

    def trusted(self) -> dict[str, tuple[FileState, SourceDoc]]:
        """Return the articles whose file state can vouch for their bytes."""
        return {path: known for path, known in self.docs.items() if settled(known[0][1], self.read_ns)}

    def load(self, config: SiteConfig) -> tuple[tuple[SourceDoc, ...], tuple[Diagnostic, ...]]:
        """Load the project's articles, reading only the files changed since the last load."""
        settings = _doc_settings(config)
        if settings != self.settings:
            # Articles read under another time zone or size limit (or other code) are not these.
            self.docs, self.records, self.settings = {}, {}, settings
            self.recall = Recall() if self.keep_records else None
        started = time.time_ns()
        trusted = self.trusted()
        found = load_changed(
            config.articles_dir, tz=config.tz, max_bytes=config.max_article_bytes, known=trusted
        )
        by_path = {doc.path: doc for doc in found.docs}
        self.docs = {path: (state, by_path[path]) for path, state in found.states.items()}
        self.read_ns = started
        self.changed = self.docs.keys() != trusted.keys() or any(
            doc is not trusted[path][1] for path, (_, doc) in self.docs.items()
        )
        return found.docs, found.problems


def _doc_settings(config: SiteConfig) -> str:
    # An article is a function of its file's bytes, the time zone, the size limit and the code
    # that loads it (which record_settings names).
    return f"{record_settings(timezone=config.timezone)}|max={config.max_article_bytes}"


DOCS_NAME = "articles.pack"
KnownDocs = dict[str, tuple[tuple[int, int, int], SourceDoc]]


def _read_docs(
    directory: Path, *, settings: str
) -> tuple[int, dict[str, tuple[tuple[int, int, int], SourceDoc]]]:
    """Return when the articles were last read, and each as read then with its file's state."""
    try:
        pack = safe_loads((directory / DOCS_NAME).read_bytes())
    except (OSError, *UNREADABLE):
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


def _write_docs(directory: Path, *, settings: str, read_ns: int, docs: KnownDocs) -> None:
    """Keep the articles just read for the next build; a failure only costs that build time."""
    data = fast_dumps((CACHE_FORMAT, settings, read_ns, docs))
    with contextlib.suppress(OSError):
        write_atomic(directory / DOCS_NAME, data)
