"""Quotation marks: pair them into spans and tell speech from titles and scare quotes."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from digest.extract._cues import words

_DOUBLE = re.compile(r"[“”\"«»]")
_OPENERS = frozenset("“«")
_CLOSERS = frozenset("”»")
_SMALL = words("a an the of and or for to in on at by with from de du des la le et of’ vs")
_PERSONA = re.compile(r"You are [A-Z]")


@dataclass(frozen=True, slots=True)
class Span:
    """A quotation: `start`/`end` of the text inside the marks, `open`/`close` of the marks themselves.

    `close` equals `end` when the quotation runs on to the end of its paragraph unclosed, as wire copy
    does when the next paragraph continues it.
    """

    start: int
    end: int
    open: int
    close: int
    continued: bool = False


def find_spans(text: str, breaks: list[int]) -> list[Span]:
    """Return the quotations of `text` in order; `breaks` are the sorted offsets of paragraph breaks."""
    spans: list[Span] = []
    opened = -1
    for m in _DOUBLE.finditer(text):
        pos = m.start()
        mark = m.group()
        if opened >= 0 and _para_end(breaks, opened, len(text)) < pos:
            spans.append(_span(text, opened, _para_end(breaks, opened, len(text)), continued=True))
            opened = -1
        if opened < 0:
            if mark not in _CLOSERS:
                opened = pos
        elif mark not in _OPENERS:
            spans.append(_span(text, opened, pos))
            opened = -1
    if opened >= 0:
        spans.append(_span(text, opened, _para_end(breaks, opened, len(text)), continued=True))
    if "‘" in text:
        spans.extend(_single_spans(text, breaks, spans))
        spans.sort(key=lambda s: s.start)
    return [s for s in spans if s.end > s.start]


def _para_end(breaks: list[int], pos: int, length: int) -> int:
    k = bisect.bisect_right(breaks, pos)
    return breaks[k] if k < len(breaks) else length


def _span(text: str, opened: int, closed: int, *, continued: bool = False) -> Span:
    start, end = opened + 1, closed
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return Span(start, end, opened, closed if continued else closed + 1, continued)


def _single_spans(text: str, breaks: list[int], doubles: list[Span]) -> list[Span]:
    out: list[Span] = []
    pos = text.find("‘")
    while pos >= 0:
        inside = any(s.open < pos < s.close for s in doubles)
        stop = _para_end(breaks, pos, len(text))
        close = text.find("’", pos + 1, stop)
        # A closing mark followed by a letter is an apostrophe ("it’s").
        while close >= 0 and close + 1 < len(text) and text[close + 1].isalpha():
            close = text.find("’", close + 1, stop)
        if close < 0:
            pos = text.find("‘", pos + 1)
            continue
        if not inside:
            out.append(_span(text, pos, close))
        pos = text.find("‘", close + 1)
    return out


def classify(text: str, span: Span) -> str:
    """Return "speech", "short" (a fragment needing a speaker nearby), "title" or "persona"."""
    body = text[span.start : span.end]
    if _PERSONA.match(body):
        return "persona"
    words = body.split()
    ends_sentence = body.rstrip("”’\"' ").endswith((".", "!", "?", "…"))
    if not ends_sentence and _is_title(words):
        return "title"
    if len(words) <= 4 and not any(ch in body for ch in ".!?;"):
        return "short"
    return "speech"


def _is_title(words: list[str]) -> bool:
    if len(words) < 2 or len(words) > 12:
        return False
    capital = 0
    for word in words:
        bare = word.strip("()[],:;-–—'’")
        if not bare:
            continue
        if bare[0].isupper() or bare[0].isdigit():
            capital += 1
        elif bare.lower() not in _SMALL:
            return False
    return capital >= 2 and words[0][:1].isupper()
