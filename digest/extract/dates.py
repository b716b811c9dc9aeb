"""Find temporal expressions (TIMEX3 dates, times, durations and sets) and resolve them."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable

from digest.extract import _calendar as cal
from digest.extract._context import (
    FUNCTION_AFTER,
    PARTS_OF_DAY,
    WORD,
    Ctx,
    Result,
    first_group,
    is_title,
    month_number,
    relative,
    word_set,
)
from digest.extract._timex import PARTS
from digest.extract._triggers import scan
from digest.models import Sentence, TimeExpr

_MONTH_PREP = word_set(
    "in since by until till through from to during of before after between and early late mid last next "
    "this each every around"
)
_FR_PREP = word_set("en depuis de d' d’ début fin mi jusqu'en jusqu’en dès courant avant après au")
_YEAR_PREP = _MONTH_PREP | _FR_PREP | word_set("the in year fiscal circa à et le l'an ou")
_TIME_PREP = word_set("at by from until till to before after around about à vers dès avant après")
_SEASON_PREP = word_set("in during by until since over through en au d' d’ pendant")
_DUR_PREP = word_set("for over within in than about nearly almost roughly around after past least under just")
_FIGURE_WORDS = word_set(
    "billion million trillion thousand percent % times once twice dollars yuan euros pounds yen bn m"
)
_NOT_WEEKDAY_BEFORE = word_set("good easter super ash holy palm black cyber mail")
_NOT_WEEKDAY_AFTER = word_set("times telegraph post mirror express herald gras")
_REFS = {
    "PAST_REF": "recently lately récemment recemment dernièrement dernierement the past le passé",
    "FUTURE_REF": "soon bientôt bientot prochainement l'avenir the future future term run",
}
_SET_ADVERBS = {
    "annually": "P1Y", "yearly": "P1Y", "annuellement": "P1Y", "biannually": "P6M", "semiannually": "P6M",
    "quarterly": "P3M", "monthly": "P1M", "mensuellement": "P1M", "weekly": "P1W", "daily": "P1D",
    "quotidiennement": "P1D", "hourly": "PT1H", "annual": "P1Y",
}  # fmt: skip
# Nouns of events, publications and payments that recur: "a monthly survey", "the weekly meeting".
_PERIODIC_NOUNS = word_set(
    "data survey surveys report reports meeting meetings summit summits inflation basis review reviews "
    "figures statistics index reading readings update updates briefing briefings inspection inspections "
    "payment payments dividend dividends subscription fee fees conference conferences session sessions "
    "visit visits audit audits poll polls release releases bulletin bulletins newsletter event events "
    "festival ceremony contribution contributions checkup check checks assessment assessments"
)
# Amounts a period yields: "quarterly earnings", "annual loss" name the period covered, no recurrence.
_PERIOD_AMOUNTS = word_set(
    "earnings results result profit profits loss losses revenue revenues sales costs cost income output "
    "growth production turnover"
)
_DES_PREP = word_set("depuis pendant durant après apres dans pour a")
_TIME_UNITS = word_set(
    "year years month months week weeks day days hour hours minute minutes quarter quarters"
)
# A date after one of these is the base of a comparison, not the period the story is about.
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs|than|from|against)\b", re.IGNORECASE)
_YEARLY = re.compile(r"\d{4}(?:-(?:SP|SU|FA|WI))?")
_BARE_SEASON = re.compile(r"(?:the\s+)?(?:spring|summer|autumn|fall|winter)", re.IGNORECASE)
_WEEKEND_PREP = word_set("over during at on through for until by throughout")
_PLURAL_BEFORE = word_set("took take takes lasted spent only mere")
_PLURAL_AFTER = word_set("before after later earlier")
_NOT_QUARTER_BEFORE = word_set("about nearly almost roughly around over under least than some")
_YEAR_MODIFIER_PREP = word_set("a an its their his her our below above beyond versus vs pre post")
_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5}


def extract_dates(
    text: str, *, sentences: tuple[Sentence, ...], published: dt.date | None
) -> tuple[TimeExpr, ...]:
    """Return the temporal expressions in `text`, resolved against `published` where relative."""
    starts = [s.start for s in sentences]
    found: list[TimeExpr] = []
    ref: str | None = None
    for m in scan(text):
        kind = m.lastgroup or ""
        parts = PARTS[kind].fullmatch(text, m.start(), m.end())
        if parts is None:
            continue
        index = max(0, bisect_right(starts, m.start()) - 1)
        sentence_start = sentences[index].start if sentences else 0
        language = sentences[index].language if sentences else "en"
        ctx = Ctx(text, m.start(), m.end(), sentence_start, published, ref, language)
        result = _HANDLERS[kind](parts, ctx)
        if result is None:
            continue
        kind_type, value, anchored = result
        clause = max(sentence_start, text.rfind(", ", 0, m.start()))
        if (
            value is not None
            and kind_type == "DATE"
            and cal.parse_value(value)
            and not _COMPARED.search(text, clause, m.start())
        ):
            ref = value
        found.append(TimeExpr(m.group(), m.start(), m.end(), index, kind_type, value, anchored))  # type: ignore[arg-type]
    return tuple(_date_times(_season_years(found), published))


def _season_years(found: list[TimeExpr]) -> list[TimeExpr]:
    """Give a bare season the year named in its sentence ("the spring and summer of 2024")."""
    years: dict[int, TimeExpr] = {}
    for t in found:
        if t.type == "DATE" and t.value and _YEARLY.fullmatch(t.value) and not _BARE_SEASON.fullmatch(t.text):
            years.setdefault(t.sentence, t)
    out = []
    for t in found:
        other = years.get(t.sentence)
        if other is not None and other.value and t.value and _BARE_SEASON.fullmatch(t.text):
            t = TimeExpr(
                t.text, t.start, t.end, t.sentence, t.type, other.value[:4] + t.value[4:], other.anchored
            )
        out.append(t)
    return out


def _date_times(found: list[TimeExpr], published: dt.date | None) -> list[TimeExpr]:
    """Give clock times the day named in their sentence, else the publication day."""
    days = {t.sentence: t for t in found if t.value and len(t.value) == 10 and t.type == "DATE"}
    out = []
    for t in found:
        clock = t.value or ""
        if t.type == "TIME" and clock.startswith("T"):
            day = days.get(t.sentence)
            if day is not None and day.value:
                t = TimeExpr(t.text, t.start, t.end, t.sentence, "TIME", day.value + clock, day.anchored)
            elif published is not None:
                t = TimeExpr(t.text, t.start, t.end, t.sentence, "TIME", published.isoformat() + clock, True)
            else:
                t = TimeExpr(t.text, t.start, t.end, t.sentence, "TIME", None, False)
        out.append(t)
    return out


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


def _part_of_day(p: re.Match[str], c: Ctx) -> Result:
    if is_title(p["part"], c):
        return None
    # A clock-like value: the day named in the sentence, else the publication day, is put in front.
    return "TIME", PARTS_OF_DAY[p["part"].lower()], False


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


def _fiscal(p: re.Match[str], c: Ctx) -> Result:
    year = p["year"] or f"20{p['yy']}"
    return "DATE", year, False


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


def _time(p: re.Match[str], c: Ctx) -> Result:
    before = c.prev_word()
    if c.start and c.text[c.start - 1] in "$€£¥.,":
        return None
    if p["noon"]:
        if before not in _TIME_PREP:
            return None
        return "TIME", "T12:00" if p["noon"].lower() in ("noon", "midi") else "T24:00", False
    if p["h2"] and not p["tz2"] and before not in _TIME_PREP:
        return None
    if p["h3"] and not p["mi3"] and before not in _TIME_PREP:
        return None
    hour = int(first_group(p, "h", "h2", "h3") or 0)
    minute = int(first_group(p, "mi", "mi2", "mi3") or 0)
    if p["ap"]:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if p["ap"].lower().startswith("p") else 0)
    return "TIME", f"T{hour:02d}:{minute:02d}", False


def _sport(p: re.Match[str], c: Ctx) -> Result:
    # A season of a league runs across calendar years; TIMEX3 has no value for it, so none is given.
    if p["num"]:
        count = cal.number(p["num"])
        return ("DURATION", None, False) if count is not None else None
    return "DATE", None, False


def _wire_time(p: re.Match[str], c: Ctx) -> Result:
    return "TIME", f"T{p['h']}:{p['mi']}", False


def _set(p: re.Match[str], c: Ctx) -> Result:
    if p["swd"]:
        return "SET", f"XXXX-WXX-{cal.WEEKDAYS[p['swd'].lower()] + 1}", False
    if p["every"]:
        unit = cal.unit_name(p["unit"])
        count = 2.0 if p["other"] else cal.number(p["n"]) if p["n"] else 1.0
        return "SET", cal.duration(count, unit), False
    adverb = (p["adv"] or p["badv"] or "").lower()
    if p["adv"]:
        after = c.next_word()
        if adverb != "annually" and after[:1].islower() and after not in FUNCTION_AFTER:
            return ("SET", _SET_ADVERBS[adverb], False) if _periodic_event(c) else None
        return "SET", _SET_ADVERBS[adverb], False
    if adverb:
        return "SET", _SET_ADVERBS[adverb], False
    # "barrels per day", "vehicles per hour": a unit of measure, not a recurrence.
    before = c.prev_word()
    if p["punit"] and before.isalpha() and before not in _FIGURE_WORDS and before not in _TIME_UNITS:
        return None
    word = first_group(p, "funit", "punit", "tunit") or "year"
    unit = "year" if word.lower() in ("annum", "ans") else cal.unit_name(word)
    return "SET", cal.duration(1, unit), False


def _periodic_event(c: Ctx) -> bool:
    """Return True when the adjective before the noun phrase names a recurring event ("monthly survey").

    An adjective before what a period yields ("quarterly earnings filing", "annual loss") only names
    the period the amount covers: no recurrence, no SET.
    """
    words = WORD.findall(c.text, c.end, c.end + 40)[:3]
    for i, word in enumerate(words):
        word = word.lower()
        if (i == 0 and word in _PERIOD_AMOUNTS) or not word.isalpha() or word in FUNCTION_AFTER:
            return False
        if word in _PERIODIC_NOUNS:
            return True
    return False


def _a_unit(p: re.Match[str], c: Ctx) -> Result:
    unit = cal.unit_name(p["unit"])
    before = c.prev_word()
    if p["art"].lower() == "another" or p["adj"]:
        return "DURATION", cal.duration(1, unit), False
    # "a quarter of respondents", "cut by about a quarter": a fraction, not three months.
    if unit == "quarter" and (c.next_word().lower() == "of" or before in _NOT_QUARTER_BEFORE):
        return None
    if p["art"].lower() != "one" and (any(ch.isdigit() for ch in before) or before in _FIGURE_WORDS):
        return "SET", cal.duration(1, unit), False
    if before in _DUR_PREP:
        return "DURATION", cal.duration(1, unit), False
    return None


def _duration(p: re.Match[str], c: Ctx) -> Result:
    if p["desfr"]:
        if c.prev_word() not in _DES_PREP:
            return None
        return "DURATION", cal.duration(None, cal.unit_name(p["desfr"])), False
    if p["multi"]:
        word = p["multi"].lower().replace("-", "")
        unit = next(u for u in ("decade", "year", "month", "week", "day") if u in word)
        vague = word.startswith("multi") or word.startswith(unit + "s")
        return "DURATION", cal.duration(None if vague else 1, unit), False
    if p["plural"]:
        before = c.prev_word()
        matter = before == "of" and c.text[max(0, c.start - 10) : c.start].rstrip().endswith("matter of")
        if not (
            before in _DUR_PREP
            or before in _PLURAL_BEFORE
            or matter
            or c.next_word().lower() in _PLURAL_AFTER
        ):
            return None
        return "DURATION", cal.duration(None, cal.unit_name(p["plural"])), False
    if c.start and c.text[c.start - 1] in "$€£¥.,/#":
        return None
    if p["old"] and cal.unit_name(p["unit"]) not in ("year", "month", "week", "day"):
        return None
    word = (p["num"] or p["numfr"]).lower()
    if word == "one" and c.prev_word() in ("could", "would", "might", "may", "will", "should"):
        return None
    half = word.endswith("and a half")
    count = cal.number(word.removesuffix("and a half").strip())
    if count is not None and half:
        count = count + 0.5
    return "DURATION", cal.duration(count, cal.unit_name(p["unit"] or p["unitfr"])), False


_HANDLERS: dict[str, Callable[[re.Match[str], Ctx], Result]] = {
    "iso": _iso, "numeric": _numeric, "mdy": _day_month, "dmy": _day_month, "my": _month_year,
    "qtr_end": _quarter_end,
    "qtr_range": _quarter_range, "quarter": _quarter, "half": _half, "ago": _ago, "holiday": _holiday,
    "mod_period": _mod_period, "relative": _relative_unit, "fr_rel": _fr_relative, "refs": _ref,
    "day_ref": _day_ref, "weekday": _weekday, "month": _month_alone, "decade": _decade, "week": _week,
    "season": _season, "sport": _sport, "wire_time": _wire_time, "part": _part_of_day, "weekend": _weekend,
    "fiscal": _fiscal, "year": _year, "time": _time, "set": _set, "a_unit": _a_unit,
    "duration": _duration,
}  # fmt: skip
