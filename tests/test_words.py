"""The shared word split, and the word-level finders of figures and cues, agree with their regexes."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.extract._cues import CUE_RE, CUES, find_cues
from digest.extract._numbers import _CODES, TRIGGER_PATTERN, TRIGGER_WORDS, trigger_starts
from digest.extract._words import words_of
from digest.models import Article

SEEDS = ("000", "001", "002", "003", "004")
_TRIGGER = re.compile(TRIGGER_PATTERN)
_WORD = re.compile(r"\w")


def _lower(text: str) -> str:
    """Return the text the figure extractor searches for triggers."""
    lower = text.lower()
    return lower if len(lower) == len(text) else text


def _same(text: str) -> None:
    lower = _lower(text)
    assert trigger_starts(text, lower) == [m.start() for m in _TRIGGER.finditer(lower)], text
    assert find_cues(text) == [(m.start(), m.end(), m.group()) for m in CUE_RE.finditer(text)], text


def test_lower_case_keeps_every_character_a_word_character_or_not() -> None:
    # The split of the lower-cased text is then the split of the text itself.
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        lower = char.lower()
        if len(lower) == 1:
            assert bool(_WORD.match(char)) == bool(_WORD.match(lower)), hex(point)


def test_offsets_are_the_texts() -> None:
    text = "İstanbul’s 3.5% rise, ſo ıt SAID: USD1.2bn"
    split = words_of(text)
    runs = [(m.start(), m.group()) for m in re.finditer(r"\w+", text)]
    assert len(split.low) == len(text)
    assert split.starts[:-1] == [start for start, _ in runs]
    assert split.starts[-1] == len(text)
    assert split.words[:3] == ["istanbul", "s", "3"]
    assert split.words[-3:] == ["said", "usd1", "2bn"]


def test_seeds_find_the_same(seed_article: Callable[[str], Article]) -> None:
    for number in SEEDS:
        _same(seed_article(number).text)


def test_every_cue_opens_with_a_word() -> None:
    assert all(_WORD.match(cue) for cue in CUES)


_SOUP = [
    *sorted(TRIGGER_WORDS | _CODES), *sorted(CUES)[:60], "said", "Said", "SAID", "well-said", "According to",
    "a déclaré", "a-t-elle ajouté", "usd1.2bn", "Rs1,200", "3.5", "2024", "٣", "²", "x1", "_1", "q4", "one1",
    "millionè", "İ", "ı", "ſ", "Millions", "É", "tenfold", "ten_", "twenty-five",
]
_SEPARATORS = (" ", "", "-", ".", ",", "/", ":", "'", "’", "(", "\n", "$", "%", "\u00a0", "é")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SOUP), st.sampled_from(_SEPARATORS)), max_size=14))
def test_word_soup_finds_the_same(soup: list[tuple[str, str]]) -> None:
    _same("".join(word + sep for word, sep in soup))
