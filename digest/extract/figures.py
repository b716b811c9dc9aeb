"""Find the figures a news story states: money, percentages, counts of things and other quantities."""

from __future__ import annotations

import bisect
import dataclasses
import re

from digest.extract._currencies import (
    SUBUNITS,
    SYMBOL_PATTERN,
    WORD_PATTERN,
    currency_of_symbol,
    currency_of_word,
)
from digest.extract._numbers import (
    APPROX_WORDS,
    LABEL_WORDS,
    MONTHS,
    OPENERS,
    SCALE_PATTERN,
    TRIGGER_PATTERN,
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
_TRIGGER = re.compile(TRIGGER_PATTERN)
_CORE_FR = re.compile(_core(_NUM_FR))
_SUFFIX = re.compile(
    rf"(?P<pct>{_SP}?%|[{_SP[1:-1]}-]?(?i:percent|per\s+cent|pour\s?cent|pct)\b)"
    rf"|(?P<pp>[{_SP[1:-1]}-](?i:percentage[\s-]points?|points?\s+de\s+pourcentage)\b)"
    rf"|(?P<bp>[{_SP[1:-1]}-](?i:basis[\s-]points?|bps|points?\s+de\s+base)\b)"
    rf"|(?P<curw>{_SP}(?:(?:of|de)\s+|d['’])?{WORD_PATTERN})"
    rf"|(?P<postcur>{_SP}?(?P<postscale>Mds|Md|Mrd|M)?{_SP}?(?:€|\$|£|¥)(?![\w$]))"
    rf"|(?P<unit>{_SP}?{UNIT_PATTERN})"
)


def _range(number: str) -> str:
    return (
        rf"(?P<sep>{_SP}?[-–]{_SP}?|\s+(?:to|and|et|à)\s+)"
        rf"(?:(?P<cur>{SYMBOL_PATTERN}){_SP}?)?(?P<num>{number}|{WORD_NUMBER_PATTERN})"
        rf"(?P<scale>{SCALE_PATTERN})?"
    )


_RANGE_EN = re.compile(_range(_NUM_EN))
_RANGE_FR = re.compile(_range(_NUM_FR))
_PLUS = re.compile(r"-plus\b|\+|(?=\s+or\s+more\b)|-odd\b|(?=\s+or\s+so\b)")
_NEXT_WORD = re.compile(_SP + r"+([A-Za-zÀ-ÿ.]+)")
_STUCK = re.compile(r"[A-Za-z]|[-–][A-Za-z]|[:/]\d|/|\.\d")
_TIME_AFTER = re.compile(r"(?i:" + _SP + r"?(?:a\.m\.|p\.m\.|am|pm|gmt|utc|h\d\d))\b")
_EQUIV_GAP = re.compile(
    r"\s*(?:\(\s*|,\s*(?:or|equivalent\s+to|worth)\s+|\s+or\s+)"
    r"(?i:(?:about|around|roughly|approximately|some|nearly|almost|more\s+than|over|environ|près\s+de)\s+)?$"
)
_FROM = re.compile(r"(?i)\b(?:from|de)\s+\S*$")
_YEAR_CUES = frozenset("in since by from until to of before after the".split())  # noqa: SIM905
_COMMA_DECIMAL = frozenset("fr de es it pt nl ru pl sv da no fi cs tr".split())  # noqa: SIM905


@dataclasses.dataclass(slots=True)
class _Found:
    start: int
    end: int
    kind: str
    value: float | None
    unit: str | None
    approx: str | None = None
    value_max: float | None = None
    lead: int | None = None
    equivalent: int | None = None
    measure: str | None = None


def extract_figures(text: str, *, sentences: tuple[Sentence, ...]) -> tuple[Figure, ...]:
    """Return the money, percentages, counts and quantities stated in `text`, sorted by start."""
    lower = text.lower()
    yen_is_yuan = "yuan" in lower or "renminbi" in lower or "rmb" in lower
    if len(lower) != len(text):
        # Rare letters change length when lowered; spelled numbers are then found in lowercase only.
        lower = text
    hits = [m.start() for m in _TRIGGER.finditer(lower)]
    figures: list[Figure] = []
    for index, sentence in enumerate(sentences):
        first = bisect.bisect_left(hits, sentence.start)
        last = bisect.bisect_left(hits, sentence.end, first)
        if first == last:
            continue
        french = sentence.language[:2] in _COMMA_DECIMAL
        found = _scan(text, hits[first:last], sentence, french=french, yen_is_yuan=yen_is_yuan)
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


def _scan(text: str, hits: list[int], sentence: Sentence, *, french: bool, yen_is_yuan: bool) -> list[_Found]:
    core = _CORE_FR if french else _CORE_EN
    found: list[_Found] = []
    taken = sentence.start
    for hit in hits:
        if hit < taken:
            continue
        m = _match_at(core, text, hit, sentence)
        if m is None:
            continue
        item = _read(text, m, sentence, french=french, yen_is_yuan=yen_is_yuan)
        if item is None:
            continue
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
    text: str, m: re.Match[str], sentence: Sentence, *, french: bool, yen_is_yuan: bool
) -> _Found | None:
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
    attached = attached or (_RANGE_FR if french else _RANGE_EN).match(text, end, stop) is not None
    if _STUCK.match(text, end, stop) and not attached:
        return None
    bare = not symbol and not suffix and not scale
    if bare and _is_not_a_quantity(text, m.start("num"), end, sentence, raw):
        return None
    if _TIME_AFTER.match(text, end, stop):
        return None
    kind, unit = _kind(text, m, suffix, symbol, scale, yen_is_yuan=yen_is_yuan)
    if suffix and suffix.group("curw") and suffix.group("curw").split()[-1].lower() in SUBUNITS:
        multiplier /= 100
    if suffix and suffix.group("postscale"):
        # French abbreviations written before the symbol: "10 M€", "1,5 Md€".
        multiplier *= 1e6 if suffix.group("postscale") == "M" else 1e9
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
    if suffix.group("postcur"):
        code = currency_of_symbol(suffix.group("postcur").strip()[-1])
        return "money", "CNY" if code == "JPY" and yen_is_yuan else code
    if suffix.group("pct"):
        return "percent", "%"
    if suffix.group("pp"):
        return "percent", "pp"
    if suffix.group("bp"):
        return "percent", "bp"
    if suffix.group("curw"):
        word = re.sub(r"^\W*(?:of|de)?\s*(?:d['’])?", "", suffix.group("curw").strip(), flags=re.I)
        if word.lower() in {"pound", "pounds"} and not scale:
            return "other", "lb"
        return "money", currency_of_word(word)
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
    r = (_RANGE_FR if french else _RANGE_EN).match(text, item.end, stop)
    if r is None:
        return False
    sep = r.group("sep").strip()
    if sep in {"and", "et"} and not between:
        return False
    if sep in {"to", "à"} and _FROM.search(text, max(0, m.start() - 12), m.start()):
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
    found = _approx_before(text, sentence.start, item.start)
    if found:
        item.approx, item.lead = approx_of(found[0]), found[1]


def _approx_before(text: str, lo: int, start: int) -> tuple[str, int] | None:
    """Return the qualifier just before `start` ("more than", "roughly") and where it begins."""
    begin = max(lo, start - 30)
    chunk = text[begin:start]
    if not chunk or not chunk[-1].isspace():
        return None
    words = chunk.split()
    for k in (4, 3, 2, 1):
        if len(words) < k:
            continue
        phrase = " ".join(words[-k:]).lstrip("(“\"'‘").lower()
        if phrase not in APPROX_WORDS:
            continue
        at = len(chunk)
        for word in reversed(words[-k:]):
            at = chunk.rfind(word, 0, at)
        if at == 0 and begin > lo and not text[begin - 1].isspace():
            continue
        return phrase, begin + at + len(words[-k]) - len(words[-k].lstrip("(“\"'‘"))
    return None


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
        named = word[0].isupper() or any(ch.isdigit() for ch in word)
        if named and not at_start and lower not in OPENERS:
            return True
    nxt = _NEXT_WORD.match(text, end, sentence.end)
    return bool(nxt and nxt.group(1).lower().rstrip(".") in MONTHS)


def _looks_like_year(raw: str, text: str, start: int) -> bool:
    if len(raw) != 4 or not raw.isdigit() or not 1800 <= int(raw) <= 2199:
        return False
    before = text[max(0, start - 12) : start].lower().split()
    return not before or before[-1] in _YEAR_CUES


def _link(text: str, found: list[_Found], offset: int, sentence: Sentence, *, french: bool) -> None:
    """Mark restatements ("380 billion yuan ($53 billion)") and name what each figure measures.

    `offset` is the article-wide index of `found[0]`, since `equivalent` indexes all the figures.
    """
    earlier: _Found | None = None
    for i, fig in enumerate(found):
        if earlier is not None:
            gap_ok = fig.start - earlier.end <= 40 and _EQUIV_GAP.fullmatch(text, earlier.end, fig.start)
            if gap_ok and earlier.kind == fig.kind == "money" and earlier.unit != fig.unit:
                fig.equivalent = earlier.equivalent if earlier.equivalent is not None else offset + i - 1
                fig.measure = earlier.measure
        if fig.measure is None:
            fig.measure = _find_measure(text, sentence, fig, earlier, french=french)
        earlier = fig


_W = r"[\w'’&-]+"
_NP = rf"(?P<x>(?:{_W}[ \u00a0]+){{0,7}}{_W})"
_CHANGE_NOUNS = (
    r"(?:increase|rise|boost|jump|gain|growth|surge|drop|decline|fall|decrease|improvement|cut|reduction"
    r"|hike|slump|rebound|stake)s?"
)
_CHANGE_VERBS = frozenset(
    """rose rises risen rising fell falls fallen falling jumped jumps jumping grew grows growing grown
    increased increases increasing decreased declined declines declining dropped drops dropping
    surged surges surging climbed climbing soared soaring gained gaining slipped slid plunged
    tumbled sank dipped edged advanced reached reaching hit hitting totaled totalled totaling
    totalling stood amounted topped exceeded shrank contracted expanded doubled was were is are
    narrowed widened eased slowed accelerated improved recovered rebounded swelled reach rise fall
    grow increase decline drop jump climb top exceed surge double triple hit total stand come came
    closed ended finished opened traded""".split()  # noqa: SIM905
)
_ACHIEVE_VERBS = frozenset(
    """achieving achieved posted posting recorded recording reported reporting saw seeing delivered
    delivering logged returned returning grew growing""".split()  # noqa: SIM905
)
_OF_WORDS = frozenset(["of", "at", "reaching", "totaling", "totalling", "worth", "hitting", "topping"])
_GENERIC = frozenset(["total", "sum", "increase", "rise", "gain", "figure", "amount"])
_OBJECT_VERBS = frozenset(
    """boosted boosting boost raised raising raise increased increasing lifted cut cutting reduced
    lowered expanded hiked""".split()  # noqa: SIM905
)
_SPEND_VERBS = frozenset(
    """spend spending spent invest investing invested pour poured pouring allocate allocated earmark
    earmarked inject injected plow plough""".split()  # noqa: SIM905
)
_FR_CHANGE_NOUNS = frozenset(
    "augmentation hausse baisse croissance progression recul chute amélioration".split()  # noqa: SIM905
)
_FR_VERBS = frozenset(
    """atteint atteindre augmenté augmente progressé progresse reculé recule baissé baisse dépasse dépassé
    dépasser perdu perd gagné gagne grimpé grimpe chuté chute bondi bondit établi établit représente
    représenté totalise totalisé s'élève élevé s'établit atteignait""".split()  # noqa: SIM905
)
_FR_AUX = frozenset("a ont est sont s'est se sera avait avaient désormais".split())  # noqa: SIM905
_FR_FILLERS = frozenset("désormais environ près plus moins quelque".split())  # noqa: SIM905
_FR_SPEND_VERBS = frozenset(["investir", "investira", "investi", "dépenser", "consacrer", "injecter"])
_M_CHANGE = re.compile(rf"(?:-plus)?\s+{_CHANGE_NOUNS}\s+(?:in|of|for|to)\s+{_NP}")
_M_SPEND_AFTER = re.compile(
    r"(?:\s*\([^)]{0,40}\))?(?:,?\s+(?:over|in|during|within|across)\s+(?:the\s+)?"
    r"(?:next\s+|coming\s+|past\s+|following\s+)?\w+\s+(?:years?|months?|quarters?|decades?),?)?"
    rf"\s+(?:on|in|into|toward|towards)\s+{_NP}"
)
_M_AFTER_NP = re.compile(rf"(?:-plus)?\s+{_NP}")
_M_AFTER_IN = re.compile(rf"\s+(?:in|of)\s+{_NP}")
_M_INHERIT = re.compile(
    r"(?:\s*\))?(?:[^,;]{0,60},\s*(?:an?\s+)?(?:increase|rise|jump|gain|drop|decline|fall|growth)\s+of\s+"
    r"|[^,;]{0,60},\s*(?:up|down|surging|rising|jumping|falling|dropping|climbing|soaring|growing|gaining"
    r"|increasing|decreasing|declining)\s+(?:by\s+)?"
    r"|,?\s+(?:(?:year-on-year|year-over-year|from\s+a\s+year\s+(?:earlier|ago)|on\s+year),?\s+)?to\s+"
    r"|\s*,\s*or\s+|\s+à\s+)"
)
_FR_AFTER_DE = re.compile(r"\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])" + _NP)
_FR_SPEND_AFTER = re.compile(
    r"(?:\s*\([^)]{0,40}\))?(?:\s+(?:au\s+cours\s+des|sur\s+les|dans\s+les|d['’]ici)\s+[\w\s]{0,30}?"
    r"(?:ans|années|mois))?\s+(?:dans\s+(?:l['’]|le\s+|la\s+|les\s+)?|en\s+|pour\s+)" + _NP
)
_AUX_WORDS = frozenset(
    "has have had was were is are will would could may might should been be".split()  # noqa: SIM905
)
_DETERMINERS = frozenset(
    """the a an its their his her our this that these those whose le la les l' l’ un une son sa ses leur
    leurs""".split()  # noqa: SIM905
)
_RIGHT_LINKS = frozenset(["of", "on", "in", "de", "du", "des"])
_LINKS = frozenset(["of", "from", "in", "at", "for", "on", "de", "du", "des", "d'", "d’"])
_STOPS = frozenset(
    """and or but that which who while as with by to than into over under during since after before
    said says say told reported according is are was were has have had be been will would could may
    might should can also not year-on-year yoy year-over-year last this next such including about
    around nearly some more less most it they we he she there where when if so then whereas although
    though because per cent percent et ou qui que dont avec pour sur par au aux en dans est sont a
    ont through until till via amid against across between within despite without expects expected
    expect sees see forecasts forecast predicts predicted estimates estimated projects projected
    targets plans aims showed shows announced posted recorded kept keeps cut cuts thousand million billion
    trillion thousands millions billions trillions hundred hundreds""".split()  # noqa: SIM905
)
_CHANGE_WORDS = frozenset(
    """increase rise boost jump gain growth surge drop decline fall decrease improvement cut reduction
    hike slump rebound""".split()  # noqa: SIM905
)
_FILLERS = frozenset(
    """a an the annualised annualized annual average estimated record consistent additional further
    mere whopping staggering expected projected forecast roughly about nearly""".split()  # noqa: SIM905
)
_DIGIT = re.compile(r"\d")
_CLAUSE_END = tuple(",;:.!?)—–")


def _clean_left(words: list[str]) -> list[str]:
    """Keep the noun phrase that ends a run of words, as in "revenue from its cloud business"."""
    kept: list[str] = []
    while words and words[-1].lower() in _AUX_WORDS:
        words = words[:-1]
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        lower = word.lower()
        left = words[i - 1].lower() if i > 0 else ""
        if lower.endswith(("'s", "’s")) or lower in _STOPS or _has_digit(lower):
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


def _has_digit(word: str) -> bool:
    """Tell whether `word` holds a digit or no letter at all ("12.5", "%"), which ends a noun phrase."""
    return not word.isalpha() and (_DIGIT.search(word) is not None or not any(ch.isalpha() for ch in word))


def _clean_right(words: list[str]) -> list[str]:
    """Keep the noun phrase that opens a run of words, as in "returns on advertising spend"."""
    if words and words[0].lower() in {"a", "an", "per", "each"}:
        # "$74 a barrel", "$4 per share": a rate, not the thing measured.
        return []
    kept: list[str] = []
    joined = False
    linked = -1
    for i, word in enumerate(words):
        lower = word.lower()
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if linked >= 0 and len(kept) - linked > 2:
            break
        if lower in _DETERMINERS and not kept:
            continue
        if lower == "and" and kept and not joined and nxt and nxt not in _STOPS:
            joined = True
            kept.append(word)
            continue
        if lower in _RIGHT_LINKS and kept and linked < 0 and nxt and nxt not in _STOPS:
            linked = len(kept)
            kept.append(word)
            continue
        if lower in _STOPS or lower in _LINKS or lower in _DETERMINERS or _has_digit(lower):
            break
        if word.istitle() and lower in MONTHS:
            break
        if lower.endswith(("ed", "ly")) and "-" not in lower and len(lower) > 4 and kept:
            break
        kept.append(word)
    while kept and kept[-1].lower() in _LINKS | {"and", "et"}:
        kept.pop()
    return _shorten(kept)


def _shorten(words: list[str]) -> list[str]:
    if len(words) > 6:
        for i, word in enumerate(words):
            if i and word.lower() in _LINKS:
                return words[:i] if i <= 6 else words[:6]
        return words[:6]
    return words


def _phrase(words: list[str]) -> str | None:
    return " ".join(words).lower() or None


def _words_before(text: str, lo: int, begin: int) -> list[str]:
    """Return the words of the clause that ends at `begin`, nearest last."""
    start = max(lo, begin - 100)
    words = text[start:begin].split()
    if words and start > lo and not text[start - 1].isspace():
        words = words[1:]
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word.endswith(_CLAUSE_END) or word.startswith(("(", "“", '"')):
            return [w.strip("“”\"'‘’()") for w in words[i + 1 :]]
    return words


def _find_measure(
    text: str, sentence: Sentence, fig: _Found, earlier: _Found | None, *, french: bool
) -> str | None:
    """Return a short phrase from the sentence naming what `fig` measures, or None."""
    if fig.kind == "count":
        return None
    lo, hi = sentence.start, sentence.end
    begin = fig.lead if fig.lead is not None else fig.start
    close = earlier is not None and earlier.measure and begin - earlier.end < 90
    if close and earlier is not None and _M_INHERIT.fullmatch(text, earlier.end, begin):
        return earlier.measure
    words = _words_before(text, lo, begin)
    lowered = [w.lower() for w in words]
    if french:
        return _find_measure_fr(text, fig, words, lowered, hi)
    if fig.value is None and fig.kind == "percent" and (found := _subject(words, lowered, achieve=True)):
        return found
    if m := _M_CHANGE.match(text, fig.end, hi):
        return _phrase(_clean_right(m.group("x").split()))
    tail = [w for w in lowered[-3:] if w not in {"a", "an", "additional", "extra", "further", "another"}]
    spent = tail and tail[-1] in _SPEND_VERBS and (m := _M_SPEND_AFTER.match(text, fig.end, hi))
    if spent and m and (object_words := _clean_right(m.group("x").split())):
        noun = "investment" if tail[-1].startswith("invest") else "spending"
        return _phrase([*object_words[:5], noun])
    found = _subject(words, lowered, achieve=False) or _of_phrase(words, lowered) or _object(words, lowered)
    if found:
        return found
    # "an $800 billion shortfall", "the $50 billion-plus commitment": a figure used as an adjective.
    attributive = bool(lowered) and (lowered[-1] in _DETERMINERS or lowered[-1].endswith(("'s", "’s")))
    for pattern in (_M_AFTER_NP, _M_AFTER_IN):
        if pattern is _M_AFTER_NP and (fig.kind == "other" or not attributive):
            continue
        if fig.kind == "percent" and pattern is _M_AFTER_IN:
            break
        after = _clean_right(m.group("x").split()) if (m := pattern.match(text, fig.end, hi)) else []
        if after and not (len(after) == 1 and after[0].lower() in _CHANGE_WORDS):
            return _phrase(after)
    return None


def _subject(words: list[str], lowered: list[str], *, achieve: bool) -> str | None:
    """Name the subject of "X rose/jumped (by)" or, for "double-digit", "X achieved/returned to"."""
    j = len(lowered)
    while j and lowered[j - 1] in _FILLERS:
        j -= 1
    if j and lowered[j - 1] in {"up", "down", "by", "to", "at", "in"}:
        j -= 1
    if not j or not (lowered[j - 1] in _CHANGE_VERBS or (achieve and lowered[j - 1] in _ACHIEVE_VERBS)):
        return None
    return _phrase(_clean_left(words[: j - 1]))


def _of_phrase(words: list[str], lowered: list[str]) -> str | None:
    """Name X in "X of N", "X reaching N", "X valued at N"."""
    if lowered[-2:] in (["amounting", "to"], ["valued", "at"]):
        found = _clean_left(words[:-2])
    elif lowered and lowered[-1] in _OF_WORDS:
        found = _clean_left(words[:-1])
    else:
        return None
    return _phrase(found) if found and found[-1].lower() not in _GENERIC else None


def _object(words: list[str], lowered: list[str]) -> str | None:
    """Name X in "raised X to N" or "boosted X past N"."""
    j = len(lowered) - 1 if lowered and lowered[-1] in {"to", "by"} else len(lowered)
    for k in range(j - 1, max(-1, j - 7), -1):
        if lowered[k] in _OBJECT_VERBS:
            return _phrase(_clean_right(words[k + 1 : j]))
    return None


def _find_measure_fr(text: str, fig: _Found, words: list[str], lowered: list[str], hi: int) -> str | None:
    changed = bool(lowered) and (
        lowered[-1] in _FR_CHANGE_NOUNS
        or (lowered[-1] == "de" and len(lowered) > 1 and lowered[-2] in _FR_CHANGE_NOUNS)
    )
    if changed and (m := _FR_AFTER_DE.match(text, fig.end, hi)):
        return _phrase(_clean_right(m.group("x").split()))
    if lowered and lowered[-1] in _FR_SPEND_VERBS and (m := _FR_SPEND_AFTER.match(text, fig.end, hi)):
        return _phrase(_clean_right(m.group("x").split()))
    return _subject_fr(words, lowered)


def _subject_fr(words: list[str], lowered: list[str]) -> str | None:
    """Name X in "X a augmenté de N", "X atteint N" or "un plan de N"."""
    j = len(lowered)
    while j and lowered[j - 1] in _FR_FILLERS:
        j -= 1
    if j and lowered[j - 1] in {"de", "d'", "d’", "à"}:
        j -= 1
        if j and lowered[j - 1] not in _FR_VERBS:
            found = _clean_left(words[:j])
            return _phrase(found) if found and found[-1].lower() not in _FR_CHANGE_NOUNS else None
    if not j or lowered[j - 1] not in _FR_VERBS:
        return None
    j -= 1
    while j and lowered[j - 1] in _FR_AUX:
        j -= 1
    return _phrase(_clean_left(words[:j]))
