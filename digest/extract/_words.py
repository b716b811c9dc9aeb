"""The words of an article's text, split once and shared by the extractors that look for words.

A regex scanning a whole text pays for every character; figures, dates and speakers all start from
words (a trigger word or a number, an anchor of a temporal expression, a cue verb), and a text has
about six times fewer words than characters. The text is split into its runs of `\\w` once, in lower
case, and each extractor picks its words from that list with set lookups before trying any pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

_SPLIT = re.compile(r"(\w+)")
# Python's case-insensitive matching also equates these with i and s; str.lower() does not.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


@dataclass(frozen=True, slots=True)
class Words:
    """A text in lower case, its runs of `\\w` and where each starts; the lists are shared, never changed.

    Lower-casing keeps every character one character long (İ, the one that grows, is folded to i first)
    and keeps it a word character or not, so the offsets and the runs are those of the text itself.
    """

    low: str
    words: list[str]
    # One offset more than there are words: the last is the length of the text.
    starts: list[int]


@lru_cache(maxsize=2)
def words_of(text: str) -> Words:
    """Return the words of `text`; the extractors of one article share one split."""
    low = text.lower()
    if "İ" in text or "ı" in text or "ſ" in text:
        low = text.translate(_FOLD).lower()
    parts = _SPLIT.split(low)
    return Words(low, parts[1::2], list(accumulate(map(len, parts)))[0::2])
