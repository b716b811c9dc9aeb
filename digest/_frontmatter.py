"""Front matter: split it from the body, read it with the strict YAML loader, validate its fields."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any
from urllib.parse import urlsplit

from digest._yaml import load_mapping
from digest.errors import ArticleError
from digest.models import Diagnostic

MAX_FRONT_MATTER_CHARS = 64 * 1024

_OPEN = re.compile(r"---[ \t]*")
_BLANK_LINES = re.compile(r"(?:[^\S\n]*\n)*")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The parts of a decoded file: front matter values, the line of each key, and the body."""

    data: dict[str, Any]
    key_lines: dict[str, int]
    body: str
    body_line: int
    present: bool
    leading_blank_lines: int = 0


def split_front_matter(text: str, *, path: str) -> FrontMatter:
    """Return the front matter and body of the decoded, newline-normalised `text`.

    A file has front matter when its first non-blank line is `---`; it must be closed by a
    `---` (or `...`) line and hold a mapping. Anything else is an error, never a silent guess.
    """
    blank = _BLANK_LINES.match(text)
    skipped = blank.group().count("\n") if blank else 0
    start = blank.end() if blank else 0
    end = text.find("\n", start)
    line = text[start:] if end < 0 else text[start:end]
    if not _OPEN.fullmatch(line):
        return FrontMatter({}, {}, text, 1, present=False)
    opened = skipped + 1
    fm_start = start + len(line) + 1
    close = _CLOSE.search(text, fm_start) if fm_start <= len(text) else None
    if close is None:
        raise ArticleError(
            f"the front matter opened by '---' on line {opened} is never closed by a '---' line "
            "(to open the body with a rule instead, use '***')",
            path=path,
            line=opened,
        )
    block = text[fm_start : close.start()]
    first_line = opened + 1
    if len(block) > MAX_FRONT_MATTER_CHARS:
        raise ArticleError(
            f"front matter longer than {MAX_FRONT_MATTER_CHARS} characters", path=path, line=first_line
        )
    data, key_lines = load_mapping(block, path=path, first_line=first_line)
    body_start = close.end() + 1
    body_line = first_line + block.count("\n") + 1
    body = text[body_start:] if body_start <= len(text) else ""
    return FrontMatter(data, key_lines, body, body_line, present=True, leading_blank_lines=skipped)


# -- field validation ---------------------------------------------------------------------------

KNOWN_KEYS = frozenset({"title", "source", "url", "author", "published", "date", "language", "tags", "slug"})
MIN_YEAR, MAX_YEAR = 1800, 2200

_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_LIKE = re.compile(r"\d{4}-?\d{2}")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Fields:
    """The validated front-matter fields of one article; None where absent."""

    title: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: dt.datetime | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    slug: str | None = None


def read_fields(fm: FrontMatter, *, path: str, tz: tzinfo) -> tuple[Fields, tuple[Diagnostic, ...]]:
    """Return the validated fields of `fm` and warnings about keys that were ignored."""
    warnings = tuple(
        Diagnostic(path, _unknown_key_message(key), "warning", fm.key_lines.get(key))
        for key in fm.data
        if key not in KNOWN_KEYS
    )
    fields = Fields(
        title=_text(fm, "title", path=path),
        source=_text(fm, "source", path=path),
        url=_url(fm, path=path),
        author=_author(fm, path=path),
        published=_published(fm, path=path, tz=tz),
        language=_language(fm, path=path),
        tags=_tags(fm, path=path),
        slug=_text(fm, "slug", path=path),
    )
    return fields, warnings


def _unknown_key_message(key: str) -> str:
    if key in ("content", "handler"):
        return f"the key {key!r} is not a front-matter field (the body follows the closing '---'); ignored"
    hint = f" (did you mean {key.lower()!r}?)" if key.lower() in KNOWN_KEYS else ""
    return f"unknown key {key!r} ignored{hint}; known keys: {', '.join(sorted(KNOWN_KEYS))}"


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "text"


def _fail(fm: FrontMatter, key: str, message: str, *, path: str) -> ArticleError:
    return ArticleError(f"{key!r}: {message}", path=path, line=fm.key_lines.get(key))


def _wrong(fm: FrontMatter, key: str, expected: str, *, path: str) -> ArticleError:
    got = _kind(fm.data[key])
    hint = " (put it in quotes)" if isinstance(fm.data[key], bool) else ""
    return _fail(fm, key, f"must be {expected}, not {got}{hint}", path=path)


def _text(fm: FrontMatter, key: str, *, path: str) -> str | None:
    value = fm.data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _wrong(fm, key, "text", path=path)
    return _clean(value) or None


def _clean(value: str) -> str:
    # Double-quoted YAML can spell control characters ("\x1b") that the file itself did not hold.
    return " ".join(_CONTROL.sub(" ", value).split())


def _author(fm: FrontMatter, *, path: str) -> str | None:
    value = fm.data.get("author")
    if isinstance(value, list):
        if not all(isinstance(item, str) for item in value):
            raise _wrong(fm, "author", "text or a list of text", path=path)
        names = [_clean(item) for item in value]
        return ", ".join(name for name in names if name) or None
    return _text(fm, "author", path=path)


def _url(fm: FrontMatter, *, path: str) -> str | None:
    value = _text(fm, "url", path=path)
    if value is None:
        return None
    try:
        parts = urlsplit(value)
    except ValueError as exc:
        raise _fail(fm, "url", f"{value!r} is not a valid address ({exc})", path=path) from exc
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or " " in value:
        raise _fail(fm, "url", f"{value!r} must be an http:// or https:// address", path=path)
    return value


def _language(fm: FrontMatter, *, path: str) -> str | None:
    value = _text(fm, "language", path=path)
    if value is None:
        return None
    if not _LANGUAGE.fullmatch(value):
        raise _fail(fm, "language", f"{value!r} is not a language code such as 'en' or 'pt-BR'", path=path)
    primary, _, rest = value.partition("-")
    return primary.lower() + ("-" + rest if rest else "")


def _tags(fm: FrontMatter, *, path: str) -> tuple[str, ...]:
    value = fm.data.get("tags")
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _fail(fm, "tags", f"must be a list of text such as [ai, cloud], not {_kind(value)}", path=path)
    for number, tag in enumerate(value, start=1):
        if not isinstance(tag, str):
            raise _fail(fm, "tags", f"tag {number} must be text, not {_kind(tag)}", path=path)
    tags: list[str] = []
    for tag in value:
        tag = _clean(tag)
        if tag and tag not in tags:
            tags.append(tag)
    return tuple(tags)


def _published(fm: FrontMatter, *, path: str, tz: tzinfo) -> dt.datetime | None:
    keys = [key for key in ("published", "date") if fm.data.get(key) is not None]
    if len(keys) == 2:
        raise _fail(fm, "date", "both 'published' and its alias 'date' are given; keep one", path=path)
    if not keys:
        return None
    key = keys[0]
    value = fm.data[key]
    if not isinstance(value, str):
        raise _wrong(fm, key, "a date such as 2025-02-21", path=path)
    try:
        when = _parse_when(value.strip())
    except ValueError as exc:
        raise _fail(fm, key, str(exc), path=path) from exc
    if when.tzinfo is None:
        when = when.replace(tzinfo=tz)
    if not MIN_YEAR <= when.year <= MAX_YEAR:
        raise _fail(fm, key, f"{value!r} is outside the years {MIN_YEAR}-{MAX_YEAR}", path=path)
    return when


def _parse_when(value: str) -> dt.datetime:
    if _DATE_ONLY.fullmatch(value):
        try:
            return dt.datetime.combine(dt.date.fromisoformat(value), dt.time())
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a valid date ({exc})") from exc
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError as iso_error:
        if _ISO_LIKE.match(value):
            raise ValueError(f"{value!r} is not a valid date and time ({iso_error})") from iso_error
    try:
        return email.utils.parsedate_to_datetime(value)
    except (ValueError, TypeError, IndexError, OverflowError) as exc:
        raise ValueError(
            f"{value!r} is not a date; write 2025-02-21, 2025-02-21T14:30 or 2025-02-21T14:30+08:00"
        ) from exc
