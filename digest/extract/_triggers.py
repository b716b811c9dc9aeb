"""Where a temporal expression can start: a word-level prefilter in front of the scanning regex.

Trying the whole grammar at every word is what makes tagging slow. Every expression the grammar
accepts contains an anchor word (a unit, a month, a weekday, "yesterday", "now", ... or a token
with a digit) and starts at most a run of grammar words before it, so the scanner is tried only
at those starts. The tables mirror `_timex.KINDS` word for word; `tests/test_dates_scan.py`
checks them against text generated from the grammar and against the full scan.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import compress, count
from operator import ge

from digest.extract._timex import SCANNER, compile_scanner
from digest.extract._words import words_of


def _spell(spec: str) -> frozenset[str]:
    """Return the words a spec spells: space-separated, with `[ée]` classes and a final optional `x?`."""
    words: set[str] = set()
    for item in spec.split():
        forms = [""]
        for part in re.findall(r"\[[^]]+\]|.\?|.", item):
            options = list(part[1:-1]) if part.startswith("[") else [part[0], ""] if part[1:] else [part]
            forms = [form + option for form in forms for option in options]
        words.update(forms)
    return frozenset(words)


_SEASONS = _spell("spring summer autumn fall winter printemps été automne hiver")
# "thisspring", "lesdernières": these kinds allow no space after their first word.
_SEASON_JOINED = frozenset(
    r + s for r in ("this", "last", "next", "early", "late", "the", "cet") for s in _SEASONS
)
_FR_REL2 = _spell("derni[èe]res? prochaines? pass[ée]es?")
_NUM_FR = _spell(
    "deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt trente quarante cinquante "
    "soixante cent un une quelques plusieurs nombreux nombreuses treize quatorze seize vingts"
)
_NUM_EN = _spell(
    "twenty thirty forty fifty sixty seventy eighty ninety one two three four five six seven eight "
    "nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen hundred"
)
_FR_JOINED = frozenset(d + w for d in ("les", "la", "le", "ces") for w in _NUM_FR | _FR_REL2 | {"de"})

# Words every expression contains at least one of, besides tokens with a digit.
_ANCHORS = (
    _SEASONS
    | _SEASON_JOINED
    | _spell(
        "years? months? weeks? days? quarters? decades? century centuries hours? minutes? seconds? "
        "weekends? an ans ann[ée]es? mois semaines? jours? journ[ée]es? trimestres? d[ée]cennies? "
        "si[èe]cles? heures? half semestre premier deuxi[èe]me troisi[èe]me quatri[èe]me "
        "janvier f[ée]vrier mars avril mai juin juillet ao[uû]t septembre octobre novembre d[ée]cembre "
        "lundi mardi mercredi jeudi vendredi samedi dimanche "
        "recently lately nowadays currently presently now present soon future past term run being "
        "r[ée]cemment derni[èe]rement actuellement maintenant d[ée]sormais pr[ée]sent bient[ôo]t "
        "prochainement avenir pass[ée] yesterday today tomorrow tonight night morning afternoon evening "
        "hier demain aujourd matin soir midi noon midnight minuit annually yearly biannually semiannually "
        "quarterly monthly weekly daily hourly annuellement mensuellement quotidiennement annual annum "
        "multiyears? multidecades? multimonths? yearlong decadelong seasons?"
    )
)
# The French year "an" is an anchor only after one of these: the article "an" is everywhere.
_BEFORE_AN = (
    _NUM_EN | _NUM_FR | _FR_REL2 | _spell("l la le cet every each chaque other per par premi[eè]re?s")
    | frozenset(d + w for d in ("les", "la", "le", "ces") for w in _FR_REL2)
)  # fmt: skip
# Anchors the grammar only accepts capitalised: "may" the verb triggers nothing.
_CASED_ANCHORS = _spell(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sept sep oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday "
    "christmas halloween thanksgiving no[ëe]l singles double valentine independence memorial labou?r easter"
)
# Capitalised names the grammar can match at the start of a longer word ("Mondays", "Christmastime").
# Case-sensitive and led by capitals, this regex skips through text at the speed of a character scan.
_PREFIXES = re.compile(
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Halloween|Thanksgiving|No[ëe]l"
    "|Year|Day|Week"
)
# Words an expression can start with.
_FIRST = (
    _SEASONS
    | _SEASON_JOINED
    | _FR_JOINED
    | _FR_REL2
    | _NUM_EN
    | _NUM_FR
    | _CASED_ANCHORS
    | _spell(
        "mon tue tues wed thu thur thurs fri sat sun "
        "janvier f[ée]vrier mars avril mai juin juillet ao[uû]t septembre octobre novembre d[ée]cembre "
        "lundi mardi mercredi jeudi vendredi samedi dimanche "
        "early late mid the end start beginning middle close turn fin d[ée]but mi courant "
        "fiscal financial quarter half year month week day decade first second third fourth final "
        "le premier deuxi[èe]me troisi[èe]me quatri[èe]me a an few several many dozens il this last next "
        "new black cyber lunar chinese golden prime earlier later past coming previous following "
        "current recent upcoming "
        "l la les ces de cette cet ce recently lately nowadays currently presently right now at these "
        "soon near foreseeable distant immediate r[ée]cemment derni[èe]rement actuellement maintenant "
        "d[ée]sormais à bient[ôo]t prochainement yesterday today tomorrow tonight avant apr[èe]s hier "
        "aujourd demain fy noon midnight midi minuit every each chaque annual annually yearly biannually "
        "semiannually quarterly monthly weekly daily hourly annuellement mensuellement "
        "quotidiennement once twice per par tous on one multi multiyears? multidecades? multimonths? "
        "yearlong decadelong years months weeks decades days hours minutes another back front full whole des"
    )
)
# First words that start an expression only before one of these ("year-end", "the year to March").
_ENDING = _spell("that ending ended ends through to")
_FIRST_BEFORE = {
    "year": _ENDING | {"end", "long"}, "quarter": _ENDING | {"end"}, "half": _ENDING,
    "month": _spell("end long"), "back": {"half"}, "front": {"half"},
    "day": {"long"}, "decade": {"long"}, "week": {"long"}, "on": {"a", "an"},
    "full": {"year"}, "whole": {"year"},
}  # fmt: skip
# Every word an expression can be made of: a match starts within a run of these before its anchor.
_VOCABULARY = (
    _ANCHORS
    | _FIRST
    | _spell(
        "an of gmt utc bst cest cet est edt et pst pdt pt cst hkt sgt jst local time beijing hong kong "
        "new york london heure paris locale eve s festival three six that ending ended ends through to "
        "on period in ago earlier later from hence y derni[èe]re? prochaine? suivante? pr[ée]c[ée]dente? "
        "[ée]coul[ée]e ci short long medium term run being future present hui before after dernier "
        "prochain w m p am pm h other times a basis and old couple number minutes? secondes? prior "
        "full whole entire du et more single further additional consecutive straight successive extra "
        "premi[eè]re?s des season seasons"
    )
)
# The kinds whose first character can be a digit, for candidates that start with one.
_DIGIT_KINDS = (
    "iso numeric dmy quarter half ago holiday fr_rel decade week sport wire_time year time set duration"
)
_DIGIT_SCANNER = compile_scanner(_DIGIT_KINDS.split())
_ANY_ANCHOR = _ANCHORS | _CASED_ANCHORS


def scan(text: str) -> Iterator[re.Match[str]]:
    """Yield the matches `SCANNER.search` finds from left to right, trying only near anchor words."""
    split = words_of(text)
    words, starts = split.words, split.starts
    # One pass in C over the words: an anchor word, or a token that is not all letters (a digit).
    flags = map(ge, map(_ANY_ANCHOR.__contains__, words), map(str.isalpha, words))
    anchors = [
        i
        for i in compress(count(), flags)
        if (words[i] not in _CASED_ANCHORS or text[starts[i]].isupper())
        # The article "an" (and "an" opening the text) is no anchor.
        and (words[i] != "an" or (i > 0 and words[i - 1] in _BEFORE_AN))
    ]
    loose = set()
    for found in _PREFIXES.finditer(text):
        i = bisect_left(starts, found.start())
        if starts[i] == found.start():
            loose.add(i)
    if loose:
        anchors = sorted(loose.union(anchors))
    pos, done = 0, -1
    for i in anchors:
        if i <= done:
            continue
        first = i
        while first > done + 1 and (words[first - 1] in _VOCABULARY or not words[first - 1].isalpha()):
            first -= 1
        done = i
        for k in range(first, i + 1):
            at = starts[k]
            if at < pos:
                continue
            word = words[k]
            if word.isalpha():
                m = SCANNER.match(text, at) if k in loose or _may_start(words, k) else None
            # A decade may start at its apostrophe ("’90s").
            elif at > pos and text[at - 1] in "'’" and (m := SCANNER.match(text, at - 1)):
                yield m
                pos = m.end()
                m = _DIGIT_SCANNER.match(text, at) if at >= pos and text[at].isdigit() else None
            else:
                m = (_DIGIT_SCANNER if text[at].isdigit() else SCANNER).match(text, at)
            if m:
                yield m
                pos = m.end()


def _may_start(words: list[str], k: int) -> bool:
    """Return True when the all-letter word `k` can open an expression, judging by it and the next word."""
    word = words[k]
    if word not in _FIRST:
        return False
    if word not in _FIRST_BEFORE:
        return True
    after = words[k + 1] if k + 1 < len(words) else ""
    return after in _FIRST_BEFORE[word] or (after != "" and not after.isalpha())
