"""Resolve dates named by the calendar: days, months, years, decades, weeks, seasons, weekdays, holidays."""

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
    month_number,
    relative,
    word_set,
)
from digest.extract._periods import year_of

_MONTH_PREP = word_set(
    "in since by until till through from to during of before after between and early late mid last next "
    "this each every around"
)
_FR_PREP = word_set("en depuis de d' d’ début fin mi jusqu'en jusqu’en dès courant avant après au")
_YEAR_PREP = _MONTH_PREP | _FR_PREP | word_set("the in year fiscal circa à et le l'an ou")
_SEASON_PREP = word_set("in during by until since over through en au d' d’ pendant")
_NOT_WEEKDAY_BEFORE = word_set("good easter super ash holy palm black cyber mail")
_NOT_WEEKDAY_AFTER = word_set("times telegraph post mirror express herald gras")
_WEEKEND_PREP = word_set("over during at on through for until by throughout")
_YEAR_MODIFIER_PREP = word_set("a an its their his her our below above beyond versus vs pre post")


def _iso(p: re.Match[str], c: Ctx) -> Result:
    day = f"{p['y']}-{p['m']}-{p['d']}"
    return ("TIME", f"{day}T{p['hh']}:{p['mm']}", False) if p["hh"] else ("DATE", day, False)


def _numeric(p: re.Match[str], c: Ctx) -> Result:
    first, second = int(p["a"]), int(p["b"])
    # Day first where the month cannot come first, and in French; else the US order of wire copy.
    day_first = first > 12 or (second <= 12 and c.language == "fr")
    month, day = (second, first) if day_first else (first, second)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return "DATE", f"{p['y']}-{month:02d}-{day:02d}", False


def _day_month(p: re.Match[str], c: Ctx) -> Result:
    month, day = month_number(p["mon"]), int(re.sub(r"\D", "", p["day"]))
    if p["year"]:
        return "DATE", f"{p['year']}-{month:02d}-{day:02d}", False
    tense = c.tense()
    return relative(c, lambda d: f"{cal.month_day_year(d, month, day, future=tense)}-{month:02d}-{day:02d}")


def _month_year(p: re.Match[str], c: Ctx) -> Result:
    return "DATE", f"{p['year']}-{month_number(p['mon']):02d}", False


def _holiday(p: re.Match[str], c: Ctx) -> Result:
    name = re.sub(r"\s+", " ", p["name"].lower().replace("’", "'"))
    year = year_of(c, first_group(p, "year", "year2"), p["rel"])
    if year is not None:
        return "DATE", cal.holiday_date(name, year), not first_group(p, "year", "year2")
    if p["rel"]:
        return "DATE", None, False
    if name not in cal.STANDALONE_HOLIDAYS:
        return None
    tense = c.tense()

    def resolve(d: dt.date) -> str:
        # The occurrence before publication, or after it when the clause looks ahead; nearest if unsaid.
        days = [(y, cal.holiday_day(name, y)) for y in (d.year - 1, d.year, d.year + 1)]
        if tense is not None:
            days = [(y, day) for y, day in days if (day > d if tense else day <= d)]
        year = min(days, key=lambda item: abs((item[1] - d).days))[0]
        return cal.holiday_date(name, year)

    return relative(c, resolve)


def _weekend(p: re.Match[str], c: Ctx) -> Result:
    if c.prev_word() not in _WEEKEND_PREP:
        return None
    future = c.future()
    return relative(c, lambda d: cal.iso_week(cal.weekday_date(d, 5, future=future)) + "-WE")


def _weekday(p: re.Match[str], c: Ctx) -> Result:
    name = (p["wd"] or p["wdfr"]).lower()
    after = c.next_word()
    if c.prev_word() in _NOT_WEEKDAY_BEFORE or (after[:1].isupper() and after.lower() in _NOT_WEEKDAY_AFTER):
        return None
    if p["wdfr"] and after.lower() in _NOT_WEEKDAY_AFTER:
        return None
    rel = (p["rel"] or p["relfr"] or "").lower()
    part = p["part"] or (rel if rel in PARTS_OF_DAY else None)
    strict = rel in ("last", "past", "next", "coming", "dernier", "prochain")
    future = rel in ("next", "coming", "prochain") or (not strict and c.future())
    suffix = PARTS_OF_DAY.get(part.lower(), "") if part else ""
    weekday = cal.WEEKDAYS[name]
    return relative(
        c,
        lambda d: cal.weekday_date(d, weekday, future=future, strict=strict).isoformat() + suffix,
        "TIME" if suffix else "DATE",
    )


def _month_alone(p: re.Match[str], c: Ctx) -> Result:
    before = c.prev_word()
    if p["monfr"]:
        if not p["mod"] and before not in _FR_PREP:
            return None
    elif p["mon"] in ("May", "March", "June", "August") and not (
        p["mod"] or p["mrel"] or before in _MONTH_PREP
    ):
        return None
    month = month_number(p["mon"] or p["monfr"])
    if p["yrel"]:
        shift = {"last": -1, "next": 1}.get(p["yrel"].lower(), 0)
        return relative(c, lambda d: f"{d.year + shift}-{month:02d}")
    rel = (p["mrel"] or {"dernier": "last", "prochain": "next"}.get((p["frrel"] or "").lower(), "")).lower()
    strict = rel in ("last", "next")
    # A month with no year and no tense cue is the one nearest publication ("in July", said in June).
    future = rel == "next" if strict else c.tense()

    def resolve(d: dt.date) -> str:
        current = d.month if not strict else d.month + (1 if future else -1)
        return f"{cal.cycle_year(d, month, current, future=future)}-{month:02d}"

    return relative(c, resolve)


def _decade(p: re.Match[str], c: Ctx) -> Result:
    if p["dec2"]:
        digits = int(p["dec2"])
        return "DATE", f"{19 if digits >= 30 else 20}{digits // 10}", False
    return "DATE", (p["dec"] or p["decfr"])[:3], False


def _week(p: re.Match[str], c: Ctx) -> Result:
    week = int(p["w"] or p["w2"])
    if not 1 <= week <= 53:
        return None
    year = p["year"] or p["year2"]
    if year:
        return "DATE", f"{year}-W{week:02d}", False
    return relative(c, lambda d: f"{d.year}-W{week:02d}")


def _season(p: re.Match[str], c: Ctx) -> Result:
    season, rel = p["season"].lower(), (p["rel"] or "").lower().replace("’", "'")
    code = cal.SEASONS[season]
    if p["year"]:
        return "DATE", f"{p['year']}-{code}", False
    if p["yrel"]:
        shift = {"last": -1, "next": 1}.get(p["yrel"].lower(), 0)
        return relative(c, lambda d: f"{d.year + shift}-{code}")
    explicit = rel in ("this", "last", "next", "early", "late", "cet")
    if not explicit and (season == "fall" or (c.prev_word() not in _SEASON_PREP and rel not in ("l'",))):
        return None
    if (
        season in ("été", "fall")
        and not explicit
        and rel != "l'"
        and c.prev_word() not in ("en", "d'", "pendant", "au")
    ):
        return None
    shift = {"last": -1, "next": 1}.get(rel, 0)
    return relative(c, lambda d: f"{d.year + shift}-{code}")


def _sport(p: re.Match[str], c: Ctx) -> Result:
    # A season of a league runs across calendar years; TIMEX3 has no value for it, so none is given.
    if p["num"]:
        count = cal.number(p["num"])
        return ("DURATION", None, False) if count is not None else None
    return "DATE", None, False


def _year(p: re.Match[str], c: Ctx) -> Result:
    text, start, end = c.text, c.start, c.end
    if start and (text[start - 1] in "$€£¥#.,/" or text[start - 1].isdigit()):
        return None
    tail = text[end : end + 12].lower()
    if re.match(r"\s?(?:%|percent|per\s+cent|pour\s+cent|[.,]\d)", tail):
        return None
    after = c.next_word()
    if (
        not p["mod"]
        and c.prev_word() not in _YEAR_PREP
        and c.prev_word() not in _YEAR_MODIFIER_PREP
        and after[:1].islower()
        and after not in FUNCTION_AFTER
    ):
        return None
    return "DATE", p["year"], False


HANDLERS: dict[str, Handler] = {
    "iso": _iso,
    "numeric": _numeric,
    "mdy": _day_month,
    "dmy": _day_month,
    "my": _month_year,
    "holiday": _holiday,
    "weekday": _weekday,
    "weekend": _weekend,
    "month": _month_alone,
    "decade": _decade,
    "week": _week,
    "season": _season,
    "sport": _sport,
    "year": _year,
}
