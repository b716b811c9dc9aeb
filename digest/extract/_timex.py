"""The temporal-expression grammar: one pattern per kind, joined into a single scanning regex.

Each kind is written once with named groups. The scanner joins all kinds into one alternation
(named groups turned into plain ones, each kind wrapped in a group named after it), so a text is
scanned in a single pass; the kind's own pattern then re-reads the short match to get its parts.
Kinds are tried in order at a given position, so longer readings come before their prefixes.
"""

from __future__ import annotations

import re

_S = r"[ \t\u00a0\u202f]+"
_AP = r"['’]"
_MON_EN = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)(?![a-z])"
)
_MON_FULL = r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
_MON_FR = r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)"
_WD_EN = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD_ABBR = r"(?-i:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?"
_WD_FR = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|er)?(?![\d])"
_YEAR = r"(?:19|20)\d{2}(?![\d])"
_NUMW = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six"
    r"|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
)
_NUMFR_UNIT = r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize)"
# Compound tens ("soixante-dix", "quatre-vingt-douze", "vingt-et-un") before the single words.
_NUMFR = (
    rf"(?:(?:vingt|trente|quarante|cinquante|soixante|quatre-vingts?)(?:-et-une?|-{_NUMFR_UNIT})?"
    rf"|{_NUMFR_UNIT}|cent|un|une)"
)
_DIGITS = r"\d{1,3}(?:\.\d+)?"
_VAGUE = r"(?:a\s+few|few|several|many|a\s+couple\s+of|a\s+couple|a\s+number\s+of|dozens\s+of)"
_VAGUE_FR = r"(?:quelques|plusieurs|de\s+nombreux|de\s+nombreuses)"
_UNIT = (
    r"(?:years?|months?|weeks?|days?|quarters?|decades?|centur(?:y|ies)|hours?|minutes?|seconds?|weekends?)"
)
_UNIT_FR = (
    r"(?:ans|an|ann[ée]es?|mois|semaines?|jours?|journ[ée]es?|trimestres?|d[ée]cennies?|si[èe]cles?"
    r"|heures?|minutes?)"
)
_MOD = (
    r"(?:(?P<mod>early|late|mid|(?:the\s+)?(?:end|start|beginning|middle|close|turn)\s+of"
    r"|fin|d[ée]but|mi|courant)(?:\s+|-))?"
)
_TZ = (
    r"(?-i:GMT|UTC|BST|CEST|CET|EST|EDT|ET|PST|PDT|PT|CST|HKT|SGT|JST)(?![\w])"
    r"|local\s+time|Beijing\s+time|Hong\s+Kong\s+time|New\s+York\s+time|London\s+time|heure\s+de\s+Paris"
    r"|heure\s+locale"
)
_HOLIDAY = (
    r"(?-i:Singles['’]?\s+Day|Double\s+(?:11|Eleven)|Christmas(?:\s+(?:Day|Eve))?"
    r"|New\s+Year['’]s\s+(?:Day|Eve)|Valentine['’]s\s+Day|Halloween|Independence\s+Day|No[ëe]l"
    r"|Black\s+Friday|Cyber\s+Monday|Thanksgiving|(?:Lunar|Chinese)\s+New\s+Year|Spring\s+Festival"
    r"|Golden\s+Week|Prime\s+Day|Memorial\s+Day|Labou?r\s+Day|Easter(?![\w]))"
)
_END = r"(?![\w-])"

KINDS: dict[str, str] = {
    "iso": r"(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
    r"(?:T(?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d))?(?![\d])",
    # "2/20/2025" (US order) or "20/02/2025"; the handler reads the order from the values and language.
    "numeric": r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d{2})(?![\d/])",
    "mdy": rf"(?:(?:{_WD_EN}|{_WD_ABBR}),?{_S})?(?P<mon>{_MON_EN}){_S}(?P<day>{_DAY})"
    rf"(?:,?{_S}(?P<year>{_YEAR}))?",
    "dmy": rf"(?:(?:{_WD_EN}|{_WD_FR}),?{_S})?(?P<day>{_DAY}){_S}(?:of\s+)?(?P<mon>{_MON_EN}|{_MON_FR})"
    rf"(?:,?{_S}(?P<year>{_YEAR}))?",
    "my": rf"{_MOD}(?P<mon>{_MON_EN}|{_MON_FR}),?{_S}(?:of\s+)?(?P<year>{_YEAR})",
    "qtr_end": rf"(?:the\s+)?(?:(?:fiscal|financial)\s+)?(?P<span>quarter|three\s+months|half|six\s+months"
    rf"|year){_S}(?:that\s+)?(?:end(?:ing|ed|s)|through|to)(?:\s+on)?{_S}(?P<mon>{_MON_EN})"
    rf"(?:{_S}(?P<day>{_DAY}))?(?:,?{_S}(?P<year>{_YEAR}))?",
    "qtr_range": rf"(?:the\s+)?(?P<m1>{_MON_EN})\s*[-–/]\s*(?P<m2>{_MON_EN})(?:{_S}(?P<year>{_YEAR}))?"
    rf"{_S}(?:period|quarter|months)",
    "quarter": rf"(?:the\s+)?(?P<qmon>{_MON_FULL}|(?-i:Mar|Jun|Sept?|Dec)\.?)(?:{_S}(?P<qyear>{_YEAR}))?{_S}"
    rf"quarter{_END}|(?-i:Q)(?P<q>[1-4])(?:[ -]?(?P<year>{_YEAR})|\s?['’]?(?P<yy>\d{{2}}))?(?![\w])"
    rf"|(?P<q2>[1-4])(?-i:Q)(?P<yy2>\d{{2}})?(?![\w])"
    rf"|(?:the\s+)?(?:(?:fiscal|financial)\s+)?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)"
    rf"[ -](?:fiscal\s+)?quarter(?:{_S}(?:of|in){_S}(?:(?P<year3>{_YEAR})|(?:fiscal\s+)?(?P<rel>this|last"
    rf"|next|the)\s+(?:fiscal\s+)?year|fiscal\s+(?P<fy>{_YEAR}))|{_S}(?P<year4>{_YEAR}))?{_END}"
    rf"|(?:le\s+)?(?P<ordfr>premier|1er|deuxi[èe]me|second|2e|troisi[èe]me|3e|quatri[èe]me|4e)"
    rf"\s+trimestre(?:{_S}(?:de\s+l['’]ann[ée]e\s+|de\s+)?(?P<yearfr>{_YEAR}))?"
    rf"|(?-i:T)(?P<qt>[1-4]){_S}(?P<yt>{_YEAR})",
    "half": rf"(?:the\s+)?(?P<h>first|second|1st|2nd|back|front)[ -]half"
    rf"(?:{_S}(?:of|in){_S}(?:(?P<year>{_YEAR})"
    rf"|(?P<rel>this|last|next|the)\s+year))?{_END}|(?-i:H)(?P<h2>[12])\s?(?P<year2>{_YEAR})"
    rf"|(?:le\s+)?(?P<hfr>premier|1er|second|deuxi[èe]me)\s+semestre(?:{_S}(?P<year3>{_YEAR}))?",
    "ago": rf"(?P<num>{_DIGITS}|{_NUMW}|{_VAGUE}|a|an){_S}(?P<unit>{_UNIT}){_S}(?P<dir>ago|earlier|later"
    rf"|from\s+now|hence){_END}|il\s+y\s+a\s+(?P<numfr>{_DIGITS}|{_NUMFR}|{_VAGUE_FR})\s+(?P<unitfr>{_UNIT_FR})"
    rf"{_END}",
    "holiday": rf"(?:(?P<rel>this|last|next){_S}year{_AP}s{_S}|(?:the\s+)?(?P<year>{_YEAR})(?:{_AP}s)?{_S})?"
    rf"(?P<name>{_HOLIDAY})(?:,?{_S}(?P<year2>{_YEAR}))?",
    "mod_period": rf"(?P<mod>(?:the\s+)?(?:end|start|beginning|middle|close|turn)\s+of)\s+the\s+(?P<unit>year"
    rf"|month|week|quarter|decade){_END}|(?P<unit2>year|month|quarter)[- ]end{_END}"
    rf"|the\s+(?:full|whole|entire)\s+(?P<unit3>year){_END}|(?P<full>full|whole)-year{_END}"
    rf"|(?P<modfr>d[ée]but|fin)\s+(?:de\s+l{_AP}(?P<unitfr>ann[ée]e)|du\s+(?P<unitfr2>mois|trimestre)){_END}",
    "relative": rf"the\s+(?P<bunit>year|month|quarter|week)\s+(?:before|prior){_END}"
    rf"|{_MOD}(?:(?P<shift>earlier|later)\s+)?(?:(?P<the>the)\s+)?(?P<rel>last|past|next|coming"
    rf"|previous|following|current|this|recent|upcoming)\s+(?:(?P<num>{_DIGITS}|{_NUMW}|{_VAGUE})\s+)?"
    rf"(?:(?P<fisc>fiscal|financial)\s+)?"
    rf"(?P<unit>{_UNIT}){_END}",
    "fr_rel": rf"(?P<det>l{_AP}|la\s+|le\s+)(?P<unit>ann[ée]e|an|mois|semaine|trimestre|d[ée]cennie)\s+"
    rf"(?P<rel>derni[èe]re?|pass[ée]e?|prochaine?|suivante?|pr[ée]c[ée]dente?|[ée]coul[ée]e){_END}"
    rf"|(?:(?:les|la|le|ces|l{_AP})\s*)?(?:(?P<n1>{_DIGITS}|{_NUMFR}|{_VAGUE_FR})\s+)?(?P<rel2>derni[èe]res?"
    rf"|prochaines?|pass[ée]es?)\s+(?:(?P<n2>{_DIGITS}|{_NUMFR})\s+)?(?P<unit2>{_UNIT_FR}){_END}"
    rf"|(?P<cur>cette\s+ann[ée]e|cet\s+an|ce\s+mois(?:-ci)?|cette\s+semaine|ce\s+trimestre){_END}",
    "refs": r"(?P<ref>recently|lately|nowadays|currently|presently|right\s+now|now|at\s+present|these\s+days"
    r"|soon|(?:the\s+)?(?:near|foreseeable|distant|immediate)\s+future|the\s+future|the\s+past"
    r"|the\s+(?:near|short|long|medium)[\s-]term|the\s+(?:long|short)\s+run|the\s+time\s+being"
    r"|r[ée]cemment|derni[èe]rement|actuellement|maintenant|d[ée]sormais|à\s+pr[ée]sent|bient[ôo]t"
    rf"|prochainement|l{_AP}avenir|le\s+pass[ée]){_END}",
    "day_ref": r"(?P<dref>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today"
    r"|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|avant-hier|apr[èe]s-demain"
    rf"|hier|aujourd{_AP}hui|demain|ce\s+matin|ce\s+soir|cet\s+apr[èe]s-midi)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night|matin|soir))?(?![\w-])",
    "part": r"(?:(?P<mod>early|late)\s+|(?P<the>the)\s+)(?P<part>morning|afternoon|evening)(?![\w-])",
    "weekend": r"(?P<the>the)\s+weekend(?![\w-])",
    "weekday": rf"(?:(?P<mod>early|late)\s+(?:on\s+)?)?(?:(?P<rel>last|next|this|past|coming)\s+)?"
    rf"(?P<wd>{_WD_EN})(?:{_S}(?P<part>morning|afternoon|evening|night))?"
    rf"|(?P<wdfr>{_WD_FR})(?:\s+(?P<relfr>dernier|prochain|soir|matin|apr[èe]s-midi))?{_END}",
    "month": rf"{_MOD}(?:(?P<mrel>last|next|this)\s+)?(?P<mon>{_MON_FULL})"
    rf"(?:{_S}(?P<yrel>last|next|this)\s+year)?"
    rf"{_END}|(?P<monfr>{_MON_FR})(?:{_S}(?P<frrel>dernier|prochain))?{_END}",
    "decade": rf"(?:the\s+)?(?:(?P<mod>early|late|mid)[ -])?(?P<dec>(?:19|20)\d0){_AP}?s(?![\w])"
    rf"|(?:the\s+)?{_AP}(?P<dec2>\d0)s(?![\w])|les\s+ann[ée]es\s+(?P<decfr>(?:19|20)\d0)",
    "week": rf"week\s+(?P<w>\d{{1,2}})(?:\s+of\s+(?P<year>{_YEAR}))?(?![\d])"
    rf"|(?P<year2>{_YEAR})-W(?P<w2>\d\d)",
    # A sports season does not map onto the calendar: its value is left unset.
    "sport": r"(?:(?P<rel>this|last|next|the\s+(?:previous|past|coming|current|following|whole|entire))"
    rf"\s+season|(?P<num>{_DIGITS}|{_NUMW})\s+(?:(?:straight|consecutive|successive)\s+)?seasons){_END}",
    "season": rf"(?:(?P<rel>this|last|next|early|late|the|cet|l{_AP})\s*)?(?P<season>spring|summer|autumn"
    rf"|fall|winter|printemps|été|automne|hiver)(?:,?{_S}(?:of\s+)?(?P<year>{_YEAR})"
    rf"|{_S}of\s+(?P<yrel>last|this|next)\s+year)?{_END}",
    "fiscal": rf"{_MOD}(?P<fy>fiscal(?:\s+year)?|financial\s+year|the\s+year|FY)\s?(?P<year>{_YEAR})"
    r"|(?-i:FY)(?P<yy>\d{2})(?![\w])",
    # Wire copy writes clock times as four digits before a zone: "by 1015 GMT".
    "wire_time": rf"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d){_S}(?P<tz>{_TZ})",
    "year": rf"{_MOD}(?P<year>{_YEAR})",
    "time": r"(?P<h>\d{1,2})(?:[:.](?P<mi>[0-5]\d))?\s?(?P<ap>a\.m\.?|p\.m\.?|am|pm)(?![\w])"
    rf"(?:{_S}(?P<tz>{_TZ}))?"
    rf"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d])(?:{_S}(?P<tz2>{_TZ}))?"
    r"|(?P<h3>[01]?\d|2[0-3])\s?h\s?(?P<mi3>[0-5]\d)?(?![\w])|(?P<noon>noon|midnight|midi|minuit)(?![\w-])",
    "set": rf"(?:every|each)\s+(?P<swd>{_WD_EN}){_END}"
    rf"|(?P<every>every|each|chaque)\s+(?:(?P<other>other)\s+|(?P<n>{_DIGITS}|{_NUMW})\s+)?"
    rf"(?P<unit>{_UNIT}|{_UNIT_FR}){_END}"
    r"|(?P<adv>annually|yearly|biannually|semiannually|quarterly|monthly|weekly|daily|hourly|annual|annuellement"
    r"|mensuellement|quotidiennement)(?![\w-])"
    r"|(?P<freq>once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|an|per)\s+"
    r"(?P<funit>year|month|week|day|quarter|decade)(?![\w-])"
    r"|(?:per|par)\s+(?P<punit>year|annum|month|week|day|quarter|an|mois|semaine|jour|trimestre)(?![\w-])"
    r"|tous\s+les\s+(?P<tunit>ans|mois|jours|trimestres)(?![\w-])"
    r"|on\s+an?\s+(?P<badv>annual|yearly|quarterly|monthly|weekly|daily)\s+basis",
    "a_unit": r"(?P<art>a|an|one|another)\s+(?:(?P<adj>single|further|additional|full|whole|extra)\s+)?"
    r"(?P<unit>year|month|week|day|decade|quarter|hour)(?![\w-])",
    "duration": rf"(?P<num>{_DIGITS}|{_NUMW}(?:\s+and\s+a\s+half)?|{_VAGUE})"
    rf"(?:{_S}(?P<more>more|further|additional|consecutive|straight|successive|full|extra){_S}|{_S}|-)"
    rf"(?P<unit>{_UNIT})"
    rf"(?P<old>-old)?{_END}|(?P<numfr>{_DIGITS}|{_NUMFR}|{_VAGUE_FR}){_S}(?:premi[eè]re?s{_S})?"
    rf"(?P<unitfr>{_UNIT_FR}){_END}|des{_S}(?P<desfr>mois|ann[ée]es|semaines|d[ée]cennies)(?![\w-])(?!{_S}\d)"
    r"|(?P<multi>multi-?years?|multi-?decades?|multi-?months?|year-?long|decade-?long|months?-long"
    r"|years?-long|weeks?-long|days?-long)(?![\w-])"
    r"|(?P<plural>years|months|weeks|decades|days|hours|minutes)(?![\w-])",
}

_NAMED = re.compile(r"\(\?P<\w+>")


def compile_scanner(kinds: list[str]) -> re.Pattern[str]:
    """Return one regex trying `kinds` in grammar order, each in a group named after it."""
    return re.compile(
        r"\b(?:" + "|".join(f"(?P<{k}>{_NAMED.sub('(?:', KINDS[k])})" for k in KINDS if k in kinds) + ")",
        re.IGNORECASE,
    )


SCANNER = compile_scanner(list(KINDS))
PARTS: dict[str, re.Pattern[str]] = {k: re.compile(p, re.IGNORECASE) for k, p in KINDS.items()}

# The last tense cue before an expression (else the first after it, in the same sentence) says
# whether a bare weekday or month lies ahead or behind. A bare infinitive after a modal or "to"
# ("will be held", "doit être examiné") is future, not a participle; so are verbs of intent and
# forecast ("expects", "plans", "aims") and the modals of a possible event ("could", "may").
_TO_BE = r"to(?:\s+be\s+\w+)?"
_FUTURE_EN = (
    rf"(?:will|shall|would|could|might|should|must|(?-i:may)|to)\s+(?:not\s+)?(?:be|have)\s+\w+"
    rf"|will|shall|would|could|might|should|(?-i:may)|going\s+{_TO_BE}"
    rf"|(?:is|are|was|were)\s+(?:set|due|scheduled|expected|slated|poised|likely|projected|forecast)"
    # Words that are also nouns ("forecasts", "plans") look ahead only before an infinitive.
    rf"\s+{_TO_BE}|(?:plans?|aims?|intends?|hopes?|seeks?|wants?|targets?|forecasts?|projects?"
    rf"|promises?|pledges?|vows?|agreed|decided|voted|proposed|pledged|promised|vowed|planned|aimed"
    rf"|intended|sought|hoped|wanted|offered)\s+{_TO_BE}|expects?|anticipates?|predicts?|foresees?"
    r"|upcoming|expected|scheduled|slated|due|next|begins?|starts?|opens?|resumes?|takes\s+effect"
    r"|kicks?\s+off"
)
# Irregular past forms of the verbs of news copy: "rose", "fell", "said" carry no "-ed".
_PAST_EN = (
    r"said|told|was|were|had|did|rose|fell|grew|came|went|saw|took|made|gave|began|left|met|paid|sold"
    r"|bought|won|lost|held|kept|spent|brought|became|ran|sank|slid|swung|shrank|fought|thought|\w+ed"
)
# Every reading opens with a word character: the lookahead turns away the ends of words at once, which
# halves the time of a scan.
TENSE = re.compile(
    # A participle after an article or a hyphen is an adjective ("a self-imposed deadline"), no tense.
    rf"\b(?=\w)(?:(?P<f>{_FUTURE_EN})|(?P<n>(?:a|an|the)\s+\w+ed|(?<=-)\w+ed)|(?P<p>{_PAST_EN}))\b"
    r"|(?P<f2>['’]ll)\b",
    re.IGNORECASE,
)
# French adds the futur simple ("sera", "pourra", "auront"), the conditionnel ("serait", "devrait",
# "pourraient": the infinitive stem then "-ait"; "déclarait" is an imparfait) and the modals "va"
# and "doit"; a participle after a future or conditional auxiliary ("sera examiné") stays future.
TENSE_FR = re.compile(
    r"\b(?=\w)(?:(?P<n>ann[ée]es?|journ[ée]es?|soir[ée]es?|matin[ée]es?|entr[ée]es?|id[ée]es?|arm[ée]es?"
    r"|soci[ée]t[ée]s?|sant[ée]|[ée]t[ée])"
    r"|(?P<f>(?:ser|aur)(?:a|ont|ait|aient)\s+\w+(?:é|ée|és|ées|is|ise|ises|u|ue|us|ues)"
    r"|va|vont|doit|doivent|pr[ée]vue?s?|prochaine?s?|(?:[êe]tre|avoir)\s+\w+"
    r"|\w+r(?:a|ont)|\w+(?:er|ir|ur|dr|rr|vr)(?:ait|aient)|irai(?:t|ent))"
    r"|(?P<p>a|ont|avait|avaient|[ée]tait|[ée]taient|\w+(?:é|ée|és|ées)))(?![\w-])",
    re.IGNORECASE,
)
