"""Word lists that mark what kind of claim a sentence makes, and who holds it.

Single words are matched against the set of lower-case words of a sentence; phrases (with spaces) are
matched as substrings of the lower-cased sentence padded with spaces, so that both stay cheap.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Future reference: the sentence predicts, plans or promises something.
FUTURE_WORDS = _words(
    """will forecast forecasts forecasted forecasting projected projection projections predict predicts
    predicted predicting prediction predictions expect expects expected expecting expectation expectations
    plans intends intend aims upcoming outlook guidance soon poised ll prévoit prévoient prévoyant
    devrait devraient"""
)
FUTURE_PHRASES = (
    " is set to ", " are set to ", " was set to ", " going to ", " next year", " next quarter",
    " next month", " next week", " next decade", " coming quarters", " coming years", " coming months",
    " coming weeks", " in the future", " could reach ", " on track to ", " plan to ", " plans to ",
    " l'année prochaine", " les prochaines années",
)

# Evaluation or opinion: someone judges rather than reports.
ASSESSMENT_WORDS = _words(
    """argue argues argued believe believes believed think thinks warn warns warned caution cautions
    cautioned likely unlikely significant significantly important critical crucial rare remarkable
    impressive bold risky risk risks concern concerns worried worry worries skeptics sceptics critics
    optimism pessimism bullish bearish paradox gamble game-changer existential prescient should must
    could might may suggest suggests suggested appears appear seems seem unprecedented historic
    substantial considerable striking notably deserve deserves view views opinion"""
)
ASSESSMENT_PHRASES = (" good reason ", " in our view", " is seen as ", " are seen as ")

# Factual assertions about what actors did.
STATEMENT_WORDS = _words(
    """announced announces announce launched launches launch reported reports unveiled unveils released
    releases began begins inked signed signs acquired acquires bought sold rose fell jumped surged
    dropped declined climbed grew gained lost posted raised cut hired fired opened closed approved
    fined banned agreed said says told noted added stated confirmed denied deployed invested spent
    pledged committed"""
)

# Hedging: the sentence itself signals uncertainty.
HEDGE_WORDS = _words(
    """could might likely unlikely reportedly allegedly possibly possible perhaps probably potential
    potentially preliminary estimated estimate estimates suggest suggests suggested appears appear
    seems seem rumoured rumored pourrait pourraient"""
)
HEDGE_PHRASES = (
    " some reports ", " reports indicate", " reports suggest", " as much as ", " is expected to ",
    " are expected to ", " was expected to ", " were expected to ", " believed to ", " according to reports",
    " people familiar with ", " jusqu'à ",
)
# "may" is a modal only in lower case and not before a day number ("May 5").
MAY_MODAL = re.compile(r"\bmay\b(?!\s+\d)")
UP_TO_FIGURE = re.compile(r"\bup to (?:[$€£¥]|US\$|HK\$|RMB|\d)", re.IGNORECASE)

# Verbs that introduce what someone says or holds.
CUE_VERBS = (
    "said|says|say|told|tells|noted|notes|added|adds|stated|states|announced|announces|reported|reports|"
    "claimed|claims|warned|warns|argued|argues|argue|believes|believe|estimated|estimates|expects|expect|"
    "predicted|predicts|forecast|forecasts|wrote|writes|explained|explains|emphasized|emphasised|"
    "highlighted|acknowledged|acknowledges|confirmed|confirms|denied|denies|insisted|insists|indicated|"
    "indicate|indicates|suggested|suggest|suggests|described|call|calls|called|framed|think|thinks|"
    "revealed|disclosed|cautioned|predict|maintain|maintains|contend|contends|fear|fears|see|sees"
)
CUE_WORDS = frozenset(CUE_VERBS.split("|"))
# Verbs after which a capitalised name is the speaker ("said Alibaba"), not the audience ("told Reuters").
POSTPOSED_CUES = "said|says|added|noted|stated|wrote|reported|announced|warned|argued|explained"

# One unnamed person: "a spokesperson said", "said an analyst at the bank".
SINGLE_SOURCES = (
    "analyst|official|spokesperson|spokesman|spokeswoman|source|executive|economist|expert|person|"
    "trader|investor|banker|strategist|diplomat|lawyer|researcher"
)
GROUPS = (
    "analysts|critics|investors|economists|experts|observers|traders|skeptics|sceptics|reports|sources|"
    "officials|executives|insiders|people familiar with the matter|market participants|shareholders|"
    "regulators|bankers|strategists|researchers|industry studies|studies|surveys|data"
)

# Capitalised words that start a run but never name who holds a claim.
NOT_ACTORS = _words(
    """The This That These Those It Its He She They We I You Our Their His Her But And Or While As In On
    At For Yet However So If When Although Though After Before Since Because Meanwhile Still Also Then
    Some Many Most Several Few Other Others Both Each Every All Such A An Last Next Early Late Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Today Yesterday Tomorrow Analysts Critics Investors Reports
    Sources Officials Experts Economists Traders"""
)

# Sentences that speak to the reader or belong to the page rather than the story.
READER_PHRASES = (
    "share your thoughts", "leave a comment", "let us know", "in the comments", "sign up", "subscribe",
    "click here", "click play", "read more", "all rights reserved", "for informational purposes only",
    "does not constitute", "not financial advice", "not investment advice", "this article was generated",
    "follow us", "newsletter", "comments are moderated",
)

_PHRASE_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _index(**groups: tuple[str, ...]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Key each phrase by its longest word, so a sentence only tries phrases whose key word it has."""
    index: dict[str, list[tuple[str, str]]] = {}
    for group, phrases in groups.items():
        for phrase in phrases:
            key = max(_PHRASE_WORDS.findall(phrase), key=lambda word: (len(word), word))
            index.setdefault(key, []).append((phrase, group))
    return {key: tuple(items) for key, items in index.items()}


PHRASES = _index(future=FUTURE_PHRASES, assess=ASSESSMENT_PHRASES, hedge=HEDGE_PHRASES, reader=READER_PHRASES)
PHRASE_KEYS = frozenset(PHRASES)
SINGLE_WORDS = frozenset(SINGLE_SOURCES.split("|"))
GROUP_WORDS = frozenset(group.split()[-1] for group in GROUPS.split("|"))
