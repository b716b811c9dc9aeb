"""Word tables for speech attribution: cue verbs, titles, organisation words, function words."""

from __future__ import annotations

import re
from itertools import compress

from digest.extract._words import words_of


def words(text: str) -> frozenset[str]:
    """Return the set of whitespace-separated words in `text`."""
    return frozenset(text.split())


# Verbs that report speech or thought, in the forms wire copy uses them.
_FINITE = words(
    """said says say told tells added adds noted notes stated states warned warns explained explains
    emphasized emphasised emphasizes emphasises described describes predicted predicts argued argues
    believes believed thinks thought expects expected acknowledged acknowledges highlighted highlights
    estimated estimates wrote writes asked insisted insists cautioned cautions claimed claims declared
    declares reiterated reiterates recalled recalls stressed stresses urged urges suggested suggests
    observed commented remarked announced confirmed confirms denied admitted conceded contended
    maintained projected forecast continued replied responded tweeted posted called calls concluded
    warned forecasts projects told testified testifies joked jokes quipped quips concedes recounted
    recounts boasted boasts lamented laments complained complains mused muses countered counters
    replies responds expect warn argue predict"""
)

# French cue verbs that work before and after their subject ("a déclaré X", "X a déclaré").
_FRENCH_CUES = (
    "a déclaré",
    "a dit",
    "a ajouté",
    "a expliqué",
    "a estimé",
    "a affirmé",
    "a souligné",
    "a indiqué",
    "a précisé",
    "estime",
    "affirme",
    "déclare",
    "souligne",
    "explique",
    "précise",
    "ajoute",
    "a réagi",
    "a dénoncé",
    "a reconnu",
    "a assuré",
    "a averti",
    "a prévenu",
    "a insisté",
    "a rappelé",
    "a jugé",
    "a confié",
    "a poursuivi",
    "a regretté",
    "a martelé",
    "reconnaît",
    "confie",
    "assure",
    "dénonce",
    "prévient",
    "avertit",
    "insiste",
    "rappelle",
    "poursuit",
    "martèle",
    "regrette",
    "réagit",
)

_MULTI = (
    "pointed out",
    "points out",
    "according to",
    "According to",
    "a-t-il dit",
    "a-t-elle dit",
    "a-t-il déclaré",
    "a-t-elle déclaré",
    "a-t-il ajouté",
    "a-t-elle ajouté",
    "a-t-il expliqué",
    "a-t-elle expliqué",
    "a-t-il souligné",
    "a-t-elle souligné",
    "selon",
    "Selon",
    "a annoncé",
    "avait jugé",
    "avait estimé",
    "avait déclaré",
    "juge",
    *_FRENCH_CUES,
)

# Participles continue the speech of the clause's subject ("..., Wu said, adding that ...").
PARTICIPLES = words(
    """adding noting saying predicting warning stressing arguing explaining insisting calling describing
    emphasizing emphasising highlighting acknowledging cautioning estimating urging reiterating"""
)

# Cues that can precede their subject: "“...,” said Zhang." / "according to Zhang".
INVERTIBLE = words(
    """said says added adds noted notes wrote writes asked explained continued declared warned insisted
    argued stressed recalled concluded replied responded cautioned suggested observed commented remarked
    testified joked quipped conceded recounted boasted lamented complained mused countered admitted"""
) | frozenset(
    [
        "according to",
        "According to",
        "selon",
        "Selon",
        *_FRENCH_CUES,
    ]
)

# Cues whose reported clause is not a statement worth keeping as indirect speech.
NO_INDIRECT = frozenset({"asked", "called", "calls", "calling", "described", "describes", "describing"})

ACCORDING = frozenset({"according to", "According to", "selon", "Selon"})

CUES = frozenset(_FINITE) | frozenset(_MULTI) | PARTICIPLES


def _trie(words: frozenset[str]) -> str:
    """Return a regex matching any of `words`, factored by common prefix so a miss fails fast."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


CUE_RE = re.compile(r"(?<![\w-])(?:" + _trie(CUES) + r")(?![\w-])")
# The first word of every cue in lower case: a cue can only start at one of these words.
_OPENERS = frozenset(re.split(r"\W", cue, maxsplit=1)[0].lower() for cue in CUES)


def find_cues(text: str) -> list[tuple[int, int, str]]:
    """Return the start, end and text of each match of CUE_RE in `text`, trying it at opening words only."""
    split = words_of(text)
    found: list[tuple[int, int, str]] = []
    end = 0
    for at in compress(split.starts, map(_OPENERS.__contains__, split.words)):
        if at >= end and (m := CUE_RE.match(text, at)) is not None:
            found.append((at, m.end(), m.group()))
            end = m.end()
    return found

# French puts the pronoun after the verb in incises: "confie-t-il", "estime-t-elle", "dit-il".
_INVERTED_PRONOUN = re.compile(r"(?<![\w-])([a-zàâçéèêëîïôûù]{2,})-(?:t-)?(?:il|elle)(?![\w-])")
# Inverted verbs that ask or state a fact rather than report speech ("peut-il", "faut-il").
_NOT_SPEECH = words("faut peut doit est sont va sera serait faudrait pourrait devrait semble vont fait y")


def inverted_pronoun_cues(text: str) -> list[tuple[int, int, str]]:
    """Return the French incises with the pronoun after the verb ("confie-t-il"), as (start, end, word)."""
    if "-il" not in text and "-elle" not in text:
        return []
    return [
        (m.start(), m.end(), m.group())
        for m in _INVERTED_PRONOUN.finditer(text)
        if m.group(1) not in _NOT_SPEECH and m.group() not in CUES
    ]


# Words of a job title; HEADS end one ("Vice President", "chief executive", "senior analyst").
TITLE_WORDS = words(
    """vice deputy chief executive senior junior principal lead managing general assistant associate acting
    interim former financial operating technology technical marketing investment research product sales
    global regional country prime foreign finance commerce trade defense defence economy interior health
    portfolio fund co-founder cofounder founding independent board group corporate strategy
    transportation transport education energy environment agriculture labor labour housing justice
    treasury culture home council city county state assembly"""
)
HEADS = words(
    """president officer ceo cfo cto coo cmo vp svp evp md chairman chairwoman chair chairperson director
    manager analyst economist strategist head founder co-founder cofounder spokesperson spokesman
    spokeswoman minister secretary governor senator professor researcher partner editor lawyer attorney
    adviser advisor official mayor premier chancellor ambassador commissioner representative counsel
    scientist engineer consultant dean treasurer executive trader banker investor president-elect leader
    boss owner chief sen rep gov gen lt col capt sgt adm économiste analyste directeur directrice président
    présidente ministre porte-parole pdg fondateur fondatrice chercheur chercheuse professeur responsable
    député députée maire secrétaire member meteorologist forecaster teacher farmer nurse doctor physician
    student resident pilot driver worker activist historian journalist reporter lawmaker legislator
    congressman congresswoman councilman councilwoman councillor councilor alderman prosecutor sheriff
    retiree vendor shopkeeper homeowner volunteer coach aide négociateur avocat avocate delegate juror
    negotiator délégué déléguée syndicaliste"""
)
# Occupations formed with these endings are roles even when not listed ("epidemiologist", "statistician").
_HEAD_SUFFIXES = ("ologist", "ician", "ographer")


def is_head(low: str) -> bool:
    """Return whether the lower-cased word `low` ends a job title."""
    return low in HEADS or (len(low) > 7 and low.endswith(_HEAD_SUFFIXES))


HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "m", "mme", "mlle"})

NATIONALITIES = words(
    """american chinese french german british japanese indian russian korean south north european us u.s.
    uk u.k. eu canadian australian italian spanish brazilian mexican taiwanese singaporean hong kong"""
)

# Capitalised words that mark an organisation, a place or a publication rather than a person.
ORG_WORDS = words(
    """group holding holdings ltd ltd. inc inc. corp corp. corporation co co. company companies bank
    capital securities partners research institute university ministry department commission council
    committee agency association office bureau authority board fund funds management investments
    technologies technology systems labs media news daily times post journal reuters bloomberg xinhua
    press network services solutions exchange markets government administration parliament congress
    senate court party federation union foundation center centre consulting advisors analytics
    intelligence cloud ai motors airlines energy pharma international global industries enterprises
    ventures trust insurance street wall beijing washington moscow brussels tokyo london paris berlin
    kremlin pentagon whitehouse white house ministry state police army navy plc llc ag sa se nv gmbh
    platforms platform store stores power air lines airways electric utilities logistics silicon
    semiconductor semiconductors software telecom railways rail transport properties realty steel
    petroleum chemicals brands retail service services resources mining minerals metals chimie industrie
    groupe fédération syndicat confédération banque société oil gas therapeutics pharmaceuticals
    communications entertainment"""
)
# Countries and regions that open an organisation's name but never a person's ("France Chimie").
PLACES = words(
    """france germany britain china japan italy spain canada australia brazil mexico russia korea europe
    africa asia ukraine poland sweden norway switzerland netherlands belgium austria turkey egypt nigeria
    kenya israel iran iraq qatar singapore malaysia indonesia vietnam thailand taiwan argentina chile
    colombia deutsche british american european african asian gulf pacific atlantic"""
)

# Common nouns that describe an organisation and stand before its name or in its place: "Startup Nimbus",
# "Industry body Rail Delivery Group", "Airline spokesperson Maria Santos", "the company's chief".
GENERIC_ORGS = words(
    """company firm group startup start-up carrier airline utility lender bank insurer retailer automaker
    carmaker chipmaker developer manufacturer maker operator brokerage consultancy regulator watchdog
    agency campaign union body industry organisation organization charity association institute council
    department ministry authority network publisher broadcaster exchange platform fund studio"""
)
# Organisation roles that belong to the company the story is about when none is named.
CORPORATE_ROLES = words(
    """ceo cfo cto coo chairman chairwoman spokesperson spokesman spokeswoman founder co-founder cofounder
    executive officer"""
)

# Capitalised function words that begin sentences but never names.
STOP_CAPS = words(
    """the a an this that these those it its they their them we our i he she his her you your but and or
    nor so yet as in on at for with by from to of after before while when where if although though
    because since until meanwhile however moreover furthermore still also then now here there analysts
    investors experts officials some many most other others both all company management shares sources
    critics traders observers what who why how which despite during under over into about between
    against among such no not one two three monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december le la les un
    une des il elle ils elles mais et ou"""
)

PRONOUNS = frozenset({"he", "she", "il", "elle"})
# Object pronouns after "according to" / "selon" / "pour": "Selon lui, ...".
OBJECT_PRONOUNS = frozenset({"him", "her", "lui", "elle"})

# Heads of unnamed-source descriptions: "a person familiar with the matter", "two sources".
ANON_HEADS = words(
    """person people source sources official officials insider insiders executive executives banker bankers
    trader traders investor investors manager managers employee employees diplomat diplomats analyst
    lawyer aide aides adviser advisor spokesperson spokesman spokeswoman director representative worker
    staffer staffers member members député députés élu élus proche proches conseiller conseillère
    responsable responsables négociateur négociateurs juror jurors delegate delegates witness negotiator
    negotiators economist economists strategist strategists lawmaker lawmakers analysts analyste analystes
    économiste économistes expert experts"""
)
ANON_DETERMINERS = words("""a an one two three four five six several multiple un une deux trois plusieurs""")
