"""Read article files into SourceDocs; the only module that opens an article.

Reading is split from parsing (`load_article` vs `parse_article`) so that every input rule can be
tested on a byte literal. docs/input-rules.md lists each rule and its outcome.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path, PurePosixPath

from digest._decode import decode, normalise
from digest._frontmatter import read_fields, split_front_matter
from digest.config import DEFAULT_MAX_ARTICLE_BYTES
from digest.errors import ArticleError
from digest.models import Diagnostic, SourceDoc
from digest.slugs import fallback_slug, slugify

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_ARTICLE_BYTES",
    "SETTLE_NS",
    "FileState",
    "Loaded",
    "load_article",
    "load_articles",
    "load_changed",
    "parse_article",
    "settled",
]

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
FileState = tuple[int, int, int]
# A file's state vouches for its bytes only when the file was saved this long before it was read:
# a second save within one clock tick would leave size and mtime as they were.
SETTLE_NS = 2_000_000_000


def settled(mtime_ns: int, read_ns: int) -> bool:
    """Return whether a file saved at `mtime_ns` can be known by its state after a read at `read_ns`."""
    return mtime_ns < read_ns - SETTLE_NS


MAX_TITLE_CHARS = 200

# O_NONBLOCK: a file swapped for a FIFO after lstat must not hang the build on open.
_OPEN_FLAGS = os.O_RDONLY | sum(getattr(os, flag, 0) for flag in ("O_NOFOLLOW", "O_NONBLOCK", "O_BINARY"))
_TITLE_LINE = re.compile(r"^[^\n]*?[^\W_][^\n]*$", re.MULTILINE)
_LINE_MARKS = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+)?(?:#{1,6}(?:\s+|$))?|\s+#+\s*$")
_BIDI_AND_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class _Skipped(ArticleError):
    """A file that is left out on purpose: `load_articles` reports it as a warning, not an error."""


def load_articles(
    articles_dir: Path, *, tz: tzinfo, max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
) -> tuple[tuple[SourceDoc, ...], tuple[Diagnostic, ...]]:
    """Return every article under `articles_dir`, sorted by path, and the problems met.

    A file that cannot be loaded is left out and reported in the returned diagnostics; warnings
    about a file that was loaded travel in its `SourceDoc.diagnostics`.
    """
    found = load_changed(articles_dir, tz=tz, max_bytes=max_bytes, known={})
    return found.docs, found.problems


@dataclass(frozen=True, slots=True)
class Loaded:
    """The articles of a directory, the problems met, and the state each file had when it was read."""

    docs: tuple[SourceDoc, ...]
    problems: tuple[Diagnostic, ...]
    states: Mapping[str, FileState]


def load_changed(
    articles_dir: Path,
    *,
    tz: tzinfo,
    max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
    known: Mapping[str, tuple[FileState, SourceDoc]],
) -> Loaded:
    """Return every article under `articles_dir`, reading only the files not `known` as they are.

    `known` maps a path to a regular file's (size, mtime_ns, inode) and the article read from it
    then; the caller keeps only states old enough that a later write cannot share their mtime.
    """
    root = Path(os.path.abspath(articles_dir))
    if not root.is_dir():
        raise ArticleError("the articles directory does not exist", path=_shown(root.name or str(root)))
    real_root = root.resolve()
    docs: list[SourceDoc] = []
    problems: list[Diagnostic] = []
    states: dict[str, FileState] = {}
    taken: dict[str, str] = {}
    for path, shown in _walk(root, _shown(root.name), problems):
        state = _regular_state(path)
        earlier = known.get(shown)
        try:
            if earlier is not None and state is not None and earlier[0] == state:
                doc = earlier[1]
            else:
                doc = parse_article(_read(path, shown, real_root, max_bytes), path=shown, tz=tz)
        except _Skipped as exc:
            problems.append(Diagnostic(shown, exc.message, "warning", exc.line))
            continue
        except ArticleError as exc:
            problems.append(Diagnostic(exc.path or shown, exc.message, "error", exc.line))
            continue
        if doc.id in taken:
            problems.append(
                Diagnostic(
                    shown,
                    f"the id {doc.id!r} is already used by {taken[doc.id]} (both would be written to "
                    f"articles/{doc.id}.html); skipped: rename one or give it a 'slug'",
                    "error",
                )
            )
            continue
        taken[doc.id] = shown
        docs.append(doc)
        if state is not None:
            states[shown] = state
    return Loaded(tuple(docs), tuple(problems), states)


def _regular_state(path: Path) -> FileState | None:
    """Return (size, mtime_ns, inode) of a regular file, taken before it is read; None for others."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def load_article(
    path: Path, *, articles_dir: Path, tz: tzinfo, max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
) -> SourceDoc:
    """Return the article in the file `path`; raise ArticleError when it cannot be used."""
    absolute = Path(os.path.abspath(path))
    root = Path(os.path.abspath(articles_dir))
    try:
        shown = _shown(absolute.relative_to(root.parent).as_posix())
    except ValueError:
        shown = _shown(Path(path).as_posix())
    # A file named outside articles/ (digest extract PATH) may link within its own directory.
    within = root if absolute.is_relative_to(root) else absolute.parent
    return parse_article(_read(absolute, shown, within.resolve(), max_bytes), path=shown, tz=tz)


def parse_article(raw: bytes, *, path: str, tz: tzinfo) -> SourceDoc:
    """Return the article held in the bytes `raw` read from `path` (used in ids and messages)."""
    warnings: list[Diagnostic] = []
    text = normalise(decode(raw, path=path, warnings=warnings), path=path, warnings=warnings)
    if not text.strip():
        raise _Skipped("empty file; skipped", path=path)
    fm = split_front_matter(text, path=path)
    if fm.leading_blank_lines:
        warnings.append(Diagnostic(path, "blank lines before the front matter", "warning", 1))
    fields, ignored = read_fields(fm, path=path, tz=tz)
    warnings.extend(ignored)
    title = fields.title
    if title is None:
        title = _title_from_body(fm.body)
        if title is None:
            raise ArticleError("no title in the front matter and no text in the body", path=path)
        missing = "the title is empty" if "title" in fm.data else "no title in the front matter"
        line = fm.key_lines.get("title", 1 if fm.present else fm.body_line)
        message = f"{missing}; using the body's first line: {title!r}"
        warnings.append(Diagnostic(path, message, "warning", line))
    elif not fm.body.strip():
        warnings.append(Diagnostic(path, "the article has no body", "warning", fm.body_line))
    return SourceDoc(
        id=_article_id(path, fields.slug, warnings, line=fm.key_lines.get("slug")),
        path=path,
        title=title,
        body=fm.body,
        body_line=fm.body_line,
        source=fields.source,
        url=fields.url,
        author=fields.author,
        published=fields.published,
        language=fields.language,
        tags=fields.tags,
        sha256=hashlib.sha256(raw).hexdigest(),
        diagnostics=tuple(warnings),
    )


# -- titles and ids -----------------------------------------------------------------------------


def _title_from_body(body: str) -> str | None:
    match = _TITLE_LINE.search(body)
    if match is None:
        return None
    title = " ".join(_LINE_MARKS.sub("", match.group()).split())
    if len(title) > MAX_TITLE_CHARS:
        cut = title.rfind(" ", 0, MAX_TITLE_CHARS)
        title = title[: cut if cut > MAX_TITLE_CHARS // 2 else MAX_TITLE_CHARS].rstrip() + "…"
    return title or None


def _article_id(path: str, slug: str | None, warnings: list[Diagnostic], *, line: int | None) -> str:
    wanted = slug if slug is not None else PurePosixPath(path).stem
    article_id = slugify(wanted)
    where = "the slug" if slug is not None else "the file name"
    if not article_id:
        article_id = fallback_slug(path)
        warnings.append(
            Diagnostic(path, f"{where} {wanted!r} gives an empty id; using {article_id!r}", "warning", line)
        )
    elif article_id != wanted.lower():
        message = f"{where} {wanted!r} is not a safe file name; using {article_id!r}"
        warnings.append(Diagnostic(path, message, "warning", line))
    return article_id


# -- the file system ----------------------------------------------------------------------------


def _walk(directory: Path, shown: str, problems: list[Diagnostic]) -> Iterator[tuple[Path, str]]:
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda entry: entry.name)
    except OSError as exc:
        problems.append(Diagnostic(shown, f"cannot read the directory: {exc.strerror}", "error"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        name = f"{shown}/{_shown(entry.name)}"
        is_article = entry.name.lower().endswith(ARTICLE_SUFFIXES)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_link = entry.is_symlink()
        except OSError as exc:
            problems.append(Diagnostic(name, f"cannot read: {exc.strerror}", "error"))
            continue
        if is_dir and is_article:
            problems.append(Diagnostic(name, "a directory named like an article; skipped", "warning"))
        elif is_dir:
            yield from _walk(Path(entry.path), name, problems)
        elif is_article:
            yield Path(entry.path), name
        elif is_link and os.path.isdir(entry.path):
            problems.append(Diagnostic(name, "symbolic link to a directory; not followed", "warning"))


def _read(path: Path, shown: str, real_root: Path, max_bytes: int) -> bytes:
    """Return the bytes of the regular file `path`, never opening anything that is not one."""
    try:
        st = os.lstat(path)
        target = path
        if stat.S_ISLNK(st.st_mode):
            target = _link_target(path, shown, real_root)
            st = os.stat(target)
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror}", path=shown) from exc
    for _attempt in range(2):
        _check_kind(st, shown, max_bytes)
        try:
            raw, after = _read_once(target, st, shown, max_bytes)
        except OSError as exc:
            raise ArticleError(f"cannot read: {exc.strerror}", path=shown) from exc
        if after is None:
            return raw
        st = after
    raise ArticleError("the file changed while it was being read; skipped", path=shown)


def _link_target(path: Path, shown: str, real_root: Path) -> Path:
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise _Skipped("broken symbolic link or link loop; skipped", path=shown) from None
    if not real.is_relative_to(real_root):
        raise _Skipped("symbolic link leading outside the articles directory; skipped", path=shown)
    return real


def _check_kind(st: os.stat_result, shown: str, max_bytes: int) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise _Skipped("a directory, not a file; skipped", path=shown)
    if not stat.S_ISREG(st.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a device or socket"
        raise _Skipped(f"{kind}, not a regular file; skipped without opening it", path=shown)
    if st.st_size > max_bytes:
        raise _Skipped(f"{st.st_size} bytes, over the limit of {max_bytes}; skipped", path=shown)


def _read_once(
    target: Path, st: os.stat_result, shown: str, max_bytes: int
) -> tuple[bytes, os.stat_result | None]:
    """Return the file's bytes and, when it changed under us, its new status (else None)."""
    fd = os.open(target, _OPEN_FLAGS)
    try:
        before = os.fstat(fd)
        if (before.st_dev, before.st_ino) != (st.st_dev, st.st_ino):
            return b"", before
        _check_kind(before, shown, max_bytes)
        raw = _read_all(fd, max_bytes + 1)
        after = os.fstat(fd)
    finally:
        os.close(fd)
    if len(raw) > max_bytes:
        raise _Skipped(f"grew over the limit of {max_bytes} bytes while read; skipped", path=shown)
    if len(raw) != before.st_size or (after.st_size, after.st_mtime_ns) != (
        before.st_size,
        before.st_mtime_ns,
    ):
        return raw, after
    return raw, None


def _read_all(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = os.read(fd, limit - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _shown(name: str) -> str:
    """Return `name` printable: undecodable bytes replaced, bidi and control characters escaped."""
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _BIDI_AND_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", name)
