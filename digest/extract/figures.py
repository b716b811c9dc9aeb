"""Find the figures a news story states: money, percentages, counts of things and other quantities.

Conventions, for any wire story:
- A change in points is kind "other", unit "bp" or "pp" ("50 basis points", "one percentage point"):
  it is a difference between two rates, not a percentage, so it never merges with a "%" figure.
- A bare large amount ("175 billion") is money only when a word before it says so ("spent", "worth",
  "revenue"...), with unit None; otherwise it is a count of something the sentence leaves unsaid.
- "from X to Y", "by X to Y" and "rose X to Y" with a unit on both ends are a change: two figures.
  "between X and Y", "X-Y" and "X to Y" otherwise are one range.
- Bare names several countries share ("pesos", "shillings", "dirhams", "kroner", "rupees", "Rs") are the
  currency of the country the story names nearest before them, else the usual one (None for pesos);
  bare "cents" are hundredths of the story's last dollar or euro amount, USD when there is none.
- A number may leave its noun implied: "one" counts a countable singular ("one count of fraud"),
  "two of the sources" counts sources, "dont 8 400" and "down from 3,500" take the noun of the count
  before them, and "jobless claims rose to 263,000" takes a subject that counts people or things.
- "several million dollars", "a few billion euros": money with no value, approx "several" or "a few".
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from digest.extract._currencies import (
    CENT_CURRENCIES,
    MONEY_CUES,
    SHARED_NAMES,
    SUBUNITS,
    SYMBOL_PATTERN,
    currency_of_story,
    currency_of_word,
)
from digest.extract._measure import find_measure, implied_count
from digest.extract._notation import NUM_EN, NUM_FR, SP, STUCK, SUFFIX, Found, kind_of, looks_like_year
from digest.extract._numbers import (
    LABEL_WORDS,
    MONTHS,
    OPENERS,
    SCALE_PATTERN,
    WORD_NUMBER_PATTERN,
    count_noun,
    implied_noun,
    parse_digits,
    parse_words,
    scale_value,
    trigger_starts,
)
from digest.extract._ranges import RANGE_EN, RANGE_FR, read_approx, read_range
from digest.models import Figure, Sentence

_VAGUE = (
    r"(?i:tens|hundreds|dozens|scores|thousands|millions|billions|trillions|dizaines|centaines|milliers)"
    r"(?:\s+of\s+(?i:thousands|millions|billions|trillions))?"
)


def _core(number: str) -> str:
    return (
        r"(?<![\w.,/:%$€£¥'’-])(?:"
        rf"(?P<vague>{_VAGUE})(?=\s+(?:of|de|d['’])\s|{SP}?[,.;)]|\s+(?:into|in|on|to|for)\b)"
        r"|(?P<digits>(?i:single|double|triple)[-\s]digits?)(?![\w-])"
        r"|(?P<few>(?i:several|few))\s+(?P<fewscale>(?i:hundred|thousand|million|billion|trillion))(?![\w-])"
        rf"|(?P<between>(?i:between|entre)\s+)?(?:(?P<cur>{SYMBOL_PATTERN}){SP}?)?"
        rf"(?P<num>{number}|{WORD_NUMBER_PATTERN})(?P<scale>{SCALE_PATTERN})?)"
    )


_CORE_EN = re.compile(_core(NUM_EN))
_CORE_FR = re.compile(_core(NUM_FR))
_NEXT_WORD = re.compile(SP + r"+([A-Za-zÀ-ÿ.]+)")
_TIME_AFTER = re.compile(r"(?i:" + SP + r"?(?:a\.m\.|p\.m\.|am|pm|gmt|utc|h\d\d))\b")
_EQUIV_GAP = re.compile(
    r"\s*(?:\(\s*|,\s*(?:or|equivalent\s+to|worth)\s+|\s+or\s+)"
    r"(?i:(?:about|around|roughly|approximately|some|nearly|almost|more\s+than|over|environ|près\s+de)\s+)?$"
)
# A currency word that follows the number itself, not a country ("85 cents", not "20 Hong Kong cents").
_BARE_CURRENCY = re.compile(
    r"(?:\d|\b(?i:hundred|thousand|million|billion|trillion|crores?|lakhs?|of))[\s\u00a0]+"
    r"(?:(?i:(?P<cent>cents?))|(?P<shared>[A-Za-z]+))$"
)
_BARE_WORDS = ("cents", "cent", *sorted(n for n in SHARED_NAMES if n.isalpha()))
# Shared symbols written before the amount ("Rs 500 crore" in Karachi is in Pakistani rupees).
_SHARED_SYMBOL = re.compile(r"(?i:rs)\.?(?=[\s\u00a0]?\d)|₨|Dhs?(?=[\s\u00a0]?\d)")
_PUNCT = "“”\"'‘’()[],;:"


@dataclasses.dataclass(slots=True)
class _Story:
    """What the story has said before the figure being read, for currencies it leaves implied."""

    yen_is_yuan: bool
    cents: str = "USD"
    sentence_currency: str | None = None


_COMMA_DECIMAL = frozenset("fr de es it pt nl ru pl sv da no fi cs tr".split())  # noqa: SIM905


def extract_figures(text: str, *, sentences: tuple[Sentence, ...]) -> tuple[Figure, ...]:
    """Return the money, percentages, counts and quantities stated in `text`, sorted by start."""
    lower = text.lower()
    story = _Story(yen_is_yuan="yuan" in lower or "renminbi" in lower or "rmb" in lower)
    if len(lower) != len(text):
        # Rare letters change length when lowered; spelled numbers are then found in lowercase only.
        lower = text
    hits = trigger_starts(text, lower)
    figures: list[Figure] = []
    for index, sentence in enumerate(sentences):
        first = bisect.bisect_left(hits, sentence.start)
        last = bisect.bisect_left(hits, sentence.end, first)
        if first == last:
            continue
        french = sentence.language[:2] in _COMMA_DECIMAL
        found = _scan(text, hits[first:last], sentence, french=french, story=story)
        _link(text, found, len(figures), sentence, french=french)
        figures.extend(
            Figure(
                text[item.start : item.end],
                item.start,
                item.end,
                index,
                item.kind,  # type: ignore[arg-type]
                item.value,
                item.unit,
                item.approx,
                item.equivalent,
                item.measure,
                item.value_max,
            )
            for item in found
        )
    return tuple(figures)


def _scan(text: str, hits: list[int], sentence: Sentence, *, french: bool, story: _Story) -> list[Found]:
    core = _CORE_FR if french else _CORE_EN
    found: list[Found] = []
    taken = sentence.start
    story.sentence_currency = None
    for hit in hits:
        if hit < taken:
            continue
        m = _match_at(core, text, hit, sentence)
        if m is None:
            continue
        last = found[-1] if found else None
        previous = (last.unit, last.end) if last and last.kind == "count" and last.unit else None
        item = _read(text, m, sentence, french=french, story=story, previous=previous)
        if item is None:
            continue
        if item.kind == "money":
            _name_implied_currency(text, item, story)
        found.append(item)
        taken = item.end
    return found


def _match_at(core: re.Pattern[str], text: str, hit: int, sentence: Sentence) -> re.Match[str] | None:
    """Match a figure around `hit`, starting at the previous word when it is a currency or "between"."""
    lo = sentence.start
    token = hit
    while token > lo and not text[token - 1].isspace():
        token -= 1
    while token < hit and text[token] in "([“\"'‘«":
        token += 1
    previous = token - 1
    while previous > lo and text[previous - 1].isspace():
        previous -= 1
    word = previous
    while word > lo and not text[word - 1].isspace() and hit - word <= 16:
        word -= 1
    while word < previous and text[word] in "([“\"'‘«":
        word += 1
    for start in (word, token, hit) if word < token else (token, hit):
        m = core.match(text, start, sentence.end)
        if m is not None and m.end() > hit:
            return m
    return None


def _read(
    text: str,
    m: re.Match[str],
    sentence: Sentence,
    *,
    french: bool,
    story: _Story,
    previous: tuple[str, int] | None = None,
) -> Found | None:
    stop = sentence.end
    yen_is_yuan = story.yen_is_yuan
    if m.group("vague"):
        return _read_vague(text, m, sentence, story)
    if m.group("few"):
        return _read_few(text, m, sentence, story)
    if m.group("digits"):
        return Found(m.start(), m.end(), "percent", None, "%", m.group("digits").lower().replace(" ", "-"))
    raw, symbol, scale = m.group("num"), m.group("cur"), m.group("scale")
    spelled = not raw[0].isdigit()
    value = parse_words(raw) if spelled else parse_digits(raw, comma_decimal=french)
    multiplier = scale_value(scale)
    start, end = m.start(), m.end()
    between = m.group("between")
    suffix = SUFFIX.match(text, end, stop)
    after = suffix.end() if suffix else end
    attached = bool(suffix and suffix.start() == end) or text.startswith("-plus", end)
    attached = attached or (RANGE_FR if french else RANGE_EN).match(text, end, stop) is not None
    if STUCK.match(text, end, stop) and not attached:
        return None
    bare = not symbol and not suffix and not scale
    if bare and _is_not_a_quantity(text, m.start("num"), end, sentence, raw):
        return None
    if _TIME_AFTER.match(text, end, stop):
        return None
    kind, unit = kind_of(text, m, suffix, symbol, scale, yen_is_yuan=yen_is_yuan)
    if suffix and suffix.group("curw") and suffix.group("curw").split()[-1].lower() in SUBUNITS:
        multiplier /= 100
    if suffix and suffix.group("postscale"):
        # French abbreviations written before the symbol: "10 M€", "1,5 Md€".
        multiplier *= 1e6 if suffix.group("postscale") == "M" else 1e9
    item = Found(start, after, kind or "", value * multiplier, unit)
    if kind is None and read_range(
        text, m, item, stop, french=french, between=bool(between), yen_is_yuan=yen_is_yuan
    ):
        read_approx(text, item, sentence)
        return item
    if kind is None:
        noun = count_noun(text, after, stop, french=french)
        if noun is None and (value > 1 or raw.lower() == "one"):
            word = raw.lower() if spelled else None
            noun = implied_noun(text, sentence.start, start, after, stop, word=word, previous=previous)
            if noun is None and not spelled and (subject := implied_count(text, sentence, start)):
                noun = subject, after
        if noun is None:
            if multiplier < 1e9 or not scale or spelled:
                return None
            money = _is_money(text, sentence, start, story)
            item.kind, item.unit = ("money", story.sentence_currency) if money else ("count", None)
        else:
            if spelled and value <= 1 and multiplier == 1 and raw.lower() != "one":
                return None
            if not spelled and not scale and looks_like_year(raw, text, m.start("num")):
                return None
            item.kind, item.unit, item.end = "count", noun[0], noun[1]
    if item.kind == "money" and scale and scale.strip() == "m" and not symbol and not suffix:
        item.kind, item.unit, item.value = "other", "m", value
    if kind is not None:
        read_range(text, m, item, stop, french=french, between=bool(between), yen_is_yuan=yen_is_yuan)
    if between and item.value_max is None:
        item.start = m.start("cur") if symbol else m.start("num")
    read_approx(text, item, sentence)
    return item


def _read_vague(text: str, m: re.Match[str], sentence: Sentence, story: _Story) -> Found | None:
    stop = sentence.end
    phrase = m.group("vague").lower()
    words = phrase.split()
    approx = f"{words[0]} of"
    suffix = SUFFIX.match(text, m.end(), stop)
    if suffix and suffix.group("curw"):
        word = re.sub(r"^\W*(?:of|de)?\s*(?:d['’])?", "", suffix.group("curw").strip(), flags=re.I)
        return Found(m.start(), suffix.end(), "money", None, currency_of_word(word), approx)
    noun = re.compile(r"\s+(?:of|de|d['’])\s*").match(text, m.end(), stop)
    if noun:
        counted = count_noun(text, noun.end() - 1, stop, french=False, modifiers=1)
        if counted:
            return Found(m.start(), counted[1], "count", None, counted[0], approx)
        return None
    if words[-1] in {"billions", "trillions"}:
        money = _is_money(text, sentence, m.start(), story)
        unit = story.sentence_currency if money else None
        return Found(m.start(), m.end(), "money" if money else "count", None, unit, approx)
    return None


def _read_few(text: str, m: re.Match[str], sentence: Sentence, story: _Story) -> Found | None:
    """Read "several million dollars", "a few thousand workers": a figure with no value."""
    start, stop, approx = m.start(), sentence.end, m.group("few").lower()
    if approx == "few":
        # Bare "few" means not many ("few billion-dollar firms"); only "a few" states an amount.
        if start - 2 < sentence.start or text[start - 2 : start].lower() != "a ":
            return None
        start, approx = start - 2, "a few"
    suffix = SUFFIX.match(text, m.end(), stop)
    if suffix and suffix.group("curw"):
        word = re.sub(r"^\W*(?:of|de)?\s*(?:d['’])?", "", suffix.group("curw").strip(), flags=re.I)
        return Found(start, suffix.end(), "money", None, currency_of_word(word), approx)
    noun = count_noun(text, m.end(), stop, french=False)
    if noun is not None:
        return Found(start, noun[1], "count", None, noun[0], approx)
    if _is_money(text, sentence, start, story):
        return Found(start, m.end(), "money", None, story.sentence_currency, approx)
    return Found(start, m.end(), "count", None, None, approx)


def _is_money(text: str, sentence: Sentence, start: int, story: _Story) -> bool:
    """Tell whether a bare amount at `start` is money: the sentence named a currency or a money word."""
    if story.sentence_currency is not None:
        return True
    words = text[max(sentence.start, start - 60) : start].split()
    if words and start - 60 > sentence.start:
        words = words[1:]
    for word in reversed(words[-6:]):
        if word.endswith((",", ";", ":")):
            return False
        if word.strip(_PUNCT).lower() in MONEY_CUES:
            return True
    return False


def _name_implied_currency(text: str, item: Found, story: _Story) -> None:
    """Name the currency of bare "pesos", "Rs" and "cents" from the story; remember it for later."""
    tail = text[max(item.start, item.end - 10) : item.end].lower()
    if tail.endswith(_BARE_WORDS):
        bare = _BARE_CURRENCY.search(text, item.start, item.end)
        if bare and bare.group("cent"):
            item.unit = story.cents
        elif bare and bare.group("shared").lower() in SHARED_NAMES:
            item.unit = currency_of_story(bare.group("shared"), text, item.start)
    elif shared := _SHARED_SYMBOL.match(text, item.start, item.end):
        item.unit = currency_of_story(shared.group(0).rstrip("."), text, item.start)
    if item.unit in CENT_CURRENCIES:
        story.cents = item.unit
    if item.unit is not None:
        story.sentence_currency = item.unit


def _is_not_a_quantity(text: str, start: int, end: int, sentence: Sentence, raw: str) -> bool:
    lo = sentence.start
    if start > lo and text[start - 1] in "#№":
        return True
    chunk = text[max(lo, start - 24) : start]
    words = chunk.split()
    if words and chunk[-1:].isspace() and not words[-1].endswith((",", ";", ":")):
        word = words[-1].lstrip("(“\"'‘")
        lower = word.lower().rstrip(".")
        if lower in MONTHS or lower in LABEL_WORDS:
            return True
        at_start = len(words) == 1 and start - len(chunk) <= lo + 1
        named = bool(word) and (word[0].isupper() or any(ch.isdigit() for ch in word))
        if named and not at_start and lower not in OPENERS:
            return True
    nxt = _NEXT_WORD.match(text, end, sentence.end)
    return bool(nxt and nxt.group(1).lower().rstrip(".") in MONTHS)


def _link(text: str, found: list[Found], offset: int, sentence: Sentence, *, french: bool) -> None:
    """Mark restatements ("380 billion yuan ($53 billion)") and name what each figure measures.

    `offset` is the article-wide index of `found[0]`, since `equivalent` indexes all the figures.
    """
    earlier: Found | None = None
    for i, fig in enumerate(found):
        if earlier is not None:
            gap_ok = fig.start - earlier.end <= 40 and _EQUIV_GAP.fullmatch(text, earlier.end, fig.start)
            if gap_ok and earlier.kind == fig.kind == "money" and earlier.unit != fig.unit:
                fig.equivalent = earlier.equivalent if earlier.equivalent is not None else offset + i - 1
                fig.measure = earlier.measure
        if fig.measure is None:
            fig.measure = find_measure(text, sentence, fig, earlier, french=french)
        earlier = fig
