"""Words, stems and candidate keyphrases of a sentence, shared by theme matching and discovery."""

from __future__ import annotations

import re
from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ELIDED = frozenset({"l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu"})
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*(?:['’][^\W\d_]+)?")

# Function words, reporting verbs and the vocabulary every business story shares: none names a theme.
STOPWORDS = _words(
    """a about above across after again against all almost along already also although always am among an
    and another any are around as at be because been before being below between both but by can could did
    do does doing down during each either else even ever every few for from further had has have having he
    her here hers him his how however i if in into is it its itself just least less let like made make
    makes many may me might more most much must my near nearly neither no nor not now of off often on once
    one only onto or other others otherwise our ours out over own per perhaps rather same she should since
    so some still such than that the their theirs them then there these they this those though through thus
    to too toward towards under until up upon us very via was we were what whatever when where whether which
    while who whom whose why will with within without would yet you your
    said says say told tell tells noted added adds stated according reported reports announced claims
    claimed warned argued believes expects expected including include includes included based around
    amid despite across among further however moreover furthermore meanwhile notably particularly
    year years month months week weeks day days quarter quarters time times today yesterday tomorrow
    percent per cent billion million trillion thousand hundred hundreds thousands tens dollars yuan euros
    company companies firm firms group business businesses people way ways thing things part parts lot
    new first second third last next early late recent recently currently current now just already
    well even still really much many more most less least several various other others another
    mr mrs ms dr inc ltd co corp plc le la les de des du un une et en est sur pour dans par au aux qui que
    its it's it’s also while will shows show showing seen see sees
    long short term near high low big large small major key global broad broader massive significant
    strong important giant giants huge overall whole entire further greater increasing increased
    chinese american european local domestic international foreign able likely set need needs
    two three four five six seven eight nine ten dozen dozens half
    increase rise grow improve develop support focus scale surge claim drive driven help boost push take
    give become remain continue seek bring lead allow create provide offer use deliver expand build reach
    raise face add keep start plan aim signal reflect underscore highlight mirror potential technological
    possible clear leading top best better worse good bad real tech technology industry sector"""
)


@lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """Return a light stem of a lower-case word: plural, -ing, -ed, -ment and a final e removed."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    # French elision: "l’infrastructure" is "infrastructure", "d’investissement" is "investissement".
    head, mark, tail = word.partition("’") if "’" in word else word.partition("'")
    if mark and tail and head in _ELIDED:
        word = tail
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 7 and word.endswith("ment"):
        word = word[:-4]
    for suffix in ("ing", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            # "stopped" and "stop" share a stem; "falls" keeps its double l.
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Return the words of `text` as they are written."""
    return _TOKEN.findall(text)


def stems(text: str) -> list[str]:
    """Return the stems of the words of `text`."""
    return list(map(_written_stem, _TOKEN.findall(text)))


@lru_cache(maxsize=1 << 18)
def _written_stem(word: str) -> str:
    return stem(word.lower())


_STOP_STEMS = frozenset(stem(word) for word in STOPWORDS)


# A word, or a mark that ends a phrase: punctuation other than apostrophes and inner hyphens.
_PIECE = re.compile(r"[^\W_]+(?:-[^\W_]+)*(?:['’][^\W\d_]+)?|[^\w\s'’-]|\s-\s")


@lru_cache(maxsize=1 << 18)
def content_stem(word: str) -> str | None:
    """Return the stem of a content word as written, or None for a stopword, number, adverb or mark."""
    lower = word.lower()
    if lower.endswith(("'s", "’s")):
        lower = lower[:-2]
    if len(lower) < 3 and not (len(word) == 2 and word.isupper()):
        return None
    if not lower.replace("'", "").replace("’", "").replace("-", "").isalpha():
        return None
    if lower in STOPWORDS or (lower.endswith("ly") and len(lower) > 4):
        return None
    key = stem(lower)
    return None if key in _STOP_STEMS else key


def candidate_keys(text: str, *, longest: int = 3) -> dict[tuple[str, ...], None]:
    """Return the stem tuples of the noun-phrase-like n-grams of `text` (see `candidate_phrases`).

    A dict used as an ordered set: in the order the phrases end in the text, the same every run
    (a set's order follows string hashes, which change from one run to the next).
    """
    found: dict[tuple[str, ...], None] = {}
    run: list[str] = []
    for piece in _PIECE.findall(text):
        key = content_stem(piece)
        if key is None:
            run = []
            continue
        run.append(key)
        found[(key,)] = None
        if len(run) > 1:
            found[(run[-2], key)] = None
            if longest > 2 and len(run) > 2:
                found[(run[-3], run[-2], key)] = None
    return found


def candidate_phrases(text: str, *, longest: int = 3) -> dict[tuple[str, ...], str]:
    """Return the noun-phrase-like n-grams of `text`: stem tuple -> the words as written.

    A candidate is a run of up to `longest` (at most 3) content words: no stopword, no number, no adverb
    in -ly, at least three letters. Runs break at punctuation, so phrases never straddle a clause.
    """
    found: dict[tuple[str, ...], str] = {}
    run: list[tuple[str, str]] = []
    for piece in _PIECE.findall(text):
        key = content_stem(piece)
        if key is None:
            run = []
            continue
        run.append((key, piece))
        for size in range(1, min(longest, len(run)) + 1):
            part = run[-size:]
            found.setdefault(tuple(s for s, _ in part), " ".join(w for _, w in part))
    return found
