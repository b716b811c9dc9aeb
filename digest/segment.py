"""Split text into sentences with character offsets."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt inc ltd co corp plc llc bros no vs etc approx dept est fig
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun gov sen rep gen col
    lt sgt capt cmdr adm hon rev u.s u.k u.n e.g i.e a.m p.m""".split()
)
_BOUNDARY = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+|$)""")
_NEXT_START = re.compile(r"""\s+(?=["'“‘(\[]?[A-Z0-9À-Ý])""")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[int, int], ...]:
    """Return (start, end) offsets of the sentences in `text[start:end]`, whitespace trimmed."""
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _BOUNDARY.finditer(text, start, stop):
        cut = match.end()
        if not _is_boundary(text, match.start(), cut, stop):
            continue
        spans.append((begin, cut))
        begin = cut
    spans.append((begin, stop))
    return tuple(trimmed for s, e in spans if (trimmed := _trim(text, s, e)) is not None)


def _is_boundary(text: str, mark: int, cut: int, stop: int) -> bool:
    if cut >= stop:
        return True
    if not _NEXT_START.match(text, cut, stop):
        return False
    if text[mark] != ".":
        return True
    word_start = mark
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:mark].lower().lstrip("(\"'“‘")
    if word in _ABBREVIATIONS:
        return False
    # A single capital initial ("J. Smith") does not end a sentence.
    return not (len(word) == 1 and word.isalpha())


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
