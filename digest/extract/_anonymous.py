"""Unnamed sources: "a senior official", "people familiar with the matter", "analysts at Citi"."""

from __future__ import annotations

from digest.extract._cues import (
    ANON_DETERMINERS,
    ANON_HEADS,
    CUES,
    GENERIC_ORGS,
    NATIONALITIES,
    ORG_WORDS,
    STOP_CAPS,
    words,
)
from digest.extract._subject import Subject, Token, capital, comma_segments, elision, organization

_ANON_STOP = CUES | words("who which that speaking and but because when as to qui was were")
# Clauses set off by commas between a subject and its verb: "A senior aide, who spoke on condition of
# anonymity, said"; "Delta, which is based in Atlanta, said".
_RELATIVE = words(
    """who which whose speaking asking requesting declining citing qui dont s'exprimant sous under"""
)
_GROUPS = words(
    """analysts economists strategists executives researchers traders bankers officials insiders diplomats
    delegates lawyers investors negotiators sources analystes économistes"""
)
# Descriptions set off by commas after an unnamed source: "One juror, a retired teacher from Mesa, said".
_DESCRIPTIONS = frozenset({"a", "an", "un", "une"})
_QUANTIFIERS = words("one two three four five several some most many all both none l'un l'une deux trois")


def anonymous(text: str, clause: list[Token], *, anchored: bool = False) -> Subject | None:
    """Return the unnamed source in `clause` ("a senior official"); only at its start when `anchored`."""
    words = [t[2].lower() for t in clause]
    if not anchored:
        group = _named_group(text, clause, words)
        if group is not None:
            return group
    for k, w in enumerate(words):
        if anchored and k > 0:
            break
        # "Analysts at Citi said": a group of a named organisation speaks as one unnamed source.
        if w in _GROUPS and k + 2 < len(words) and words[k + 1] in ("at", "from"):
            at = k + 3 if words[k + 2] == "the" and k + 3 < len(words) else k + 2
            org = organization(text, clause[at:]) if capital(clause[at][2]) else None
            if org is not None:
                start, stop = clause[k][0], clause[at][0] + elision(clause[at][2]) + len(org)
                name = text[start:stop]
                return Subject("anonymous", start, stop, name, None, org, start, stop)
        bare = w in ("sources", "people") and (
            w == "sources"
            or (k + 1 < len(words) and words[k + 1] in ("familiar", "close", "briefed", "with"))
        )
        if w not in ANON_DETERMINERS and not bare:
            continue
        head = (
            k
            if bare
            else next((j for j in range(k + 1, min(k + 6, len(words))) if words[j] in ANON_HEADS), None)
        )
        if head is None:
            continue
        end = head + 1
        while end < len(words) and words[end] not in _ANON_STOP:
            end += 1
        start, stop = clause[k][0], clause[end - 1][1]
        return Subject(
            "anonymous",
            start,
            stop,
            text[start:stop],
            None,
            _anonymous_org(text, clause[k + 1 : end]),
            start,
            stop,
        )
    return None


def _named_group(text: str, clause: list[Token], words: list[str]) -> Subject | None:
    """Return the group of "Goldman Sachs analysts said", "Industry insiders said" or "two of the sources"."""
    if not words or words[-1] not in _GROUPS:
        return None
    last = len(words) - 1
    if (
        last >= 3
        and words[last - 1] in ("the", "those", "these")
        and words[last - 2] == "of"
        and words[last - 3] in _QUANTIFIERS
    ):
        # "Two of the sources said": the group named before, resolved by the caller.
        s, e = clause[last - 3][0], clause[last][1]
        return Subject("partitive", s, e, words[last], phrase_start=s, phrase_end=e)
    k = last
    while k > 0 and capital(clause[k - 1][2]) and words[k - 1] not in STOP_CAPS:
        k -= 1
    if k == last:
        return None
    start, stop = clause[k][0], clause[last][1]
    run = words[k:last]
    generic = all(w in GENERIC_ORGS or w in NATIONALITIES or w in ORG_WORDS for w in run)
    org = None if generic else text[start : clause[last - 1][1]]
    return Subject("anonymous", start, stop, text[start:stop], None, org, start, stop)


def anonymous_before_clause(text: str, toks: list[Token]) -> Subject | None:
    """Return the unnamed source of "A senior aide, who spoke on condition of anonymity, said"."""
    segments = comma_segments(toks)
    back = len(segments) - 1
    while back > 0 and segments[back] and segments[back][0][2].lower() in _RELATIVE | _DESCRIPTIONS:
        back -= 1
    if back == len(segments) - 1 or not segments[back]:
        return None
    anon = anonymous(text, segments[back])
    if anon is None:
        return None
    return Subject(
        "anonymous",
        anon.start,
        anon.end,
        anon.name,
        anon.role,
        anon.organization,
        anon.phrase_start,
        toks[-1][1],
    )


def _anonymous_org(text: str, toks: list[Token]) -> str | None:
    """Return the organisation in "a Department for Transport source" or "an official at the authority"."""
    for k, t in enumerate(toks):
        # "A spokesperson for Desert Valley"; never the "for" inside "a Department for Transport source".
        after_head = t[2].lower() == "for" and k > 0 and toks[k - 1][2].lower() in ANON_HEADS
        if (t[2].lower() in ("at", "of", "from") or after_head) and k + 1 < len(toks):
            org = organization(text, toks[k + 1 :])
            if (
                org is None
                and toks[k + 1][2].lower() == "the"
                and k + 2 < len(toks)
                and toks[k + 2][2].lower() in GENERIC_ORGS
            ):
                return f"the {toks[k + 2][2]}"
            return org
    run = [t for t in toks if t[2][:1].isupper() or t[2] in ("for", "of", "and")]
    if run and any(t[2].lower() in ORG_WORDS for t in run) and run[0][2][:1].isupper():
        return organization(text, toks)
    return None
