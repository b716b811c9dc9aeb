"""Number tables and parsing: digits in English and French notation, number words, scales and units."""

from __future__ import annotations

import re
from itertools import compress, count
from operator import and_, not_

from digest.extract._words import words_of

UNITS = """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen""".split()  # noqa: SIM905
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES: dict[str, float] = {w: float(i) for i, w in enumerate(UNITS)}
WORD_VALUES.update({w: float(20 + 10 * i) for i, w in enumerate(TENS)})
WORD_VALUES.update({"a": 1.0, "dozen": 12.0, "a dozen": 12.0, "hundred": 100.0, "a hundred": 100.0})
# French number words that count things ("trois catégories"); "un"/"une" are articles far more often.
WORD_VALUES.update(
    {
        "deux": 2.0, "trois": 3.0, "quatre": 4.0, "cinq": 5.0, "sept": 7.0, "huit": 8.0, "neuf": 9.0,
        "dix": 10.0, "onze": 11.0, "douze": 12.0, "quinze": 15.0, "vingt": 20.0, "trente": 30.0,
        "quarante": 40.0, "cinquante": 50.0, "soixante": 60.0, "cent": 100.0,
    }
)

# Lowercase words that may open a figure: spelled numbers, vague amounts and "a" + scale ("a million").
TRIGGER_WORDS = frozenset(
    [*UNITS[1:], *TENS, "dozen", "hundred", "thousand", "million", "billion", "trillion", "tens",
     "hundreds", "dozens", "scores", "thousands", "millions", "billions", "trillions", "single", "double",
     "triple", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "onze", "douze", "quinze",
     "vingt", "trente", "quarante", "cinquante", "soixante", "dizaines", "centaines", "milliers"]
)



def _trie(words: frozenset[str]) -> str:
    # Grouping by first letter lets the regex engine reject most positions on one character.
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(
        f"{first}(?:{'|'.join(sorted(rest, key=len, reverse=True))})"
        for first, rest in sorted(groups.items())
    )


_CODES = frozenset(
    # Only codes whose first letter already opens a trigger word: a new letter slows every scan.
    """usd rmb cny eur gbp hkd inr jpy sgd aud cad chf rs rm rp tk ghs ngn aed sar egp dh dhs""".split()  # noqa: SIM905
)
# Currency codes written against the amount ("USD1.2bn", "RMB500 million", "Rs1,200 crore") join the
# words, which is why the pattern ends on "no letter" rather than on a word boundary.
TRIGGER_PATTERN = (
    r"\d(?<![\w.,/:'’-]\d)|\b(?:"
    + _trie(TRIGGER_WORDS | _CODES)
    + r")(?![a-z])"
)
_TRIGGER = re.compile(TRIGGER_PATTERN)
_TRIGGER_WORDS = TRIGGER_WORDS | _CODES
# What may not stand before a digit that opens a figure, besides a word character.
_GLUED = ".,/:'’-"
_LETTERS = re.compile(r"[a-z]*")


def trigger_starts(text: str, lower: str) -> list[int]:
    """Return where TRIGGER_PATTERN matches `lower`, the lower-cased `text`, judging its words only.

    Every match opens a run of word characters: a digit with nothing of `_GLUED` before it, or a
    trigger word followed by no ASCII letter, which is then all of the run's leading ASCII letters.
    """
    split = words_of(text)
    if split.low != lower:
        return [m.start() for m in _TRIGGER.finditer(lower)]
    words, starts = split.words, split.starts
    found = list(compress(starts, map(_TRIGGER_WORDS.__contains__, words)))
    # A word of ASCII letters only matches as a whole; only the others need a closer look.
    others = compress(count(), map(not_, map(and_, map(str.isascii, words), map(str.isalpha, words))))
    more = []
    for i in others:
        word, at = words[i], starts[i]
        if word[0].isdecimal():
            if at == 0 or lower[at - 1] not in _GLUED:
                more.append(at)
        elif (letters := _LETTERS.match(word)) is not None and letters.group() in _TRIGGER_WORDS:
            more.append(at)
    return sorted(found + more) if more else found

_SPELLED_UNITS = "|".join(UNITS[1:])
WORD_NUMBER_PATTERN = (
    rf"(?i:(?:{'|'.join(TENS)})(?:-(?:{'|'.join(UNITS[1:10])}))?"
    rf"|(?:{_SPELLED_UNITS}|a\s+dozen|dozen|a\s+hundred|hundred)"
    r"|a(?=\s+(?:hundred|thousand|million|billion|trillion)\b)"
    r"|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|soixante)"
    r"(?![\w-])"
)

SCALES: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "mille": 1e3,
    "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "milliard": 1e9, "milliards": 1e9,
    "md": 1e9, "mds": 1e9, "mrd": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "trn": 1e12, "tr": 1e12,
    "billiard": 1e15,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
    # Indian digit grouping stacks its scales: a lakh crore is 1e5 * 1e7.
    "lakh crore": 1e12, "lakh crores": 1e12, "thousand crore": 1e10, "thousand crores": 1e10,
}
# Scales written as words may follow a space; abbreviations must touch the number ("€10m", "$2bn").
SCALE_PATTERN = (
    r"(?:[\s\u00a0\u202f]?(?i:trillions?|billions?|millions?|(?:lakh|thousand)[\s\u00a0]crores?|thousand|milliards?|crores?|lakhs?)"
    r"|(?:bn|tn|trn|mn|mln|m|b|k|Md|Mds|Mrd))(?![\w$€£¥])"
)

# Quantity units, mapped to a canonical short form.
MEASURE_UNITS: dict[str, str] = {
    "gigawatts": "GW", "gigawatt": "GW", "gw": "GW", "megawatts": "MW", "megawatt": "MW", "mw": "MW",
    "kilowatts": "kW", "kilowatt": "kW", "kw": "kW", "terawatts": "TW", "tw": "TW",
    "gwh": "GWh", "twh": "TWh", "mwh": "MWh", "kwh": "kWh",
    "tonnes": "t", "tonne": "t", "tons": "t", "ton": "t", "metric tons": "t",
    "kilograms": "kg", "kilogram": "kg", "kg": "kg", "grams": "g", "gram": "g",
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "km": "km",
    "miles": "mi", "mile": "mi", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "feet": "ft", "foot": "ft", "ft": "ft", "cm": "cm", "mm": "mm",
    "square metres": "m2", "square meters": "m2", "square feet": "sq ft", "square kilometres": "km2",
    "square kilometers": "km2", "square miles": "sq mi", "sq m": "m2", "hectares": "ha", "acres": "acre",
    "litres": "l", "liters": "l", "barrels per day": "bpd", "barrels a day": "bpd", "bpd": "bpd",
    "barrels": "bbl", "mph": "mph", "km/h": "km/h", "°c": "°C", "°f": "°F",
    "degrees celsius": "°C", "degrees fahrenheit": "°F",
    "gb": "GB", "tb": "TB", "pb": "PB", "mb": "MB", "gigabytes": "GB", "terabytes": "TB",
    "petabytes": "PB", "nm": "nm", "nanometres": "nm", "nanometers": "nm", "mhz": "MHz", "ghz": "GHz",
    "points": "points", "teraflops": "TFLOPS", "petaflops": "PFLOPS", "exaflops": "EFLOPS",
    "kilomètres": "km", "mètres": "m", "tonnes métriques": "t",
}
UNIT_PATTERN = (
    "(?i:"
    + "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(MEASURE_UNITS, key=len, reverse=True))
    + r")(?![\w/])"
)


def parse_digits(raw: str, *, comma_decimal: bool) -> float:
    """Return the value of a number written in digits, in English or French notation."""
    cleaned = raw.replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "").replace(" ", "")
    cleaned = cleaned.replace(".", "").replace(",", ".") if comma_decimal else cleaned.replace(",", "")
    return float(cleaned)


def parse_words(raw: str) -> float:
    """Return the value of a spelled-out number such as "twenty-five" or "a dozen"."""
    key = " ".join(raw.lower().split())
    if key in WORD_VALUES:
        return WORD_VALUES[key]
    tens, _, units = key.partition("-")
    return WORD_VALUES.get(tens, 0.0) + WORD_VALUES.get(units, 0.0)


def scale_value(raw: str | None) -> float:
    """Return the multiplier named by a scale word ("billion", "bn", "milliards")."""
    if not raw:
        return 1.0
    return SCALES.get(" ".join(raw.lower().split()), 1.0)


def canonical_unit(raw: str) -> str:
    """Return the canonical short form of a quantity unit."""
    return MEASURE_UNITS.get(" ".join(raw.lower().split()), raw)


# Words before a figure that say it is approximate, and the approx value each means.
APPROX_WORDS: dict[str, str] = {
    "more than": "over", "over": "over", "above": "over", "past": "over", "beyond": "over",
    "exceeding": "over", "in excess of": "over", "upwards of": "over", "north of": "over",
    "well over": "over", "just over": "over", "well above": "over", "plus de": "over",
    "un peu plus de": "over", "nearly": "under", "almost": "under", "under": "under", "below": "under",
    "less than": "under", "fewer than": "under", "just under": "under", "close to": "under",
    "no more than": "under", "près de": "under", "moins de": "under", "presque": "under",
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "circa": "about", "environ": "about",
    "quelque": "about", "autour de": "about", "quelques": "about",
    "up to": "up to", "as much as": "up to", "as many as": "up to", "as high as": "up to",
    "jusqu'à": "up to", "jusqu’à": "up to",
    "at least": "at least", "au moins": "at least",
}
def approx_of(words: str) -> str:
    """Return the approx value ("over", "under", "about", "up to", "at least") of a qualifier."""
    return APPROX_WORDS.get(" ".join(words.lower().split()), "about")


MONTHS = frozenset(
    """jan january feb february mar march apr april may jun june jul july aug august sep sept september
    oct october nov november dec december janvier février fevrier mars avril mai juin juillet août
    aout septembre octobre novembre décembre decembre""".split()  # noqa: SIM905
)
# Words that make the following number a label, not a quantity ("No. 1", "page 3", "Article 5").
LABEL_WORDS = frozenset(
    """no number nos # page pages p pp section sections chapter article art item rule paragraph line
    room flight route level phase stage tier category grade version v vol volume season episode part
    figure table box exhibit act gate platform highway interstate floor suite district zone top
    model series type class size code ref form channel lot unit pier chart slide bus train apollo
    covid""".split()  # noqa: SIM905
)
# Capitalised words that may open a sentence before a figure without naming a product.
OPENERS = frozenset(
    """the a an only just with and but of all another those these its their his her our some about over
    nearly almost around roughly more less up as at by in on for from to after before while when
    since until between among including plus than that this each every other monday tuesday wednesday
    thursday friday saturday sunday""".split()  # noqa: SIM905
)

_TIME_NOUNS = frozenset(
    """year years yr yrs month months week weeks day days hour hours hr hrs minute minutes min mins
    second seconds sec secs decade decades century centuries quarter quarters semester semesters
    night nights weekend weekends season seasons times time ans années annee année mois semaines
    jours heures minutes secondes décennies siècles trimestres nuits fois""".split()  # noqa: SIM905
)
_NOT_NOUNS = frozenset(
    """of to in on at by for from with into onto over under about than and or but nor as so that which
    who whom whose what when where while if because though although after before since until per via
    the a an this these those its their his her our your my some any each every all both either
    neither is are was were be been being has have had do does did will would could should may might
    must can shall it they we he she you i me him them us one most less least much many few several
    such other another same own very also just only even still yet already again ever never not no
    year-on-year yoy annually year-over-year percent cent per pct plus minus times this thus always
    perhaps whereas across towards unless various previous numerous famous serious enormous less
    bonus status yes rises falls remains seems means makes takes shows goes comes gets looks needs
    wants says does de des du la le les et ou en dans sur pour par avec sans sous vers chez un une
    au aux ce ces cette son sa ses leur leurs plus moins autres entre parmi selon contre après avant depuis
    pendant environ prochaines prochains dernières derniers
    premiers premières""".split()  # noqa: SIM905
)
_INVARIANT = frozenset(
    """aircraft people staff personnel police cattle sheep fish deer series species crew offspring
    children men women feet teeth mice geese data media criteria personnes""".split()  # noqa: SIM905
)
_COMPARATIVES = frozenset(["more", "fewer", "additional", "extra", "new", "other", "further"])
# A counted noun starts lowercase ("iPhones" yes, "Comments" no); the words before it may be names
# ("18 Premier League goals", "eight OPEC+ countries", "four Republican senators").
_WORD = re.compile(
    r"[\s\u00a0]+(?:([a-zà-ÿ][\w'’-]*[a-zà-ÿA-Z]|[a-zà-ÿ])|(?P<name>[A-Z][\w'’&.-]*\+?))(?![\w'’-])"
)


def _is_plural(word: str, *, french: bool) -> bool:
    if word in _INVARIANT:
        return True
    if len(word) < 3 or word in _NOT_NOUNS:
        return False
    if french:
        return word.endswith(("s", "x"))
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


def count_noun(
    text: str, pos: int, stop: int, *, french: bool, modifiers: int = 2
) -> tuple[str, int] | None:
    """Return the counted noun phrase after a number at `pos` ("zebra crossings") and where it ends."""
    words: list[str] = []
    for _ in range(modifiers + 1):
        m = _WORD.match(text, pos, stop)
        if m is None:
            return None
        word = m.group(1)
        if word is None:
            # A name only modifies the noun that follows it, and a sentence that goes on after a
            # full stop ("U.S.") is not a name.
            word = m.group("name")
            if word.endswith(".") and not word[:-1].count("."):
                return None
            words.append(word)
            pos = m.end()
            continue
        if word in _NOT_NOUNS and (words or word not in _COMPARATIVES):
            return None
        words.append(word)
        pos = m.end()
        if word in _TIME_NOUNS or (french and word.rstrip("s") in _TIME_NOUNS):
            return None
        if _is_plural(word, french=french):
            while len(words) > 1 and words[0] in _COMPARATIVES:
                words.pop(0)
            return " ".join(words), pos
    return None


# Singular nouns that "one" counts in news ("guilty on one count", "one person was killed").
_ONE_NOUNS = frozenset(
    """count charge felony misdemeanor person man woman child boy girl victim soldier officer worker
    employee passenger patient student resident civilian journalist protester suspect hostage death
    fatality seat vote ship vessel plane aircraft helicopter drone missile rocket tank car vehicle truck
    train home house building plant factory mine reactor store hospital school""".split()  # noqa: SIM905
)
_NOT_ONE = frozenset("the that this any no each every at in for which whose".split())  # noqa: SIM905
_OF_GROUP = re.compile(
    r"[\s\u00a0]+of[\s\u00a0]+(?:the|its|their|these|those|our|his|her)(?=[\s\u00a0][a-zA-Z])"
)
# Words that put a bare number in the same terms as the count before it ("12 000 emplois, dont 8 400",
# "2,800 units this year, down from 3,500").
_SAME_TERMS = re.compile(
    r"(?i:\b(?:from|dont|including|versus|vs\.?|against|compared\s+(?:with|to)|of\s+which|to)"
    r"(?:\s+(?:about|around|some|nearly|almost|more\s+than|over|just|environ|près\s+de|plus\s+de))?)\s+$"
)


def implied_noun(
    text: str, lo: int, start: int, end: int, stop: int, *, word: str | None, previous: tuple[str, int] | None
) -> tuple[str, int] | None:
    """Return the noun a number leaves implied and where the figure ends, or None.

    `word` is the number when spelled ("one", "two"), `previous` the noun and end of the count before
    it in the sentence.
    """
    if word == "one":
        m = _WORD.match(text, end, stop)
        before = text[max(lo, start - 6) : start].split()
        if m and m.group(1) in _ONE_NOUNS and not (before and before[-1].lower() in _NOT_ONE):
            return m.group(1), m.end()
        return None
    of = _OF_GROUP.match(text, end, stop)
    if of and (noun := count_noun(text, of.end(), stop, french=False)):
        first = noun[0].split()[0].lower()
        return None if first in WORD_VALUES or first in TRIGGER_WORDS else noun
    if previous is not None and start - previous[1] <= 80 and _SAME_TERMS.search(text, previous[1], start):
        return previous[0], end
    return None
