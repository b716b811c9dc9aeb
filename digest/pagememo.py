"""Pages of the last build that a new build may take as they are, instead of rendering them again.

A page is reused only when its fingerprint (everything its bytes depend on) equals the one the last
build recorded for that path, and the file is still exactly as that build left it (size, time and
inode). Fingerprints are salted with `base`: digest's code, the templates, the settings and the
site-wide values every page shows, so a change to any of these renders every page again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from digest import models, views
from digest.cache import fast_dumps, field_reducers
from digest.recall import Recall

FileState = tuple[int, int, int]
# What pickling a value nobody meant to fingerprint can raise; such a page is simply rendered.
UNFINGERPRINTABLE = (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError)


@dataclass(frozen=True, slots=True)
class PageMemo:
    """The fingerprints and file states of the last build's pages, and the site they are in."""

    base: str
    site_dir: Path | None = None
    previous: Mapping[str, str] = field(default_factory=dict)
    files: Mapping[str, FileState] = field(default_factory=dict)

    def salted(self, extra: Any) -> PageMemo:
        """Return this memo with `extra` (site-wide values every page shows) folded into its base."""
        return PageMemo(_hash(self.base.encode(), _pickled(extra)), self.site_dir, self.previous, self.files)

    def fingerprint(self, path: str, template: str, material: Any) -> str:
        """Return the fingerprint of the page at `path` made with `template` from `material`."""
        return _hash(
            self.base.encode(), path.encode("utf-8", "surrogatepass"), template.encode(), _pickled(material)
        )

    def context_material(
        self, context: Mapping[str, Any], seen: dict[int, tuple[Any, str]], recall: Recall | None = None
    ) -> list[Any]:
        """Return what stands for `context` in a fingerprint: a hash per value, each hashed once.

        The views a section shares (a theme, a person, every fact) are passed to each of its pages;
        `seen` keeps their hash by identity for the length of one render, so each is pickled once.
        A `recall` keeps the hash of a page's list of items from one build to the next while the
        items are the same objects (digest serve keeps the views of unchanged records).
        """
        out = []
        for name, value in context.items():
            known = seen.get(id(value))
            if known is None or known[0] is not value:
                if recall is not None and type(value) is list:
                    known = (value, recall.whole("fingerprint", value, partial(_value_hash, value)))
                else:
                    known = (value, _value_hash(value))
                seen[id(value)] = known
            out.append((name, known[1]))
        return out

    def empty(self) -> bool:
        """Return whether no page of the last build can be kept: none recorded, or its site is gone."""
        return not self.previous or self.site_dir is None or not self.site_dir.is_dir()

    def keeps(self, path: str, fingerprint: str) -> bool:
        """Return whether the last build's file at `path` was made from `fingerprint` and is untouched."""
        return self.previous.get(path) == fingerprint and self.intact(path)

    def intact(self, path: str) -> bool:
        """Return whether the last build's file at `path` is still exactly as that build left it."""
        if self.site_dir is None:
            return False
        try:
            st = os.lstat(os.path.join(self.site_dir, path))
        except OSError:
            return False
        return self.files.get(path) == (st.st_size, st.st_mtime_ns, st.st_ino)


def previous_lines(memo: PageMemo, path: str) -> dict[str, str]:
    """Return the lines of the last build's JSON Lines file at `path` by their "id", if untouched."""
    if memo.site_dir is None or not memo.intact(path):
        return {}
    try:
        text = (memo.site_dir / path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    lines: dict[str, str] = {}
    # "\n" only: str.splitlines also breaks at U+2028 and U+2029, which JSON strings may hold as is.
    for line in text.split("\n"):
        # Every line opens with {"id": "<id>", and an id is a slug: no escapes to undo.
        if line.startswith(_ID_PREFIX):
            lines[line[len(_ID_PREFIX) : line.find('"', len(_ID_PREFIX))]] = line
    return lines


_ID_PREFIX = '{"id": "'


def _value_hash(value: Any) -> str:
    return _hash(_pickled(value))


def _pickled(value: Any) -> bytes:
    # Equal values pickle to equal bytes within one Python version, which the base already names,
    # whichever objects they share (no pickle memo); values that pickle differently from one run
    # to the next (sets) only cost a render.
    return fast_dumps(value, reducers=_DISPATCH, unshared=True)


# Views and records are dataclasses, which pickle through a generic Python __getstate__; a reducer
# per class that reads every field at once makes fingerprinting a page several times cheaper.
_DISPATCH = field_reducers(models, views)


def _hash(*parts: bytes) -> str:
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()
