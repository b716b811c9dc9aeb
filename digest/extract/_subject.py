"""The subject record a speech cue yields, and the token helpers that read subject phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.extract._cues import ORG_WORDS

Token = tuple[int, int, str]

_TOKEN = re.compile(r"[^\s,;:()\[\]“”\"«»—–]+|[,;:()\[\]“”\"«»—–]")
_ORG_JOINERS = frozenset({"of", "and", "&", "for", "on", "de", "des", "du", "et", "pour", "the"})
_FRENCH_JOINERS = frozenset({"de", "des", "du"})
_ORG_STOP = frozenset({"in", "who", "which", "that", "and", "since", "where", "until", "before", "after"})
# Stands for "the organisation named just before", resolved by the caller.
ORG_REFERENCE = "its"


@dataclass(frozen=True, slots=True)
class Subject:
    """The one who speaks: `kind` is "name", "single", "pronoun", "definite" or "anonymous"."""

    kind: str
    start: int
    end: int
    name: str
    role: str | None = None
    organization: str | None = None
    # Offsets of the text the subject phrase (with appositives) covers, to find the reported clause.
    phrase_start: int = 0
    phrase_end: int = 0


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Return the word and punctuation tokens of `text[start:end]` with offsets."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def comma_segments(toks: list[Token]) -> list[list[Token]]:
    """Split `toks` at its commas, dropping them."""
    segments: list[list[Token]] = [[]]
    for t in toks:
        if t[2] == ",":
            segments.append([])
        else:
            segments[-1].append(t)
    return segments


def organization(text: str, seg: list[Token]) -> str | None:
    """Return the organisation named from the first capitalised word of `seg`, if any."""
    stop = next((k for k, t in enumerate(seg) if t[2].lower() in _ORG_STOP), len(seg))
    seg = seg[:stop]
    first = next((k for k, t in enumerate(seg) if capital(t[2])), None)
    if first is None:
        return None
    last = first
    french = False
    for k in range(first + 1, len(seg)):
        word = seg[k][2]
        if capital(word):
            last = k
        elif word.lower() in _ORG_JOINERS:
            continue
        elif seg[k - 1][2].lower() in _FRENCH_JOINERS or (french and k - 1 == last):
            # French names capitalise only their first word: "Association des maires ruraux".
            french, last = True, k
        else:
            break
    begin = seg[first][0] + elision(seg[first][2])
    org = strip_possessive(text[begin : seg[last][1]])
    # A sentence's full stop is not part of the name, unless it ends an abbreviation ("Inc.").
    if org.endswith(".") and org.rsplit(None, 1)[-1].lower() not in ORG_WORDS:
        org = org[:-1]
    return org


def elision(word: str) -> int:
    """Return the length of an elided French article ("l'", "d’") opening `word`."""
    return 2 if len(word) > 2 and word[1] in "'’" and word[0] in "lLdD" else 0


def capital(word: str) -> bool:
    """Return whether `word` starts with a capital once any elided article is skipped."""
    return word[elision(word) : elision(word) + 1].isupper()


def strip_possessive(word: str) -> str:
    """Return `word` without a closing possessive "'s"."""
    return word[:-2] if word.endswith(("'s", "’s")) else word
