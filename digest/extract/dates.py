"""Find temporal expressions (TIMEX3 dates, times, durations and sets) and resolve them.

Each kind of the grammar (`_timex.KINDS`) has a handler that checks the match in context and gives its
type and value: calendar-named dates in `_named`, quarters and halves in `_periods`, expressions relative
to publication or to an earlier date in `_anchor`, clock times in `_times`, durations and sets in
`_durations`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from digest.extract import _anchor, _durations, _named, _periods, _times
from digest.extract import _calendar as cal
from digest.extract._context import Ctx, Handler
from digest.extract._timex import PARTS
from digest.extract._triggers import scan
from digest.models import Sentence, TimeExpr

# A date after one of these is the base of a comparison, not the period the story is about.
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs|than|from|against)\b", re.IGNORECASE)
_YEARLY = re.compile(r"\d{4}(?:-(?:SP|SU|FA|WI))?")
_BARE_SEASON = re.compile(r"(?:the\s+)?(?:spring|summer|autumn|fall|winter)", re.IGNORECASE)
_HANDLERS: dict[str, Handler] = (
    _named.HANDLERS | _periods.HANDLERS | _anchor.HANDLERS | _times.HANDLERS | _durations.HANDLERS
)


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
