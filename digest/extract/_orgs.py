"""Organisations around speakers: who "its", "the company" and "Airline spokesperson" refer to."""

from __future__ import annotations

import bisect
import re

from digest.extract._cues import CORPORATE_ROLES, GENERIC_ORGS, STOP_CAPS
from digest.extract._subject import ORG_REFERENCE, Token

_NEAR = 400
_GENERIC_ALT = "|".join(
    sorted(GENERIC_ORGS | {"federation", "confederation", "miner", "club", "lobby", "fédération", "syndicat"})
)
# What only an organisation has: "Karra Resources' shareholders", "France Chimie's members".
_OWNED_ALT = (
    "shares|stock|shareholders|employees|workers|members|board|chief executive|ceo|cfo|chairman|chairwoman"
    "|executives|subsidiary|headquarters|factory|factories|plant|plants|mines|revenue|profit|earnings"
)
_EMPLOYEE_ALT = (
    "chief executive|ceo|cfo|chairman|chairwoman|spokesperson|spokesman|spokeswoman|economist|analyst"
)
_JOINERS = frozenset({"of", "for", "and", "&", "the", "de", "des", "du"})
_ADVERBS = frozenset({"also", "later", "previously", "recently", "has", "had", "have", "on", "then"})
_RELATIVE = frozenset({"which", "who", "that"})
# Generic nouns that stand for the organisation the story is about, whatever its name says.
_ANY_ORG = frozenset({"company", "firm", "group", "startup", "start-up", "its"})
# Words that name a kind of organisation inside its proper name: an airline is "... Air" or "... Airways".
_KINDS = {
    "airline": ("air", "airlines", "airways"),
    "carrier": ("air", "airlines", "airways"),
    "utility": ("power", "energy", "electric"),
    "lender": ("bank",),
    "automaker": ("motors", "auto"),
    "carmaker": ("motors", "auto"),
}


def org_before(text: str, toks: list[Token]) -> str | None:
    """Return the organisation named just before a cue: "Georgia Power said", "Delta, which ..., said"."""
    if toks and toks[-1][2] == ",":
        # Step back over a relative clause: "Delta Air Lines, which is based in Atlanta, said".
        commas = [k for k, t in enumerate(toks[:-1]) if t[2] == ","]
        # ... or over a description: "France Chimie, the chemical industry federation, said".
        if (
            not commas
            or commas[-1] + 1 >= len(toks) - 1
            or toks[commas[-1] + 1][2].lower() not in _RELATIVE | {"the", "a", "an"}
        ):
            return None
        toks = toks[: commas[-1]]
    while toks and toks[-1][2].lower() in _ADVERBS:
        toks = toks[:-1]
    k = len(toks)
    while k > 0 and (toks[k - 1][2][:1].isupper() or (toks[k - 1][2] in _JOINERS and k < len(toks))):
        k -= 1
    run = toks[k:]
    while run and (
        run[0][2].lower() in STOP_CAPS or run[0][2].lower() in GENERIC_ORGS or run[0][2] in _JOINERS
    ):
        run = run[1:]
    if not run:
        return None
    name = text[run[0][0] : run[-1][1]]
    return name[:-2] if name.endswith(("'s", "’s")) else name


def is_org_reference(org: str | None) -> bool:
    """Return whether `org` points back to an organisation ("its", "the campaign", "Airline")."""
    if org is None:
        return False
    low = org.lower()
    return low == ORG_REFERENCE or low.removeprefix("the ") in GENERIC_ORGS


def corporate(role: str | None) -> bool:
    """Return whether `role` is a post inside a company (chief executive, spokesperson, chairman)."""
    if not role:
        return False
    words = role.lower().replace("-", " ").split()
    last = words[-1].rstrip(".")
    return last in CORPORATE_ROLES and (last not in ("executive", "officer") or "chief" in words)


def antecedent(text: str, orgs: list[tuple[int, str]], pos: int, ref: str) -> str | None:
    """Return the organisation named before `pos` that `ref` ("its", "the campaign") refers to."""
    noun = ref.lower().removeprefix("the ").strip()
    if noun not in _ANY_ORG:
        # "the campaign's director" after "the Campaign for Better Transport": the name holds the noun.
        named = _named_before(text, pos, noun)
        if named is not None:
            return named
    k = bisect.bisect_left(orgs, (pos, "")) - 1
    if k < 0:
        return _described_before(text, pos) if noun in _ANY_ORG else None
    kinds = "|".join(re.escape(w) for w in (noun, *_KINDS.get(noun, ())))
    for j in range(k, max(-1, k - 12), -1):
        if re.search(rf"\b(?:{kinds})\b", orgs[j][1], re.IGNORECASE):
            return orgs[j][1]
    # Any other kind ("the agency") most likely means the organisation named a sentence or two before.
    near = pos - orgs[k][0] < _NEAR
    return orgs[k][1] if noun in _ANY_ORG or noun not in GENERIC_ORGS or near else None


def org_evidence(text: str, name: str) -> bool:
    """Return whether the text treats `name` as a thing: "Nimbus, which ...", "Nimbus unveils its"."""
    word = re.escape(name)
    return re.search(rf"\b{word},? which\b|\b{word} [a-z]+ its\b", text) is not None


def named_org(text: str, name: str) -> bool:
    """Return whether the text names `name` as an organisation elsewhere.

    "the federation France Chimie", "Karra Resources' shareholders", "chief executive of Karra Resources".
    """
    word = re.escape(name)
    pattern = (
        rf"(?<![\w-])(?i:{_GENERIC_ALT}) {word}\b"
        rf"|\b{word}(?:'s|’s|'|’) (?:[a-z-]+ )?(?:{_OWNED_ALT})\b"
        rf"|\b(?:{_EMPLOYEE_ALT}) (?:of|at) {word}\b"
    )
    return re.search(pattern, text) is not None


def _described_before(text: str, pos: int) -> str | None:
    """Return the last organisation named with its kind before `pos`: "The IG Metall union rejected"."""
    found = None
    for m in _DESCRIBED.finditer(text, max(0, pos - _NEAR), pos):
        words = m.group(1).split()
        while words and words[0].lower() in STOP_CAPS:
            words.pop(0)
        if words:
            found = " ".join(words)
    return found


def _named_before(text: str, pos: int, noun: str) -> str | None:
    word = noun[:1].upper() + noun[1:]
    at = text.rfind(word, 0, pos)
    if at < 0:
        return None
    left = _CAPS_LEFT.search(text, max(0, at - 80), at)
    right = _CAPS_RIGHT.match(text, at + len(word))
    start = left.start() if left is not None else at
    end = right.end() if right is not None else at + len(word)
    name = text[start:end]
    return name if " " in name else None


_CAPS_LEFT = re.compile(r"(?:[A-Z][\w'’-]+ )+\Z")
_CAPS_RIGHT = re.compile(r"(?: (?:(?:of|for|and|the|de|des|du) )*[A-Z][\w'’-]+)*")
_DESCRIBED = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w&'’-]*\s){1,4}?)"
    r"(?:union|federation|company|group|association|bank|carrier|airline|firm|lender|insurer|regulator|agency)\b"
)
