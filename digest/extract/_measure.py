"""Name what a figure measures from the words around it: "revenue rose 12%" measures "revenue"."""

from __future__ import annotations

import re

from digest.extract._notation import Found
from digest.extract._numbers import MONTHS
from digest.models import Sentence

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


def find_measure(
    text: str, sentence: Sentence, fig: Found, earlier: Found | None, *, french: bool
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


def _find_measure_fr(text: str, fig: Found, words: list[str], lowered: list[str], hi: int) -> str | None:
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


# Head nouns that count people or things, which a subject may leave implied after its verb
# ("Initial jobless claims rose to 263,000", "Traffic deaths reached 268").
_COUNTED_HEADS = frozenset(
    """claims deaths cases infections arrests passengers visitors arrivals tourists applications jobs
    payrolls workers employees people casualties fatalities injuries migrants refugees crossings
    deliveries shipments units homes starts permits subscribers users customers members votes vehicles
    registrations bankruptcies layoffs openings hires filings complaints patients admissions births
    students troops soldiers protesters followers downloads parcels""".split()  # noqa: SIM905
)
_SUBJECT_CUT = frozenset(["in", "at", "of", "from", "for", "on", "across"])


def implied_count(text: str, sentence: Sentence, start: int) -> str | None:
    """Return the counted subject of "X rose to N" when X counts people or things, else None."""
    words = _words_before(text, sentence.start, start)
    if not words:
        return None
    lowered = [w.lower() for w in words]
    subject = _subject(words, lowered, achieve=False)
    if subject is None:
        return None
    kept = subject.split()
    for i, word in enumerate(kept):
        if i and word in _SUBJECT_CUT:
            kept = kept[:i]
            break
    if kept[-1] not in _COUNTED_HEADS:
        return None
    return " ".join(kept[-2:])
