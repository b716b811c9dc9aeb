"""Resolve durations (how long) and sets (how often)."""

from __future__ import annotations

import re

from digest.extract import _calendar as cal
from digest.extract._context import (
    FUNCTION_AFTER,
    WORD,
    Ctx,
    Handler,
    Result,
    first_group,
    word_set,
)

_DUR_PREP = word_set("for over within in than about nearly almost roughly around after past least under just")
_FIGURE_WORDS = word_set(
    "billion million trillion thousand percent % times once twice dollars yuan euros pounds yen bn m"
)
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
_PLURAL_BEFORE = word_set("took take takes lasted spent only mere")
_PLURAL_AFTER = word_set("before after later earlier")
_NOT_QUARTER_BEFORE = word_set("about nearly almost roughly around over under least than some")


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


HANDLERS: dict[str, Handler] = {"set": _set, "a_unit": _a_unit, "duration": _duration}
