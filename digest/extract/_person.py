"""A person read from capitalised words: role, organisation, name ("Delta's Chief Executive Ed Bastian")."""

from __future__ import annotations

from digest.extract._cues import (
    GENERIC_ORGS,
    HONORIFICS,
    NATIONALITIES,
    ORG_WORDS,
    PLACES,
    STOP_CAPS,
    TITLE_WORDS,
    is_head,
)
from digest.extract._subject import Subject, Token, strip_possessive

_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "du", "di", "le", "al", "bin", "el", "la", "dos"}
)


def nameish(word: str) -> bool:
    """Return whether `word` can belong to a name or the title before it."""
    low = word.lower()
    if low in TITLE_WORDS or is_head(low) or low in _PARTICLES:
        return True
    if not word[:1].isupper():
        return False
    # "Startup Nimbus", "Airline spokesperson": a common noun before a name is not part of it.
    return strip_possessive(low) not in STOP_CAPS and low not in GENERIC_ORGS


def split_phrase(text: str, toks: list[Token]) -> tuple[str | None, str | None, list[Token]]:
    """Split capitalised words into (role, organisation, name words)."""
    org: str | None = None
    for k, t in enumerate(toks):
        if t[2].endswith(("'s", "’s")) and k + 1 < len(toks):
            org = strip_possessive(text[toks[0][0] : t[1]])
            toks = toks[k + 1 :]
            break
    words = [t[2].lower().rstrip(".") for t in toks]
    heads = [k for k, w in enumerate(words) if is_head(w)]
    role: str | None = None
    if heads:
        h = heads[-1]
        first = h
        while first > 0 and (words[first - 1] in TITLE_WORDS or is_head(words[first - 1])):
            first -= 1
        while first > 0 and words[first - 1] in NATIONALITIES:
            first -= 1
        role = text[toks[first][0] : toks[h][1]]
        if first > 0 and org is None:
            org = text[toks[0][0] : toks[first - 1][1]]
        toks = toks[h + 1 :]
    return role, org, toks


def name_subject(text: str, toks: list[Token]) -> Subject | None:
    """Return the person, or the bare role, that the capitalised words `toks` name."""
    if not toks:
        return None
    role, org, name = split_phrase(text, toks)
    titled = role is not None
    while name and name[0][2].lower().rstrip(".") in HONORIFICS:
        name = name[1:]
        titled = True
    if not name:
        if role is None:
            return None
        return Subject("role", toks[0][0], toks[-1][1], role, role, org, toks[0][0], toks[-1][1])
    if len(name) > 4 or not _valid_name(name):
        return None
    start, end = name[0][0], name[-1][1]
    kind = "name" if titled or len(name) > 1 else "single"
    return Subject(kind, start, end, text[start:end], role, org, toks[0][0], end)


def _valid_name(name: list[Token]) -> bool:
    """Return whether the words left after the title can be a person's name."""
    for _, _, word in name:
        low = word.lower()
        if low in _PARTICLES:
            continue
        if (
            not word[:1].isupper()
            or low in ORG_WORDS
            or low in STOP_CAPS
            or is_head(low)
            or low in TITLE_WORDS
        ):
            return False
        if len(word) > 1 and word.isupper() and not word.endswith("."):
            return False
        if word.endswith(("'s", "’s")):
            return False
    return name[0][2].lower() not in _PARTICLES and name[0][2].lower() not in PLACES
