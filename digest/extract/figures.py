"""Find the figures a news story states: money, percentages, counts of things and other quantities."""

from __future__ import annotations

import dataclasses
import re

from digest.extract._currencies import SYMBOL_PATTERN, WORD_PATTERN, currency_of_symbol, currency_of_word
from digest.extract._numbers import (
    APPROX_PATTERN,
    LABEL_WORDS,
    MONTHS,
    OPENERS,
    SCALE_PATTERN,
    UNIT_PATTERN,
    WORD_NUMBER_PATTERN,
    approx_of,
    canonical_unit,
    count_noun,
    parse_digits,
    parse_words,
    scale_value,
)
from digest.models import Figure, Sentence

_SP = r"[\s\u00a0\u202f]"
_NUM_EN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![,.]?\d)|\d+(?:\.\d+)?(?![,.]?\d)"
_NUM_FR = r"\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:,\d+)?(?![,.]?\d)|\d+(?:,\d+)?(?![,.]?\d)"
_VAGUE = (
    r"(?i:tens|hundreds|dozens|scores|thousands|millions|billions|trillions|dizaines|centaines|milliers)"
    r"(?:\s+of\s+(?i:thousands|millions|billions|trillions))?"
)


def _core(number: str) -> str:
    return (
        r"(?<![\w.,/:%$€£¥'’-])(?:"
        rf"(?P<vague>{_VAGUE})(?=\s+(?:of|de|d['’])\s|{_SP}?[,.;)]|\s+(?:into|in|on|to|for)\b)"
        r"|(?P<digits>(?i:single|double|triple)[-\s]digits?)(?![\w-])"
        rf"|(?P<between>(?i:between|entre)\s+)?(?:(?P<cur>{SYMBOL_PATTERN}){_SP}?)?"
        rf"(?P<num>{number}|{WORD_NUMBER_PATTERN})(?P<scale>{SCALE_PATTERN})?)"
    )


_CORE_EN = re.compile(_core(_NUM_EN))
_CORE_FR = re.compile(_core(_NUM_FR))
_SUFFIX = re.compile(
    rf"(?P<pct>{_SP}?%|{_SP}?(?i:percent|per\s+cent|pour\s?cent|pct)\b)"
    rf"|(?P<pp>{_SP}(?i:percentage\s+points?|points?\s+de\s+pourcentage)\b)"
    rf"|(?P<bp>{_SP}(?i:basis\s+points?|bps|points?\s+de\s+base)\b)"
    rf"|(?P<curw>{_SP}(?:(?:of|de)\s+|d['’])?{WORD_PATTERN})"
    rf"|(?P<unit>{_SP}?{UNIT_PATTERN})"
)
_RANGE = re.compile(
    rf"(?P<sep>{_SP}?[-–]{_SP}?|\s+(?:to|and|et|à)\s+)"
    rf"(?:(?P<cur>{SYMBOL_PATTERN}){_SP}?)?(?P<num>{_NUM_EN}|{_NUM_FR}|{WORD_NUMBER_PATTERN})"
    rf"(?P<scale>{SCALE_PATTERN})?"
)
_PLUS = re.compile(r"-plus\b|\+|(?=\s+or\s+more\b)|-odd\b|(?=\s+or\s+so\b)")
_APPROX = re.compile(APPROX_PATTERN)
_PREV_WORD = re.compile(r"(?:^|[\s(“\"])([\w.#’'-]+)" + _SP + r"?$")
_NEXT_WORD = re.compile(_SP + r"+([A-Za-zÀ-ÿ.]+)")
_STUCK = re.compile(r"[A-Za-z]|[-–][A-Za-z]|[:/]\d|/|\.\d")
_TIME_AFTER = re.compile(r"(?i:" + _SP + r"?(?:a\.m\.|p\.m\.|am|pm|gmt|utc|h\d\d))\b")
_EQUIV_GAP = re.compile(
    r"\s*(?:\(\s*|,\s*(?:or|equivalent\s+to|worth)\s+|\s+or\s+)"
    r"(?i:(?:about|around|roughly|approximately|some|nearly|almost|more\s+than|over|environ|près\s+de)\s+)?$"
)
_YUAN = re.compile(r"(?i:\byuan\b|\brenminbi\b|\bRMB\b)")
_COMMA_DECIMAL = frozenset("fr de es it pt nl ru pl sv da no fi cs tr".split())


@dataclasses.dataclass(slots=True)
class _Found:
    start: int
    end: int
    kind: str
    value: float | None
    unit: str | None
    approx: str | None = None
    value_max: float | None = None


def extract_figures(text: str, *, sentences: tuple[Sentence, ...]) -> tuple[Figure, ...]:
    """Return the money, percentages, counts and quantities stated in `text`, sorted by start."""
    yen_is_yuan = _YUAN.search(text) is not None
    figures: list[Figure] = []
    for index, sentence in enumerate(sentences):
        french = sentence.language[:2] in _COMMA_DECIMAL
        found = _scan(text, sentence, french=french, yen_is_yuan=yen_is_yuan)
        first = len(figures)
        for item in found:
            figures.append(
                Figure(
                    text=text[item.start : item.end],
                    start=item.start,
                    end=item.end,
                    sentence=index,
                    kind=item.kind,  # type: ignore[arg-type]
                    value=item.value,
                    unit=item.unit,
                    approx=item.approx,
                    value_max=item.value_max,
                )
            )
        _link(text, figures, first, sentence, french=french)
    return tuple(figures)


def _scan(text: str, sentence: Sentence, *, french: bool, yen_is_yuan: bool) -> list[_Found]:
    core = _CORE_FR if french else _CORE_EN
    found: list[_Found] = []
    taken = sentence.start
    for m in core.finditer(text, sentence.start, sentence.end):
        if m.start() < taken:
            continue
        item = _read(text, m, sentence, french=french, yen_is_yuan=yen_is_yuan)
        if item is None:
            continue
        found.append(item)
        taken = item.end
    return found


def _read(text: str, m: re.Match[str], sentence: Sentence, *, french: bool, yen_is_yuan: bool) -> _Found | None:
    stop = sentence.end
    if m.group("vague"):
        return _read_vague(text, m, stop)
    if m.group("digits"):
        return _Found(m.start(), m.end(), "percent", None, "%", m.group("digits").lower().replace(" ", "-"))
    raw, symbol, scale = m.group("num"), m.group("cur"), m.group("scale")
    spelled = not raw[0].isdigit()
    value = parse_words(raw) if spelled else parse_digits(raw, comma_decimal=french)
    multiplier = scale_value(scale)
    start, end = m.start(), m.end()
    between = m.group("between")
    suffix = _SUFFIX.match(text, end, stop)
    after = suffix.end() if suffix else end
    attached = bool(suffix and suffix.start() == end) or text.startswith("-plus", end)
    if _STUCK.match(text, end, stop) and not attached:
        return None
    if not symbol and not suffix and not scale and _is_not_a_quantity(text, m.start("num"), end, sentence, raw):
        return None
    if _TIME_AFTER.match(text, end, stop):
        return None
    kind, unit = _kind(text, m, suffix, symbol, scale, yen_is_yuan=yen_is_yuan)
    item = _Found(start, after, kind or "", value * multiplier, unit)
    if kind is None and _read_range(
        text, m, item, stop, french=french, between=bool(between), yen_is_yuan=yen_is_yuan
    ):
        _read_approx(text, item, sentence)
        return item
    if kind is None:
        noun = count_noun(text, after, stop, french=french)
        if noun is None:
            if multiplier < 1e9 or not scale or spelled:
                return None
            item.kind = "money"
        else:
            if spelled and value <= 1 and multiplier == 1:
                return None
            if not spelled and not scale and _looks_like_year(raw, text, m.start("num")):
                return None
            item.kind, item.unit, item.end = "count", noun[0], noun[1]
    if item.kind == "money" and scale and scale.strip() == "m" and not symbol and not suffix:
        item.kind, item.unit, item.value = "other", "m", value
    if kind is not None:
        _read_range(text, m, item, stop, french=french, between=bool(between), yen_is_yuan=yen_is_yuan)
    if between and item.value_max is None:
        item.start = m.start("cur") if symbol else m.start("num")
    _read_approx(text, item, sentence)
    return item


def _kind(
    text: str,
    m: re.Match[str],
    suffix: re.Match[str] | None,
    symbol: str | None,
    scale: str | None,
    *,
    yen_is_yuan: bool,
) -> tuple[str | None, str | None]:
    if symbol:
        code = currency_of_symbol(symbol)
        return "money", "CNY" if code == "JPY" and symbol == "¥" and yen_is_yuan else code
    if suffix is None:
        return None, None
    if suffix.group("pct"):
        return "percent", "%"
    if suffix.group("pp"):
        return "percent", "pp"
    if suffix.group("bp"):
        return "percent", "bp"
    if suffix.group("curw"):
        word = re.sub(r"^\W*(?:of|de)?\s*(?:d['’])?", "", suffix.group("curw").strip(), flags=re.I)
        code = currency_of_word(word)
        if word.lower() in {"pound", "pounds"} and not scale:
            return "other", "lb"
        return "money", code
    return "other", canonical_unit(suffix.group("unit").strip())


def _read_vague(text: str, m: re.Match[str], stop: int) -> _Found | None:
    phrase = m.group("vague").lower()
    words = phrase.split()
    approx = f"{words[0]} of"
    suffix = _SUFFIX.match(text, m.end(), stop)
    if suffix and suffix.group("curw"):
        word = re.sub(r"^\W*(?:of|de)?\s*(?:d['’])?", "", suffix.group("curw").strip(), flags=re.I)
        return _Found(m.start(), suffix.end(), "money", None, currency_of_word(word), approx)
    noun = re.compile(r"\s+(?:of|de|d['’])\s*").match(text, m.end(), stop)
    if noun:
        counted = count_noun(text, noun.end() - 1, stop, french=False, modifiers=1)
        if counted:
            return _Found(m.start(), counted[1], "count", None, counted[0], approx)
        return None
    if words[-1] in {"billions", "trillions"}:
        return _Found(m.start(), m.end(), "money", None, None, approx)
    return None


def _read_range(
    text: str, m: re.Match[str], item: _Found, stop: int, *, french: bool, between: bool, yen_is_yuan: bool
) -> bool:
    """Extend `item` over a range ("3-4%", "between 3 and 4 percent", "$1 billion to $2 billion")."""
    r = _RANGE.match(text, item.end, stop)
    if r is None:
        return False
    sep = r.group("sep").strip()
    if sep in {"and", "et"} and not between:
        return False
    if sep in {"to", "à"} and re.search(r"(?i)\b(?:from|de)\s+\S*$", text[max(0, m.start() - 12) : m.start()]):
        return False
    if sep in {"-", "–"} and not m.group("num")[0].isdigit():
        return False
    if not item.kind and _looks_like_year(m.group("num"), text, m.start("num")):
        return False
    raw = r.group("num")
    high = parse_words(raw) if not raw[0].isdigit() else parse_digits(raw, comma_decimal=french)
    high *= scale_value(r.group("scale"))
    suffix = _SUFFIX.match(text, r.end(), stop)
    if _STUCK.match(text, r.end(), stop) and not (suffix and suffix.start() == r.end()):
        return False
    kind, unit = _kind(text, r, suffix, r.group("cur"), r.group("scale"), yen_is_yuan=yen_is_yuan)
    end = suffix.end() if suffix else r.end()
    if kind is None and item.kind in {"", "count"}:
        noun = count_noun(text, end, stop, french=french)
        if noun is not None:
            kind, unit, end = "count", noun[0], noun[1]
    if kind is None or (item.kind and (kind, unit) != (item.kind, item.unit)):
        return False
    low = item.value
    if low is not None and not m.group("scale") and r.group("scale"):
        low *= scale_value(r.group("scale"))
    if low is not None and high < low:
        return False
    item.kind, item.unit, item.value, item.value_max, item.end = kind, unit, low, high, end
    return True


def _read_approx(text: str, item: _Found, sentence: Sentence) -> None:
    plus = _PLUS.match(text, item.end, sentence.end)
    if plus:
        item.approx = "about" if "o" in plus.group(0) or text.startswith(" or so", item.end) else "over"
        item.end = plus.end()
        return
    m = _APPROX.search(text, max(sentence.start, item.start - 30), item.start)
    if m:
        item.approx = approx_of(m.group("w"))


def _is_not_a_quantity(text: str, start: int, end: int, sentence: Sentence, raw: str) -> bool:
    if start > sentence.start and text[start - 1] in "#№":
        return True
    prev = _PREV_WORD.search(text, max(sentence.start, start - 24), start)
    if prev:
        word = prev.group(1)
        lower = word.lower().rstrip(".")
        if lower in MONTHS or lower in LABEL_WORDS:
            return True
        at_start = prev.start(1) <= sentence.start + 1
        if (word[0].isupper() or any(ch.isdigit() for ch in word)) and not at_start and lower not in OPENERS:
            return True
    nxt = _NEXT_WORD.match(text, end, sentence.end)
    return bool(nxt and nxt.group(1).lower().rstrip(".") in MONTHS)


def _looks_like_year(raw: str, text: str, start: int) -> bool:
    if len(raw) != 4 or not raw.isdigit() or not 1800 <= int(raw) <= 2199:
        return False
    before = text[max(0, start - 12) : start].lower().split()
    return not before or before[-1] in {"in", "since", "by", "from", "until", "to", "of", "before", "after", "the"}


def _link(text: str, figures: list[Figure], first: int, sentence: Sentence, *, french: bool) -> None:
    """Mark restatements ("380 billion yuan ($53 billion)") and name what each figure measures."""
    for i in range(first, len(figures)):
        fig = figures[i]
        equivalent = None
        measure = None
        if i > first:
            prev = figures[i - 1]
            gap_ok = fig.start - prev.end <= 40 and _EQUIV_GAP.fullmatch(text, prev.end, fig.start)
            if gap_ok and prev.kind == fig.kind == "money" and prev.unit != fig.unit:
                equivalent = prev.equivalent if prev.equivalent is not None else i - 1
                measure = prev.measure
        if measure is None:
            earlier = figures[i - 1] if i > first else None
            measure = find_measure(text, sentence, fig, earlier, french=french)
        figures[i] = dataclasses.replace(fig, equivalent=equivalent, measure=measure)


_W = r"[\w'’&-]+"
_NP = rf"(?P<x>(?:{_W}[ \u00a0]+){{0,7}}{_W})"
_CHANGE_NOUNS = (
    r"(?:increase|rise|boost|jump|gain|growth|surge|drop|decline|fall|decrease|improvement|cut|reduction"
    r"|hike|slump|rebound|stake)s?"
)
_CHANGE_VERBS = (
    r"(?:rose|rises|risen|rising|fell|falls|fallen|falling|jumped|jumps|jumping|grew|grows|growing|grown"
    r"|increased|increases|increasing|decreased|declined|declines|declining|dropped|drops|dropping|surged"
    r"|surges|surging|climbed|climbing|soared|soaring|gained|gaining|slipped|slid|plunged|tumbled|sank|dipped"
    r"|edged|advanced|reached|reaching|hit|hitting|totaled|totalled|totaling|totalling|stood|amounted"
    r"|topped|exceeded|shrank|contracted|expanded|doubled|was|were|is|are)"
)
_AUX = r"(?:(?:has|have|had|was|were|is|are|will|would|could|may|might|should)\s+(?:been\s+|be\s+)?)?"
_M_CHANGE = re.compile(rf"(?:-plus)?\s+{_CHANGE_NOUNS}\s+(?:in|of|for|to)\s+{_NP}")
_M_SPEND_BEFORE = re.compile(
    r"\b(?P<v>spend|spending|spent|invest|investing|invested|pour|poured|pouring|allocate|allocated"
    r"|earmark|earmarked|inject|injected|plow|plough)\s+(?:(?:an?\s+)?(?:additional|extra|further)\s+)?"
    r"(?:(?:over|more\s+than|about|around|roughly|nearly|almost|some|up\s+to|as\s+much\s+as)\s+)?$"
)
_M_SPEND_AFTER = re.compile(
    r"(?:\s*\([^)]{0,40}\))?(?:,?\s+(?:over|in|during|within|across)\s+(?:the\s+)?"
    r"(?:next\s+|coming\s+|past\s+|following\s+)?\w+\s+(?:years?|months?|quarters?|decades?),?)?"
    rf"\s+(?:on|in|into|toward|towards)\s+{_NP}"
)
_M_SUBJECT = re.compile(rf"{_NP}\s+{_AUX}{_CHANGE_VERBS}\s+(?:up\s+|down\s+|by\s+|to\s+|at\s+|in\s+)?$")
_M_ACHIEVE = re.compile(
    rf"{_NP}\s+{_AUX}(?:achieving|achieved|posted|posting|recorded|recording|reported|reporting|saw|seeing"
    r"|delivered|delivering|logged|returned\s+to|returning\s+to|grew\s+at|growing\s+at)\s+(?:an?\s+)?$"
)
_M_OF = re.compile(
    rf"{_NP}\s+(?:of|at|reaching|totaling|totalling|worth|amounting\s+to|valued\s+at|hitting|topping)\s+$"
)
_M_OBJECT = re.compile(
    r"\b(?:boosted|boosting|boost|raised|raising|raise|increased|increasing|lifted|cut|cutting|reduced"
    rf"|lowered|expanded|hiked)\s+{_NP}\s+(?:to\s+|by\s+)?$"
)
_M_AFTER_NP = re.compile(rf"(?:-plus)?\s+{_NP}")
_M_AFTER_IN = re.compile(rf"\s+(?:in|of)\s+{_NP}")
_M_INHERIT = re.compile(
    r"(?:\s*\))?(?:[^,;]{0,60},\s*(?:an?\s+)?(?:increase|rise|jump|gain|drop|decline|fall|growth)\s+of\s+"
    r"|[^,;]{0,60},\s*(?:up|down|surging|rising|jumping|falling|dropping|climbing|soaring|growing|gaining"
    r"|increasing|decreasing|declining)\s+(?:by\s+)?"
    r"|\s+(?:(?:year-on-year|year-over-year|from\s+a\s+year\s+(?:earlier|ago)|on\s+year)\s+)?to\s+)$"
)
_FR_CHANGE = re.compile(
    r"(?:augmentation|hausse|baisse|croissance|progression|recul|chute|amélioration)\s+(?:de\s+)?$"
)
_FR_AFTER_DE = re.compile(r"\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])" + _NP)
_FR_SPEND_BEFORE = re.compile(r"\b(?:investir|investira|investi|dépenser|consacrer|injecter)\s+(?:plus\s+de\s+)?$")
_FR_SPEND_AFTER = re.compile(
    r"(?:\s*\([^)]{0,40}\))?(?:\s+(?:au\s+cours\s+des|sur\s+les|dans\s+les|d['’]ici)\s+[\w\s]{0,30}?(?:ans|années|mois))?"
    r"\s+(?:dans\s+(?:l['’]|le\s+|la\s+|les\s+)?|en\s+|pour\s+)" + _NP
)
_AUX_WORDS = frozenset("has have had was were is are will would could may might should been be".split())
_DETERMINERS = frozenset("the a an its their his her our this that these those whose".split())
_LINKS = frozenset("of from in at for on".split())
_STOPS = frozenset(
    """and or but that which who while as with by to than into over under during since after before
    said says say told reported according is are was were has have had be been will would could may
    might should can also not year-on-year yoy year-over-year annual-on-annual last this next such
    including about around nearly some more less most it they we he she there where when if so then
    whereas although though because per cent percent et ou qui que dont avec pour sur par au aux
    en dans est sont a ont""".split()
)


def _clean_left(words: list[str]) -> list[str]:
    """Keep the noun phrase that ends a run of words, as in "revenue from its cloud business"."""
    kept: list[str] = []
    while words and words[-1].lower() in _AUX_WORDS:
        words = words[:-1]
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        lower = word.lower()
        left = words[i - 1].lower() if i > 0 else ""
        if lower.endswith(("'s", "’s")) or lower in _STOPS:
            break
        if lower in _DETERMINERS and not (left in _LINKS and i > 1):
            break
        if lower in _LINKS and (not left or left in _STOPS or left in _DETERMINERS):
            break
        if lower.endswith("ed") and "-" not in lower and len(lower) > 4 and kept:
            break
        kept.insert(0, word)
    while kept and kept[0].lower() in _LINKS | _DETERMINERS:
        kept.pop(0)
    return _shorten(kept)


def _clean_right(words: list[str]) -> list[str]:
    """Keep the noun phrase that opens a run of words, as in "returns on advertising spend"."""
    kept: list[str] = []
    joined = False
    for i, word in enumerate(words):
        lower = word.lower()
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if lower in _DETERMINERS and not kept:
            continue
        if lower == "and" and kept and not joined and nxt and nxt not in _STOPS:
            joined = True
            kept.append(word)
            continue
        if lower in _LINKS and kept and nxt and nxt not in _STOPS and lower in {"of", "on", "in", "for"}:
            kept.append(word)
            continue
        if lower in _STOPS or lower in _LINKS or lower in _DETERMINERS:
            break
        if lower.endswith(("ed", "ly")) and "-" not in lower and len(lower) > 4 and kept:
            break
        kept.append(word)
    while kept and kept[-1].lower() in _LINKS | {"and"}:
        kept.pop()
    return _shorten(kept)


def _shorten(words: list[str]) -> list[str]:
    if len(words) > 6:
        for i, word in enumerate(words):
            if i and word.lower() in _LINKS:
                return words[:i] if i <= 6 else words[:6]
        return words[-6:]
    return words


def _phrase(words: list[str]) -> str | None:
    return " ".join(words).lower() or None


def find_measure(text: str, sentence: Sentence, fig: Figure, earlier: Figure | None, *, french: bool) -> str | None:
    """Return a short phrase from the sentence naming what `fig` measures, or None."""
    if fig.kind == "count":
        return None
    lo, hi = sentence.start, sentence.end
    lead = _APPROX.search(text, max(lo, fig.start - 30), fig.start)
    begin = lead.start() if lead else fig.start
    window = max(lo, begin - 120)
    if earlier is not None and earlier.measure and _M_INHERIT.search(text, earlier.end, begin):
        return earlier.measure
    if french:
        return _find_measure_fr(text, fig, begin, window, hi)
    if fig.value is None and fig.kind == "percent":
        for pattern in (_M_ACHIEVE, _M_SUBJECT):
            if (m := pattern.search(text, window, begin)) and (words := _clean_left(m.group("x").split())):
                return _phrase(words)
    if m := _M_CHANGE.match(text, fig.end, hi):
        return _phrase(_clean_right(m.group("x").split()))
    if _M_SPEND_BEFORE.search(text, window, begin) and (m := _M_SPEND_AFTER.match(text, fig.end, hi)):
        words = _clean_right(m.group("x").split())
        verb = _M_SPEND_BEFORE.search(text, window, begin).group("v")  # type: ignore[union-attr]
        if words:
            noun = "investment" if verb.startswith("invest") else "spending"
            return _phrase(words[:5] + [noun])
    for pattern in (_M_SUBJECT, _M_OF, _M_OBJECT):
        if (m := pattern.search(text, window, begin)) and (words := _clean_left(m.group("x").split())):
            if words[-1].lower() not in {"total", "sum", "increase", "rise", "gain", "figure", "amount"}:
                return _phrase(words)
    for pattern in (_M_AFTER_NP, _M_AFTER_IN):
        if fig.kind == "other" and pattern is _M_AFTER_NP:
            continue
        if fig.kind == "percent" and pattern is _M_AFTER_IN:
            break
        if (m := pattern.match(text, fig.end, hi)) and (words := _clean_right(m.group("x").split())):
            return _phrase(words)
    return None


def _find_measure_fr(text: str, fig: Figure, begin: int, window: int, hi: int) -> str | None:
    if _FR_CHANGE.search(text, window, begin) and (m := _FR_AFTER_DE.match(text, fig.end, hi)):
        return _phrase(_clean_right(m.group("x").split()))
    if _FR_SPEND_BEFORE.search(text, window, begin) and (m := _FR_SPEND_AFTER.match(text, fig.end, hi)):
        return _phrase(_clean_right(m.group("x").split()))
    return None
