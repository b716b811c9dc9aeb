"""Resolve quarters, halves and fiscal years: periods of a year, named or ending in a month."""

from __future__ import annotations

import re

from digest.extract import _calendar as cal
from digest.extract._context import (
    Ctx,
    Handler,
    Result,
    first_group,
    month_number,
    relative,
)


def _period_of(span: str, month: int, year: int) -> str:
    """Return the calendar quarter or half holding most of the period that ends in `month` of `year`."""
    if span == "year":
        return str(year)
    # A quarter ended Jan. 31 runs Nov-Jan: two of its months fall in the fourth quarter.
    half = span.startswith(("half", "six"))
    year, month = cal.shift_month(year, month, -2 if half else -1)
    return f"{year}-H{1 if month <= 6 else 2}" if half else f"{year}-Q{cal.quarter_of(month)}"


def _quarter_end(p: re.Match[str], c: Ctx) -> Result:
    month, span = month_number(p["mon"]), p["span"].lower()
    if p["year"]:
        return "DATE", _period_of(span, month, int(p["year"])), False
    day = int(re.sub(r"\D", "", p["day"])) if p["day"] else 28
    return relative(c, lambda d: _period_of(span, month, cal.month_day_year(d, month, day, future=False)))


def _quarter_range(p: re.Match[str], c: Ctx) -> Result:
    first, last = month_number(p["m1"]), month_number(p["m2"])
    if last - first == 2 and first % 3 == 1:
        index, size, fmt = cal.quarter_of(first), 3, "Q"
    elif last - first == 5 and first in (1, 7):
        index, size, fmt = (1 if first == 1 else 2), 6, "H"
    else:
        return "DATE", None, False
    if p["year"]:
        return "DATE", f"{p['year']}-{fmt}{index}", False
    tense = c.tense()
    per_year = 12 // size
    return relative(
        c,
        lambda d: (
            f"{cal.cycle_year(d, index, (d.month - 1) // size + 1, future=tense, size=per_year)}-{fmt}{index}"
        ),
    )


def year_of(c: Ctx, explicit: str | None, rel: str | None) -> int | None:
    """Return the year written out or named relative to publication (last, this, next year)."""
    if explicit:
        return int(explicit) if len(explicit) == 4 else 2000 + int(explicit[-2:])
    if rel and c.published:
        return c.published.year + {"last": -1, "next": 1}.get(rel.lower(), 0)
    return None


def _cyclic(p: re.Match[str], c: Ctx, index: int, fmt: str, per_year: int, explicit: str | None) -> Result:
    year = year_of(c, explicit, p["rel"] if "rel" in p.re.groupindex else None)
    if year is not None:
        return "DATE", f"{year}-{fmt}{index}", not explicit
    tense = c.tense()
    size = 12 // per_year
    return relative(
        c,
        lambda d: (
            f"{cal.cycle_year(d, index, (d.month - 1) // size + 1, future=tense, size=per_year)}-{fmt}{index}"
        ),
    )


def _quarter(p: re.Match[str], c: Ctx) -> Result:
    if p["qmon"]:
        # "the June quarter" is the quarter ending in June (Australian and Japanese results copy).
        month = month_number(p["qmon"])
        if p["qyear"]:
            return "DATE", _period_of("quarter", month, int(p["qyear"])), False
        tense = c.tense()
        return relative(
            c, lambda d: _period_of("quarter", month, cal.month_day_year(d, month, 28, future=tense))
        )
    word = first_group(p, "q", "q2", "ord", "ordfr", "qt") or "1"
    index = int(word) if word.isdigit() else cal.ORDINALS[word.lower()]
    fiscal_year = first_group(p, "fy", "year3", "year4") if "fiscal" in p.group().lower() else None
    if fiscal_year:
        # Which calendar months a fiscal quarter covers depends on the company's year-end, which the
        # sentence does not give: keep the fiscal label (TIDES TIMEX2 writes fiscal periods "FY1998").
        return "DATE", f"FY{fiscal_year}-Q{index}", False
    return _cyclic(
        p, c, index, "Q", 4, first_group(p, "year", "yy", "yy2", "year3", "fy", "year4", "yearfr", "yt")
    )


def _half(p: re.Match[str], c: Ctx) -> Result:
    word = (first_group(p, "h", "h2", "hfr") or "1").lower()
    index = 1 if word in ("1", "first", "1st", "premier", "1er", "front") else 2
    if word in ("back", "front") and not (p["year"] or p["rel"]):
        # "the back half" is said of the year in progress; "the back half of the plane" is no date.
        if not p.group().lower().startswith("the") or c.next_word().lower() == "of":
            return None
        return relative(c, lambda d: f"{d.year}-H{index}")
    return _cyclic(p, c, index, "H", 2, first_group(p, "year", "year2", "year3"))


def _fiscal(p: re.Match[str], c: Ctx) -> Result:
    year = p["year"] or f"20{p['yy']}"
    return "DATE", year, False


HANDLERS: dict[str, Handler] = {
    "qtr_end": _quarter_end,
    "qtr_range": _quarter_range,
    "quarter": _quarter,
    "half": _half,
    "fiscal": _fiscal,
}
