"""Resolve clock times and parts of the day."""

from __future__ import annotations

import re

from digest.extract._context import (
    PARTS_OF_DAY,
    Ctx,
    Handler,
    Result,
    first_group,
    is_title,
    word_set,
)

_TIME_PREP = word_set("at by from until till to before after around about à vers dès avant après")


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


def _wire_time(p: re.Match[str], c: Ctx) -> Result:
    return "TIME", f"T{p['h']}:{p['mi']}", False


def _part_of_day(p: re.Match[str], c: Ctx) -> Result:
    if is_title(p["part"], c):
        return None
    # A clock-like value: the day named in the sentence, else the publication day, is put in front.
    return "TIME", PARTS_OF_DAY[p["part"].lower()], False


HANDLERS: dict[str, Handler] = {"time": _time, "wire_time": _wire_time, "part": _part_of_day}
