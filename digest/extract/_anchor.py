"""Resolve expressions relative to the publication date or to the last date named before them."""

from __future__ import annotations

import datetime as dt
import re

from digest.extract import _calendar as cal
from digest.extract._context import (
    FUNCTION_AFTER,
    PARTS_OF_DAY,
    Ctx,
    Handler,
    Result,
    first_group,
    is_title,
    relative,
)

_REFS = {
    "PAST_REF": "recently lately récemment recemment dernièrement dernierement the past le passé",
    "FUTURE_REF": "soon bientôt bientot prochainement l'avenir the future future term run",
}
_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5}


def _ago(p: re.Match[str], c: Ctx) -> Result:
    count = cal.number(first_group(p, "num", "numfr") or "")
    unit = cal.unit_name(first_group(p, "unit", "unitfr") or "year")
    direction = (p["dir"] or "ago").lower()
    if count is None:
        return "DATE", ("PAST_REF" if direction in ("ago", "earlier") else "FUTURE_REF"), False
    if cal.UNITS[unit][0] in ("H", "MIN", "S"):
        return relative(c, lambda d: d.isoformat(), "TIME")
    if direction in ("earlier", "later") and c.next_word().lower() == "than":
        return "DURATION", cal.duration(count, unit), False
    sign = -1 if direction in ("ago", "earlier") else 1
    if direction in ("ago", "from now", "hence"):
        return relative(c, lambda d: cal.at_grain(unit, cal.shift_date(d, unit, sign * int(count))))
    base = cal.parse_value(c.ref) if c.ref else None
    if base is None or _RANK[base[1]] > _RANK.get(unit, 4):
        return "DATE", None, False
    grain = base[1] if base[1] in ("quarter", "month") else unit
    return "DATE", cal.at_grain(grain, cal.shift_date(base[0], unit, sign * int(count))), False


def _mod_period(p: re.Match[str], c: Ctx) -> Result:
    if p["modfr"]:
        unit = cal.unit_name(p["unitfr"] or p["unitfr2"])
        return relative(c, lambda d: cal.at_grain(unit, d))
    base = cal.parse_value(c.ref) if c.ref else None
    if p["full"]:
        # "full-year revenue" after a quarter's figures is that quarter's year; else the current one.
        if base is not None and base[1] in ("year", "quarter", "month"):
            return "DATE", str(base[0].year), False
        return relative(c, lambda d: str(d.year))
    unit = (p["unit"] or p["unit2"] or p["unit3"]).lower()
    if p["unit2"] and unit == "quarter" and base is not None and base[1] == "quarter":
        # "at quarter-end" in results copy is the end of the quarter being reported.
        return "DATE", c.ref, False
    return relative(c, lambda d: cal.at_grain(unit, d))


def _before_ref(c: Ctx, unit: str) -> Result:
    """Return the `unit` before the last date named ("the previous year"), else before publication."""
    base = cal.parse_value(c.ref) if c.ref else None
    if base is not None and _RANK[base[1]] <= _RANK.get(unit, 4):
        return "DATE", cal.at_grain(unit, cal.shift_date(base[0], unit, -1)), False
    return relative(c, lambda d: cal.at_grain(unit, cal.shift_date(d, unit, -1)))


def _relative_unit(p: re.Match[str], c: Ctx) -> Result:
    if p["bunit"]:
        return _before_ref(c, p["bunit"].lower())
    rel, unit_word = p["rel"].lower(), p["unit"].lower()
    unit = cal.unit_name(unit_word)
    plural = unit_word != unit
    count = cal.number(p["num"]) if p["num"] else None
    if rel == "recent":
        return ("DURATION", cal.duration(None, unit), False) if plural else None
    if rel in ("this", "current"):
        return relative(c, lambda d: cal.at_grain(unit, d))
    if rel == "following":
        return "DATE", None, False
    if p["fisc"] and not plural and not p["num"]:
        # "the last fiscal year" is the latest complete one, a date; its months depend on the company.
        shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "upcoming": 1}.get(rel, 0)
        return relative(c, lambda d: cal.at_grain(unit, cal.shift_date(d, unit, shift)))
    if p["the"] and not plural and not p["num"]:
        if unit == "quarter" and rel in ("last", "past", "previous"):
            return relative(c, lambda d: cal.at_grain(unit, cal.shift_date(d, unit, -1)))
        if unit == "day":
            return None
        if rel == "previous":
            return _before_ref(c, unit)
    if p["the"] or p["num"] or plural:
        return "DURATION", cal.duration(count if p["num"] else (None if plural else 1), unit), False
    sign = 1 if rel in ("next", "coming", "upcoming") else -1
    return relative(c, lambda d: cal.at_grain(unit, cal.shift_date(d, unit, sign)))


def _fr_relative(p: re.Match[str], c: Ctx) -> Result:
    if p["cur"]:
        unit = cal.unit_name(p["cur"].split()[-1].split("-")[0])
        return relative(c, lambda d: cal.at_grain(unit, d))
    if p["unit"]:
        unit, rel = cal.unit_name(p["unit"]), p["rel"].lower()
        if cal.UNITS[unit][1] == 10 or rel.startswith(("écoul", "ecoul")):
            return "DURATION", cal.duration(1, unit), False
        if rel.startswith("suiv"):
            return "DATE", None, False
        sign = 1 if rel.startswith("proch") else -1
        return relative(c, lambda d: cal.at_grain(unit, cal.shift_date(d, unit, sign)))
    unit_word = p["unit2"].lower()
    unit = cal.unit_name(unit_word)
    number = first_group(p, "n1", "n2")
    if number or unit_word != unit or cal.UNITS[unit][1] == 10 or unit == "mois":
        return (
            "DURATION",
            cal.duration(cal.number(number) if number else (None if unit_word != unit else 1), unit),
            False,
        )
    sign = 1 if p["rel2"].lower().startswith("proch") else -1
    return relative(c, lambda d: cal.at_grain(unit, cal.shift_date(d, unit, sign)))


def _ref(p: re.Match[str], c: Ctx) -> Result:
    ref = re.sub(r"\s+", " ", p["ref"].lower().replace("’", "'"))
    after, before = c.next_word(), c.prev_word()
    noun_follows = after[:1].islower() and after.lower() not in FUNCTION_AFTER
    if ref.startswith(("the", "l'", "le ")) and noun_follows:
        return None
    if ref in ("the past", "le passé") and before not in ("in", "into", "from", "than", "dans", "par"):
        return None
    if ref == "l'avenir" and after.lower() in ("de", "du", "des", "d'"):
        return None
    if (ref == "soon" and before == "as") or (ref == "the time being" and before != "for"):
        return None
    if ref == "now" and after.lower() == "that":
        return None
    if c.start and c.text[c.start - 1] == "-":  # "buy-now-pay-later" is one word
        return None
    last = ref.split()[-1]
    for value, words in _REFS.items():
        if ref in words or last in words.split():
            return "DATE", value, False
    return "DATE", "PRESENT_REF", False


_DAY_OFFSETS = {"the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1, "hier": -1,
                "tomorrow": 1, "demain": 1, "avant-hier": -2, "après-demain": 2, "apres-demain": 2,
                "last night": -1}  # fmt: skip


def _day_ref(p: re.Match[str], c: Ctx) -> Result:
    word = re.sub(r"\s+", " ", p["dref"].lower())
    if c.prev_word() == "usa" or is_title(p["dref"], c):
        return None
    part = (
        p["part"].lower()
        if p["part"]
        else word.split()[-1]
        if word.startswith(("this", "ce", "cet"))
        else None
    )
    if word in ("tonight", "last night"):
        part = "night"
    offset = _DAY_OFFSETS.get(word, 0)
    suffix = PARTS_OF_DAY.get(part or "", "")
    kind = "TIME" if suffix else "DATE"
    return relative(c, lambda d: (d + dt.timedelta(days=offset)).isoformat() + suffix, kind)


HANDLERS: dict[str, Handler] = {
    "ago": _ago,
    "mod_period": _mod_period,
    "relative": _relative_unit,
    "fr_rel": _fr_relative,
    "refs": _ref,
    "day_ref": _day_ref,
}
