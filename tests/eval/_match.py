"""Span location, overlap matching and name comparison for the held-out evaluation."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

Span = tuple[int, int]

_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "at",
        "in",
        "on",
        "to",
        "for",
        "with",
        "and",
        "who",
        "by",
        "from",
        "its",
        "his",
        "her",
        "their",
        "one",
        "two",
        "three",
        "some",
    ]
)


def locate(text: str, items: Sequence[dict[str, Any]]) -> list[Span | None]:
    """Return where each gold item sits in `text`: the k-th listing of a text takes its k-th occurrence."""
    # Longer texts first, so that "2024" is not placed inside an "April 2024" listed after it.
    order = sorted(range(len(items)), key=lambda i: (-len(items[i]["text"]), i))
    taken: list[tuple[Span, str]] = []
    seen: dict[str, int] = {}
    spans: list[Span | None] = [None] * len(items)
    for i in order:
        needle = items[i]["text"]
        k = seen.get(needle, 0)
        seen[needle] = k + 1
        # Occurrences count in document order, skipping those a longer gold text has claimed.
        free = [
            s for s in _occurrences(text, needle) if not any(_overlap(s, t) for t, n in taken if n != needle)
        ]
        if k < len(free):
            spans[i] = free[k]
            taken.append((free[k], needle))
    return spans


def _occurrences(text: str, needle: str) -> list[Span]:
    found = []
    for m in re.finditer(re.escape(needle), text):
        start, end = m.span()
        # A hyphen joins words: "now" in "buy-now-pay-later" is not an occurrence of "now".
        if needle[0].isalnum() and start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
            continue
        if needle[-1].isalnum() and end < len(text) and (text[end].isalnum() or text[end] == "-"):
            continue
        found.append((start, end))
    return found


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold: Sequence[Span | None], pred: Sequence[Span]) -> dict[int, int]:
    """Return a one-to-one overlap matching, gold index -> pred index, largest overlaps first."""
    pairs = []
    for g, gs in enumerate(gold):
        if gs is None:
            continue
        for p, ps in enumerate(pred):
            size = _overlap(gs, ps)
            if size:
                pairs.append((-size, g, p))
    pairs.sort()
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in pairs:
        if g not in out and p not in used:
            out[g] = p
            used.add(p)
    return out


def norm(text: str | None) -> str:
    """Return `text` folded for comparison: case, accents kept, quotes and punctuation at the ends dropped."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.casefold().strip(" .,;:'\"").split())


def options(value: Any) -> list[Any]:
    """Return the accepted alternatives of a gold field (a list, or one value)."""
    return list(value) if isinstance(value, list) else [value]


def same_value(gold: float | None, got: float | None) -> bool:
    """Return whether two figure values agree (both absent, or equal to one part in a million)."""
    if gold is None or got is None:
        return gold is None and got is None
    return math.isclose(float(gold), float(got), rel_tol=1e-6, abs_tol=1e-9)


def same_name(gold: str, got: str | None, *, aliases: Sequence[str] = (), anonymous: bool = False) -> bool:
    """Return whether a predicted speaker name (or one of its aliases) names the gold speaker."""
    if got is None:
        return False
    wanted = norm(gold)
    names = [norm(got), *(norm(a) for a in aliases)]
    if wanted in names:
        return True
    if not anonymous:
        return False
    # An anonymous source's name is a description; any shared content word counts as naming it.
    content = {w for w in re.findall(r"[\w'-]+", wanted) if w not in _STOP and len(w) > 2}
    return any(content & set(re.findall(r"[\w'-]+", n)) for n in names)


def same_label(gold: Any, got: str | None) -> bool:
    """Return whether a role or organisation matches one of the gold alternatives (containment either way)."""
    got_n = norm(got)
    for alt in options(gold):
        want = norm(alt)
        if want and got_n and (want == got_n or want in got_n or got_n in want):
            return True
    return False


def same_unit(gold: Any, got: str | None) -> bool:
    """Return whether a counted noun matches: same head noun, ignoring case, modifiers and a plural ending."""
    if not norm(got):
        return False
    head = norm(got).split()[-1].rstrip("s")
    return any(norm(alt).split()[-1].rstrip("s") == head for alt in options(gold) if norm(alt))
