"""Split text into sentences with character offsets.

A full stop ends a sentence unless it belongs to an abbreviation ("Inc.", "Dr."), an initial ("J. Smith"),
a decimal ("3.5%"), or sits inside a quotation that closes later in the same span ("“It rose. Then it
fell,” he said." is one sentence). Abbreviations that can also end a sentence ("U.S.", "Inc.") end it only
when the next word is one that usually opens a sentence ("... in the U.S. The company ...").
"""

from __future__ import annotations

import re


def _words(text: str) -> list[str]:
    return text.split()


# Titles and words that a full stop never ends: a name or number always follows.
_ALWAYS_ABBREVIATED = frozenset(
    _words(
        """mr mrs ms messrs dr prof st mt gov sen rep gen col lt sgt capt cmdr adm hon rev pres supt
        vs v fig figs approx ca cf pp ch jan feb mar apr jun jul aug sep sept oct nov dec tue tues thu thur
        thurs fri e.g i.e viz al mme mlle"""
    )
)
# Abbreviations that may close a sentence as well.
_SOMETIMES_FINAL = frozenset(
    _words(
        """inc ltd co corp plc llc bros etc dept govt admin int'l intl jr sr p.m a.m no nos mon wed sat sun
        art est op sec ed eds vol"""
    )
)
_SENTENCE_OPENERS = frozenset(
    _words(
        """the a an it its he she they we i you this that these those there his her their our my but and
        however meanwhile in on at for after while when if so yet as shares analysts investors according
        separately earlier later still also last next some many most no one two three"""
    )
)
# The leading lookahead lets the regex engine skip ahead to the next mark instead of trying every branch
# at every character.
_BOUNDARY = re.compile(r"""(?=[.!?…。！？])(?:[.!?…]+["'”’)\]]*(?=\s|$)|[。！？]+[」』”’）]*)""")
_NEXT_START = re.compile(r"""\s+(?=["'“‘(\[¿¡«]?\s?[A-ZÀ-ÝĀ-Ž0-9])""")
_WORD_BEFORE = re.compile(r"""[^\s"'“‘(\[]*$""")
_NEXT_WORD = re.compile(r"""\s+["'“‘(\[]?([\w'’]+)""")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"\n]*\"|«[^«»]*»|「[^「」]*」")
# A quotation longer than this is more likely an unbalanced mark than one long quoted passage.
_MAX_QUOTE = 1200


def split_sentences(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[int, int], ...]:
    """Return (start, end) offsets of the sentences in `text[start:end]`, whitespace trimmed."""
    stop = len(text) if end is None else end
    quoted = [
        (m.start(), m.end())
        for m in _QUOTED.finditer(text, start, stop)
        if m.end() - m.start() <= _MAX_QUOTE
    ]
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _BOUNDARY.finditer(text, start, stop):
        cut = match.end()
        if quoted and _inside(quoted, cut):
            continue
        if not _is_boundary(text, match.start(), cut, stop):
            continue
        spans.append((begin, cut))
        begin = cut
    spans.append((begin, stop))
    return tuple(trimmed for s, e in spans if (trimmed := _trim(text, s, e)) is not None)


def _inside(quoted: list[tuple[int, int]], cut: int) -> bool:
    return any(qs < cut < qe for qs, qe in quoted)


def _is_boundary(text: str, mark: int, cut: int, stop: int) -> bool:
    if cut >= stop or text[mark] in "。！？":
        return True
    if not _NEXT_START.match(text, cut, stop):
        return False
    if text[mark] != "." or text[mark + 1 : mark + 3] == "..":
        return True
    # Look back a little only: searching from the start of the text would cost quadratic time.
    before = _WORD_BEFORE.search(text, max(0, mark - 40), mark)
    word = before.group(0).lower() if before else ""
    if word in _ALWAYS_ABBREVIATED:
        return False
    if len(word) == 1 and word.isalpha():
        # A single capital initial ("J. Smith") does not end a sentence.
        return False
    if word in _SOMETIMES_FINAL or _ACRONYM.fullmatch(word):
        nxt = _NEXT_WORD.match(text, cut, stop)
        return nxt is not None and nxt.group(1).lower() in _SENTENCE_OPENERS
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
