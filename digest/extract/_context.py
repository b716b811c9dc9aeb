"""A candidate's context (its neighbours, the tense of its clause) and the helpers its handlers share."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from digest.extract import _calendar as cal
from digest.extract._timex import TENSE, TENSE_FR

Result = tuple[str, str | None, bool] | None


def word_set(spaced: str) -> frozenset[str]:
    """Return the words of a space-separated list."""
    return frozenset(spaced.split())


FUNCTION_AFTER = word_set(
    "and or but as if when while than is was will could would may might should to because"
)
PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
                 "matin": "TMO", "soir": "TEV", "après-midi": "TAF", "apres-midi": "TAF"}  # fmt: skip
WORD = re.compile(r"[\w'’%]+", re.UNICODE)


@dataclass
class Ctx:
    """Where a candidate sits: the text, its sentence and the publication date."""

    text: str
    start: int
    end: int
    sentence_start: int
    published: dt.date | None
    ref: str | None = None
    language: str = "en"

    def prev_word(self) -> str:
        """Return the lower-cased word just before the candidate."""
        words = WORD.findall(self.text, max(0, self.start - 30), self.start)
        return words[-1].lower().replace("’", "'") if words else ""

    def next_word(self) -> str:
        """Return the word just after the candidate, as written."""
        found = WORD.search(self.text, self.end, self.end + 30)
        gap = self.text[self.end : found.start()] if found else "."
        return found.group() if found and gap.strip() == "" else ""

    def tense(self) -> bool | None:
        """Return True (future), False (past) or None (no cue) from the tense of its clause.

        The last cue before the candidate decides; without one, the first cue after it in the
        sentence ("January and February will tell us").
        """
        pattern = TENSE_FR if self.language == "fr" else TENSE
        cue = None
        for m in pattern.finditer(self.text, self.sentence_start, self.start):
            if m.lastgroup != "n":
                cue = m.lastgroup
        if cue is None:
            stop = self.text.find(". ", self.end)
            for m in pattern.finditer(self.text, self.end, len(self.text) if stop < 0 else stop):
                if m.lastgroup != "n":
                    cue = m.lastgroup
                    break
        return None if cue is None else cue in ("f", "f2")

    def future(self) -> bool:
        """Return True when the clause before the candidate is in the future tense."""
        return self.tense() is True


def first_group(p: re.Match[str], *names: str) -> str | None:
    """Return the first of the named groups that matched text."""
    for name in names:
        if p.group(name):
            return p.group(name)
    return None


def month_number(word: str) -> int:
    """Return the number of an English or French month name or abbreviation."""
    return cal.MONTHS[word.lower().rstrip(".")]


def relative(c: Ctx, compute: Callable[[dt.date], str], kind: str = "DATE") -> Result:
    """Return the value `compute` gives for the publication date, anchored; no value without one."""
    if c.published is None:
        return kind, None, False
    return kind, compute(c.published), True


def is_title(word: str, c: Ctx) -> bool:
    """Return True for a capitalised word inside a sentence: "BBC Radio 4's Today programme"."""
    if not word[:1].isupper() or c.start == c.sentence_start:
        return False
    before = c.text[max(c.sentence_start, c.start - 3) : c.start].strip()
    return not before or before[-1] not in "\"“‘'(:—-"


Handler = Callable[[re.Match[str], Ctx], Result]
