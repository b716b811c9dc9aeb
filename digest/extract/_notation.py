"""How a figure is written: digits in both notations, what may follow the amount, and the kind it states."""

from __future__ import annotations

import dataclasses
import re

from digest.extract._currencies import (
    WORD_PATTERN,
    currency_of_symbol,
    currency_of_word,
)
from digest.extract._numbers import UNIT_PATTERN, canonical_unit

SP = r"[\s\u00a0\u202f]"
NUM_EN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![,.]?\d)|\d+(?:\.\d+)?(?![,.]?\d)"
NUM_FR = r"\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?:,\d+)?(?![,.]?\d)|\d+(?:,\d+)?(?![,.]?\d)"
SUFFIX = re.compile(
    rf"(?P<pct>{SP}?%|[{SP[1:-1]}-]?(?i:percent|per\s+cent|pour\s?cent|pct)\b)"
    rf"|(?P<pp>[{SP[1:-1]}-](?i:percentage[\s-]points?|points?\s+de\s+pourcentage)\b|{SP}?(?:ppts?|pp)\b)"
    rf"|(?P<bp>[{SP[1:-1]}-](?i:basis[\s-]points?|points?\s+de\s+base)\b|{SP}?bps?\b)"
    rf"|(?P<curw>{SP}(?:(?:of|de)\s+|d['’])?{WORD_PATTERN})"
    rf"|(?P<postcur>{SP}?(?P<postscale>Mds|Md|Mrd|M)?{SP}?(?:€|\$|£|¥)(?![\w$]))"
    rf"|(?P<unit>{SP}?{UNIT_PATTERN})"
)
STUCK = re.compile(r"[A-Za-z]|[-–][A-Za-z]|[:/]\d|/|\.\d")
_YEAR_CUES = frozenset("in since by from until to of before after the".split())  # noqa: SIM905


@dataclasses.dataclass(slots=True)
class Found:
    """A figure being read: its span, kind and value grow as its range, qualifier and measure are found."""

    start: int
    end: int
    kind: str
    value: float | None
    unit: str | None
    approx: str | None = None
    value_max: float | None = None
    lead: int | None = None
    equivalent: int | None = None
    measure: str | None = None


def kind_of(
    text: str,
    m: re.Match[str],
    suffix: re.Match[str] | None,
    symbol: str | None,
    scale: str | None,
    *,
    yen_is_yuan: bool,
) -> tuple[str | None, str | None]:
    """Return the kind and unit that the symbol or suffix of a figure states, or (None, None)."""
    if symbol:
        code = currency_of_symbol(symbol)
        return "money", "CNY" if code == "JPY" and symbol == "¥" and yen_is_yuan else code
    if suffix is None:
        return None, None
    if suffix.group("postcur"):
        code = currency_of_symbol(suffix.group("postcur").strip()[-1])
        return "money", "CNY" if code == "JPY" and yen_is_yuan else code
    if suffix.group("pct"):
        return "percent", "%"
    # A change in points is not a percentage of anything: "other", so it never meets a "%" figure.
    if suffix.group("pp"):
        return "other", "pp"
    if suffix.group("bp"):
        return "other", "bp"
    if suffix.group("curw"):
        word = re.sub(r"^\W*(?:of|de)?\s*(?:d['’])?", "", suffix.group("curw").strip(), flags=re.I)
        if word.lower() in {"pound", "pounds"} and not scale:
            return "other", "lb"
        return "money", currency_of_word(word)
    return "other", canonical_unit(suffix.group("unit").strip())


def looks_like_year(raw: str, text: str, start: int) -> bool:
    """Tell whether `raw` at `start` is a year: 1800 to 2199, first or after "in", "since", "by"..."""
    if len(raw) != 4 or not raw.isdigit() or not 1800 <= int(raw) <= 2199:
        return False
    before = text[max(0, start - 12) : start].lower().split()
    return not before or before[-1] in _YEAR_CUES
