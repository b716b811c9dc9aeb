"""Ranges and qualifiers around a figure: "3-4%", "between $1 billion and $2 billion", "more than 40"."""

from __future__ import annotations

import re

from digest.extract._currencies import SYMBOL_PATTERN
from digest.extract._notation import NUM_EN, NUM_FR, SP, STUCK, SUFFIX, Found, kind_of, looks_like_year
from digest.extract._numbers import (
    APPROX_WORDS,
    SCALE_PATTERN,
    WORD_NUMBER_PATTERN,
    approx_of,
    count_noun,
    parse_digits,
    parse_words,
    scale_value,
)
from digest.models import Sentence


def _range(number: str) -> str:
    return (
        rf"(?P<sep>{SP}?[-–]{SP}?|\s+(?:to|and|et|à)\s+)"
        rf"(?:(?P<cur>{SYMBOL_PATTERN}){SP}?)?(?P<num>{number}|{WORD_NUMBER_PATTERN})"
        rf"(?P<scale>{SCALE_PATTERN})?"
    )


RANGE_EN = re.compile(_range(NUM_EN))
RANGE_FR = re.compile(_range(NUM_FR))
_PLUS = re.compile(r"-plus\b|\+|(?=\s+or\s+more\b)|-odd\b|(?=\s+or\s+so\b)")
_APPROX_LAST = frozenset(phrase.split()[-1] for phrase in APPROX_WORDS)
_FROM = re.compile(r"(?i)\b(?:from|de)\s+\S*$")
# "up by £248 to £5,640", "fell 0.3% to 2.1%": a change, then the level it reached.
_CHANGE_BEFORE = re.compile(
    r"(?i)\b(?:by|up|down|rose|rise|rises|fell|fall|falls|jumped|climbed|gained|lost|dropped|slipped|slid"
    r"|increased|decreased|declined|grew|cut|raised|lifted|lowered|surged|soared|plunged|tumbled|sank"
    r"|added|shed|eased|edged|widened|narrowed)\s+\S*$"
)


def read_range(
    text: str, m: re.Match[str], item: Found, stop: int, *, french: bool, between: bool, yen_is_yuan: bool
) -> bool:
    """Extend `item` over a range ("3-4%", "between 3 and 4 percent", "$1 billion to $2 billion")."""
    r = (RANGE_FR if french else RANGE_EN).match(text, item.end, stop)
    if r is None:
        return False
    sep = r.group("sep").strip()
    if sep in {"and", "et"} and not between:
        return False
    if sep in {"to", "à"} and _FROM.search(text, max(0, m.start() - 12), m.start()):
        return False
    if sep == "to" and item.kind and _CHANGE_BEFORE.search(text, max(0, m.start() - 14), m.start()):
        return False
    if sep in {"-", "–"} and not m.group("num")[0].isdigit():
        return False
    if not item.kind and looks_like_year(m.group("num"), text, m.start("num")):
        return False
    raw = r.group("num")
    high = parse_words(raw) if not raw[0].isdigit() else parse_digits(raw, comma_decimal=french)
    high *= scale_value(r.group("scale"))
    suffix = SUFFIX.match(text, r.end(), stop)
    if STUCK.match(text, r.end(), stop) and not (suffix and suffix.start() == r.end()):
        return False
    kind, unit = kind_of(text, r, suffix, r.group("cur"), r.group("scale"), yen_is_yuan=yen_is_yuan)
    end = suffix.end() if suffix else r.end()
    if kind is None and item.kind in {"", "count"}:
        noun = count_noun(text, end, stop, french=french)
        if noun is not None:
            kind, unit, end = "count", noun[0], noun[1]
    if kind is None or (item.kind and (kind, unit) != (item.kind, item.unit)):
        return False
    low = item.value
    if low is not None and not m.group("scale") and r.group("scale"):
        low *= scale_value(r.group("scale"))
    if low is not None and high < low:
        return False
    item.kind, item.unit, item.value, item.value_max, item.end = kind, unit, low, high, end
    return True


def read_approx(text: str, item: Found, sentence: Sentence) -> None:
    """Mark `item` approximate when "-plus" or "or more" follows it or a qualifier precedes it."""
    plus = _PLUS.match(text, item.end, sentence.end)
    if plus:
        item.approx = "about" if "o" in plus.group(0) or text.startswith(" or so", item.end) else "over"
        item.end = plus.end()
        return
    found = _approx_before(text, sentence.start, item.start)
    if found:
        item.approx, item.lead = approx_of(found[0]), found[1]


def _approx_before(text: str, lo: int, start: int) -> tuple[str, int] | None:
    """Return the qualifier just before `start` ("more than", "roughly") and where it begins."""
    begin = max(lo, start - 30)
    chunk = text[begin:start]
    if not chunk or not chunk[-1].isspace():
        return None
    words = chunk.split()
    # Most figures follow no qualifier: one set lookup rules them out before any phrase is built.
    if not words or words[-1].lstrip("(“\"'‘").lower() not in _APPROX_LAST:
        return None
    for k in (4, 3, 2, 1):
        if len(words) < k:
            continue
        phrase = " ".join(words[-k:]).lstrip("(“\"'‘").lower()
        if phrase not in APPROX_WORDS:
            continue
        at = len(chunk)
        for word in reversed(words[-k:]):
            at = chunk.rfind(word, 0, at)
        if at == 0 and begin > lo and not text[begin - 1].isspace():
            continue
        return phrase, begin + at + len(words[-k]) - len(words[-k].lstrip("(“\"'‘"))
    return None
