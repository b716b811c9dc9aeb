"""Calendar tables (English and French) and the date arithmetic used to resolve temporal expressions."""

from __future__ import annotations

import datetime as dt

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip

_SMALL: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a": 1, "an": 1, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
    "treize": 13, "quatorze": 14, "seize": 16, "vingts": 20,
}  # fmt: skip

VAGUE = frozenset(
    [
        "few",
        "several",
        "many",
        "some",
        "couple",
        "number",
        "dozens",
        "numerous",
        "quelques",
        "plusieurs",
        "nombreux",
        "nombreuses",
    ]
)

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "premier": 1, "1er": 1, "deuxième": 2, "deuxieme": 2, "2e": 2,
    "troisième": 3, "troisieme": 3, "3e": 3, "quatrième": 4, "quatrieme": 4, "4e": 4,
}  # fmt: skip

# unit word -> (TIMEX3 unit letter, multiplier); "Q" durations are written in months.
UNITS: dict[str, tuple[str, int]] = {
    "year": ("Y", 1), "month": ("M", 1), "week": ("W", 1), "day": ("D", 1), "quarter": ("Q", 1),
    "decade": ("Y", 10), "century": ("Y", 100), "centurie": ("Y", 100), "hour": ("H", 1),
    "minute": ("MIN", 1), "second": ("S", 1), "weekend": ("WE", 1), "night": ("D", 1),
    "an": ("Y", 1), "année": ("Y", 1), "annee": ("Y", 1), "mois": ("M", 1), "semaine": ("W", 1),
    "jour": ("D", 1), "journée": ("D", 1), "trimestre": ("Q", 1), "décennie": ("Y", 10),
    "decennie": ("Y", 10), "siècle": ("Y", 100), "heure": ("H", 1),
}  # fmt: skip

# Annual events with a fixed date, or None when the date moves (the value stays at the year).
HOLIDAYS: dict[str, tuple[int, int] | None] = {
    "singles day": (11, 11), "singles' day": (11, 11), "double 11": (11, 11), "double eleven": (11, 11),
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "halloween": (10, 31), "independence day": (7, 4), "noël": (12, 25), "black friday": None,
    "cyber monday": None, "thanksgiving": None, "lunar new year": None, "chinese new year": None,
    "spring festival": None, "golden week": None, "prime day": None, "memorial day": None,
    "labor day": None, "labour day": None, "easter": None,
}  # fmt: skip
# Holidays that name a date on their own; shopping events need a year ("this year's Singles Day").
STANDALONE_HOLIDAYS = frozenset(
    {
        "christmas",
        "christmas day",
        "christmas eve",
        "new year's day",
        "new year's eve",
        "noël",
        "valentine's day",
        "halloween",
        "thanksgiving",
        "memorial day",
        "labor day",
        "labour day",
        "easter",
    }
)

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
    "printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI",
}  # fmt: skip


def number(word: str) -> float | None:
    """Return the number written as digits or words ("three", "twenty-five", "1.5"), None if vague."""
    w = word.lower().replace(",", "")
    if w.replace(".", "", 1).isdigit():
        return float(w)
    total = 0
    for part in w.replace("-", " ").split():
        if part in ("and", "et"):
            continue
        if part not in _SMALL:
            return None
        if _SMALL[part] == 100 and total:
            total *= 100
        elif part.startswith("vingt") and total == 4:  # "quatre-vingt(s)" is eighty
            total = 80
        else:
            total += _SMALL[part]
    return float(total) if total else None


def duration(count: float | None, unit: str) -> str:
    """Return a TIMEX3 duration ("P3Y", "PT2H", "PXM") for `count` units; None count means unspecified."""
    letter, mult = UNITS[unit]
    if letter == "Q":
        letter, mult = ("M", 3) if count is not None else ("Q", 1)
    if letter == "WE":
        letter = "W"
    amount = "X" if count is None else _fmt(count * mult)
    if letter in ("H", "MIN", "S"):
        return f"PT{amount}{letter[0]}"
    return f"P{amount}{letter}"


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """Return (year, month) `delta` months away."""
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def quarter_of(month: int) -> int:
    """Return the quarter (1-4) a month falls in."""
    return (month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, delta: int) -> tuple[int, int]:
    """Return (year, quarter) `delta` quarters away."""
    index = year * 4 + quarter - 1 + delta
    return index // 4, index % 4 + 1


def iso_week(day: dt.date) -> str:
    """Return the TIMEX3 week value ("2013-W11") of a day."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekday_date(published: dt.date, weekday: int, *, future: bool, strict: bool = False) -> dt.date:
    """Return the nearest `weekday` on or before (or after, when `future`) the publication date."""
    if future:
        ahead = (weekday - published.weekday()) % 7 or (7 if strict else 0)
        return published + dt.timedelta(days=ahead)
    back = (published.weekday() - weekday) % 7 or (7 if strict else 0)
    return published - dt.timedelta(days=back)


def cycle_year(
    published: dt.date, position: int, current: int, *, future: bool | None, size: int = 12
) -> int:
    """Return the year of the month/quarter/half `position`, past or future from `current`.

    With `future` None the occurrence nearest `current` in a cycle of `size` wins, the past one on a tie.
    """
    if future is None:
        diff = position - current
        return published.year - (diff * 2 >= size) + (diff * 2 < -size)
    if future:
        return published.year if position >= current else published.year + 1
    return published.year if position <= current else published.year - 1


def month_day_year(published: dt.date, month: int, day: int, *, future: bool | None) -> int:
    """Return the year of the "Dec 31" before (after, when `future`; nearest, when None) publication."""
    try:
        candidate = dt.date(published.year, month, day)
    except ValueError:
        return published.year
    if future is None:
        years = (published.year - 1, published.year, published.year + 1)
        return min(years, key=lambda y: abs((_safe_date(y, month, day) - published).days))
    if future:
        return published.year if candidate >= published else published.year + 1
    return published.year if candidate <= published else published.year - 1


def _safe_date(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, 28) if month == 2 else day)


def easter(year: int) -> dt.date:
    """Return Western Easter Sunday of `year` (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """Return the `nth` `weekday` of a month, counting from the end when `nth` is negative."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def moving_holiday(name: str, year: int) -> dt.date | None:
    """Return the date of a holiday whose day moves from year to year, if the calendar fixes it."""
    if name in ("thanksgiving", "black friday", "cyber monday"):
        offset = {"thanksgiving": 0, "black friday": 1, "cyber monday": 4}[name]
        return _nth_weekday(year, 11, 3, 4) + dt.timedelta(days=offset)
    if name == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    if name in ("labor day", "labour day"):
        return _nth_weekday(year, 9, 0, 1)
    if name == "easter":
        return easter(year)
    return None


def holiday_date(name: str, year: int) -> str:
    """Return the TIMEX3 value of a yearly event in `year`, or just the year when the date moves."""
    fixed = HOLIDAYS.get(name)
    if fixed is not None:
        return f"{year}-{fixed[0]:02d}-{fixed[1]:02d}"
    moving = moving_holiday(name, year)
    return moving.isoformat() if moving else str(year)


def unit_name(word: str) -> str:
    """Return the singular table key of a unit word ("years" -> "year", "ans" -> "an")."""
    w = word.lower()
    if w in UNITS:
        return w
    if w == "centuries":
        return "century"
    if w.endswith("s") and w[:-1] in UNITS:
        return w[:-1]
    return w.replace("é", "e").rstrip("s") if w.replace("é", "e").rstrip("s") in UNITS else "year"


def shift_date(day: dt.date, unit: str, count: int) -> dt.date:
    """Return `day` moved by `count` units (years, months, quarters, weeks or days)."""
    letter, mult = UNITS[unit]
    if letter in ("Y", "M", "Q"):
        months = count * mult * {"Y": 12, "M": 1, "Q": 3}[letter]
        year, month = shift_month(day.year, day.month, months)
        return dt.date(year, month, min(day.day, 28))
    days = count * mult * (7 if letter in ("W", "WE") else 1)
    return day + dt.timedelta(days=days)


def at_grain(unit: str, day: dt.date) -> str:
    """Return the TIMEX3 value of the `unit`-long period that contains `day`."""
    letter, mult = UNITS[unit]
    if letter == "Y":
        return {1: f"{day.year}", 10: f"{day.year // 10}", 100: f"{day.year // 100}"}[mult]
    if letter == "M":
        return f"{day.year}-{day.month:02d}"
    if letter == "Q":
        return f"{day.year}-Q{quarter_of(day.month)}"
    if letter == "W":
        return iso_week(day)
    if letter == "WE":
        return iso_week(day) + "-WE"
    return day.isoformat()


def parse_value(value: str) -> tuple[dt.date, str] | None:
    """Return the first day of a TIMEX3 date value and its unit, or None for other values."""
    try:
        if len(value) == 4 and value.isdigit():
            return dt.date(int(value), 1, 1), "year"
        if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
            return dt.date(int(value[:4]), int(value[5:]), 1), "month"
        if len(value) == 7 and value[5] == "Q":
            return dt.date(int(value[:4]), int(value[6]) * 3 - 2, 1), "quarter"
        if len(value) == 10:
            return dt.date.fromisoformat(value), "day"
    except ValueError:
        return None
    return None


def holiday_day(name: str, year: int) -> dt.date:
    """Return the day a standalone holiday falls on in `year`."""
    fixed = HOLIDAYS.get(name)
    if fixed is not None:
        return dt.date(year, *fixed)
    return moving_holiday(name, year) or dt.date(year, 1, 1)
