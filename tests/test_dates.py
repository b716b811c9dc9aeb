"""Temporal expressions on wire-style sentences: spans, TIMEX3 types and values."""

from __future__ import annotations

import datetime as dt

import pytest

from digest.extract.dates import extract_dates
from digest.models import Sentence, TimeExpr
from digest.segment import split_sentences

THU = dt.date(2025, 10, 16)  # a Thursday
FRI = dt.date(2025, 2, 21)  # a Friday


def _dates(
    text: str, published: dt.date | None = THU, language: str = "en"
) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in _run(text, published, language)]


def _run(text: str, published: dt.date | None, language: str = "en") -> tuple[TimeExpr, ...]:
    sentences = tuple(Sentence(s, e, language) for s, e in split_sentences(text))
    return extract_dates(text, sentences=sentences, published=published)


CASES: list[tuple[str, dt.date | None, list[tuple[str, str, str | None]]]] = [
    # Absolute dates (Reuters, AP, Bloomberg styles).
    (
        "The company said on Feb 20, 2025 that it would buy back shares.",
        None,
        [("Feb 20, 2025", "DATE", "2025-02-20")],
    ),
    (
        "The deal closed on 20 February 2025, the filing showed.",
        None,
        [("20 February 2025", "DATE", "2025-02-20")],
    ),
    ("The results were published on 2025-02-20.", None, [("2025-02-20", "DATE", "2025-02-20")]),
    ("Sales rose in February 2025, data showed.", None, [("February 2025", "DATE", "2025-02")]),
    (
        "The plan dates from 2017 and runs to 2030.",
        None,
        [("2017", "DATE", "2017"), ("2030", "DATE", "2030")],
    ),
    (
        "Shares fell on Thursday, Feb. 20, 2025, in Hong Kong.",
        None,
        [("Thursday, Feb. 20, 2025", "DATE", "2025-02-20")],
    ),
    ("Revenue for fiscal 2025 is expected to rise.", None, [("fiscal 2025", "DATE", "2025")]),
    ("Growth slowed in the 1990s.", None, [("the 1990s", "DATE", "199")]),
    ("Output peaked in mid-2024.", None, [("mid-2024", "DATE", "2024")]),
    ("The ruling is due by the end of 2025.", None, [("the end of 2025", "DATE", "2025")]),
    # Quarters and halves.
    ("Profit rose in Q4 2024.", None, [("Q4 2024", "DATE", "2024-Q4")]),
    ("Fourth-quarter revenue beat forecasts.", FRI, [("Fourth-quarter", "DATE", "2024-Q4")]),
    (
        "Revenue rose 8% in the fourth quarter of 2024.",
        None,
        [("the fourth quarter of 2024", "DATE", "2024-Q4")],
    ),
    (
        "Revenue rose in the fourth quarter, the company said.",
        FRI,
        [("the fourth quarter", "DATE", "2024-Q4")],
    ),
    (
        "Revenue during the October-December period rose 8 percent.",
        FRI,
        [("the October-December period", "DATE", "2024-Q4")],
    ),
    (
        "For the quarter ending on Dec 31, cloud revenue rose 13 percent.",
        FRI,
        [("the quarter ending on Dec 31", "DATE", "2024-Q4")],
    ),
    (
        "For the quarter ended Dec. 31, 2024, net income more than tripled.",
        None,
        [("the quarter ended Dec. 31, 2024", "DATE", "2024-Q4")],
    ),
    ("Sales rose in the first half of 2025.", None, [("the first half of 2025", "DATE", "2025-H1")]),
    ("Cloud revenue has grown for the sixth consecutive quarter.", FRI, []),
    ("Shipments were strong this quarter.", FRI, [("this quarter", "DATE", "2025-Q1")]),
    ("Shipments were weak last quarter.", FRI, [("last quarter", "DATE", "2024-Q4")]),
    # Weeks, seasons, holidays.
    ("Sales data for week 11 of 2013 were revised.", None, [("week 11 of 2013", "DATE", "2013-W11")]),
    ("Prices fell this week.", THU, [("this week", "DATE", "2025-W42")]),
    ("The launch is planned for spring 2026.", None, [("spring 2026", "DATE", "2026-SP")]),
    ("Demand slumped last summer.", THU, [("last summer", "DATE", "2024-SU")]),
    ("Shares fall as investors sell.", THU, []),
    ("Sales during this year's Singles Day rose.", THU, [("this year's Singles Day", "DATE", "2025-11-11")]),
    ("Last year's Singles Day set a record.", THU, [("Last year's Singles Day", "DATE", "2024-11-11")]),
    ("Presales for Singles Day began, and the event dwarfs Black Friday.", THU, []),
    ("Shoppers spent more over Christmas.", dt.date(2025, 1, 5), [("Christmas", "DATE", "2024-12-25")]),
    # Weekdays and days relative to the publication date.
    (
        "Vice President Kaifu Zhang told reporters Thursday that returns rose.",
        THU,
        [("Thursday", "DATE", "2025-10-16")],
    ),
    ("Wu said in an earnings call late on Thursday.", FRI, [("late on Thursday", "DATE", "2025-02-20")]),
    ("The company will report results on Tuesday.", THU, [("Tuesday", "DATE", "2025-10-21")]),
    ("Shares slid on Monday.", THU, [("Monday", "DATE", "2025-10-13")]),
    ("The board met last Thursday.", THU, [("last Thursday", "DATE", "2025-10-09")]),
    ("Talks resume next Monday.", THU, [("next Monday", "DATE", "2025-10-20")]),
    ("Stocks rose on Wednesday morning.", THU, [("Wednesday morning", "TIME", "2025-10-15TMO")]),
    (
        "Presales began yesterday and end tomorrow.",
        THU,
        [("yesterday", "DATE", "2025-10-15"), ("tomorrow", "DATE", "2025-10-17")],
    ),
    ("Markets are closed today.", THU, [("today", "DATE", "2025-10-16")]),
    ("The rally continued this morning.", THU, [("this morning", "TIME", "2025-10-16TMO")]),
    ("The Sunday Times reported the deal.", THU, []),
    # Months, years and periods relative to the publication date.
    ("Alibaba announced in February it would spend more.", THU, [("February", "DATE", "2025-02")]),
    ("The company doubled down last month.", THU, [("last month", "DATE", "2025-09")]),
    ("Sales fell last year.", THU, [("last year", "DATE", "2024")]),
    ("Sales will rise next year.", THU, [("next year", "DATE", "2026")]),
    ("Profit doubled this year.", THU, [("this year", "DATE", "2025")]),
    ("The company was founded two years ago.", THU, [("two years ago", "DATE", "2023")]),
    ("Prices rose three months ago.", THU, [("three months ago", "DATE", "2025-07")]),
    ("The merger was agreed earlier this year.", THU, [("earlier this year", "DATE", "2025")]),
    (
        "Rates may be cut in May, and again in March.",
        THU,
        # "may be cut" looks ahead: the coming May and March, not the ones gone by.
        [("May", "DATE", "2026-05"), ("March", "DATE", "2026-03")],
    ),
    ("Investors may march on; you may sell.", THU, []),
    ("Results are expected in January.", THU, [("January", "DATE", "2026-01")]),
    ("Last year sales rose.", None, [("Last year", "DATE", None)]),
    ("He spoke on Thursday.", None, [("Thursday", "DATE", None)]),
    # Durations.
    (
        "It will spend 380 billion yuan ($53 billion) over three years.",
        THU,
        [("three years", "DURATION", "P3Y")],
    ),
    ("It will invest over the next three years.", THU, [("the next three years", "DURATION", "P3Y")]),
    (
        "Spending will exceed what it spent over the past decade.",
        THU,
        [("the past decade", "DURATION", "P10Y")],
    ),
    ("The shares surged 60 percent over the past month.", THU, [("the past month", "DURATION", "P1M")]),
    ("Talks dragged on for several months.", THU, [("several months", "DURATION", "PXM")]),
    ("Nvidia's multiyear surge continued.", THU, [("multiyear", "DURATION", "PXY")]),
    ("The era of the last few years is over.", THU, [("the last few years", "DURATION", "PXY")]),
    (
        "The coming quarters will show whether demand holds.",
        THU,
        [("The coming quarters", "DURATION", "PXQ")],
    ),
    ("It signed a three-year contract.", THU, [("three-year", "DURATION", "P3Y")]),
    ("Trading was halted for 24 hours.", THU, [("24 hours", "DURATION", "PT24H")]),
    ("Prices have risen in recent years.", THU, [("recent years", "DURATION", "PXY")]),
    ("The stock has lagged for years.", THU, [("years", "DURATION", "PXY")]),
    ("It took a decade to build.", THU, []),
    ("It has been more than a decade.", THU, [("a decade", "DURATION", "P10Y")]),
    # References.
    ("Bain recently warned of a shortfall.", THU, [("recently", "DATE", "PAST_REF")]),
    ("Tools are now live across Taobao.", THU, [("now", "DATE", "PRESENT_REF")]),
    ("Margins are currently under pressure.", THU, [("currently", "DATE", "PRESENT_REF")]),
    ("The firm will soon release a model.", THU, [("soon", "DATE", "FUTURE_REF")]),
    ("Earnings may suffer in the near term.", THU, [("the near term", "DATE", "FUTURE_REF")]),
    ("Prices may rise in the future, analysts said.", THU, [("the future", "DATE", "FUTURE_REF")]),
    ("It raised optimism for the future demand of AI services.", THU, []),
    ("Near-term profitability and long-term bets matter more than short-term margins.", THU, []),
    ("Cloud revenue rose 13 percent year-on-year.", THU, []),
    # Times.
    (
        "Trading resumes at 10 a.m. on Thursday.",
        THU,
        [("10 a.m.", "TIME", "2025-10-16T10:00"), ("Thursday", "DATE", "2025-10-16")],
    ),
    ("The statement was released at 14:30 GMT.", THU, [("14:30 GMT", "TIME", "2025-10-16T14:30")]),
    ("The score was 3:1 at half-time.", THU, []),
    # Sets.
    ("The index is rebalanced every year.", THU, [("every year", "SET", "P1Y")]),
    ("Dividends are paid each quarter.", THU, [("each quarter", "SET", "P3M")]),
    ("The report is published annually.", THU, [("annually", "SET", "P1Y")]),
    ("It spends $5 billion a year on research.", THU, [("a year", "SET", "P1Y")]),
    ("Quarterly earnings are due.", THU, []),
    # Not dates.
    ("Sarah Chen 3 min read.", THU, []),
    ("It raised $2025 and 12% more, or 12 % of the total.", THU, []),
    ("Qwen 2.5-Max outperformed GPT-4o and DeepSeek's V3.", THU, []),
    ("Shares jumped in double-digit intraday trading.", THU, []),
    ("0/5000 characters.", THU, []),
    ("The firm employs 2000 people in 15 cities.", THU, []),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_english(text: str, published: dt.date | None, expected: list[tuple[str, str, str | None]]) -> None:
    assert _dates(text, published) == expected


FRENCH: list[tuple[str, dt.date | None, list[tuple[str, str, str | None]]]] = [
    (
        "En février 2025, Alibaba s’est engagé à investir au cours des trois prochaines années.",
        None,
        [("février 2025", "DATE", "2025-02"), ("trois prochaines années", "DURATION", "P3Y")],
    ),
    ("Le chiffre d'affaires a reculé l'année dernière.", THU, [("l'année dernière", "DATE", "2024")]),
    ("Le groupe a publié ses résultats hier.", THU, [("hier", "DATE", "2025-10-15")]),
    ("Le conseil se réunit aujourd'hui.", THU, [("aujourd'hui", "DATE", "2025-10-16")]),
    ("Le patron s'est exprimé mardi.", THU, [("mardi", "DATE", "2025-10-14")]),
    ("L'accord a été signé le 20 février 2025.", None, [("20 février 2025", "DATE", "2025-02-20")]),
    (
        "La croissance a ralenti au premier trimestre 2025.",
        None,
        [("premier trimestre 2025", "DATE", "2025-Q1")],
    ),
    ("Les ventes ont progressé depuis trois ans.", THU, [("trois ans", "DURATION", "P3Y")]),
    ("Le titre a récemment chuté.", THU, [("récemment", "DATE", "PAST_REF")]),
    ("Le dividende est versé chaque année.", THU, [("chaque année", "SET", "P1Y")]),
    ("Il a été nommé en 2017.", None, [("2017", "DATE", "2017")]),
    ("Le groupe a investi il y a deux ans.", THU, [("il y a deux ans", "DATE", "2023")]),
    ("Une hausse de 12 % de l'efficacité, le Jour des Célibataires.", THU, []),
]


@pytest.mark.parametrize(("text", "published", "expected"), FRENCH, ids=[c[0][:50] for c in FRENCH])
def test_french(text: str, published: dt.date | None, expected: list[tuple[str, str, str | None]]) -> None:
    assert _dates(text, published, "fr") == expected


def test_offsets_sentences_and_anchoring() -> None:
    text = "Alibaba reported results. Wu spoke late on Thursday about the next three years."
    found = _run(text, FRI)
    assert [text[t.start : t.end] for t in found] == [t.text for t in found]
    assert [t.sentence for t in found] == [1, 1]
    assert [t.anchored for t in found] == [True, False]


def test_relative_expressions_stay_listed_without_a_publication_date() -> None:
    found = _run("Sales fell last month but rose in February 2025.", None)
    assert [(t.text, t.value, t.anchored) for t in found] == [
        ("last month", None, False),
        ("February 2025", "2025-02", False),
    ]


def test_results_are_sorted_by_start() -> None:
    found = _run("Yesterday, three years after 2017, it said now is the time, annually.", THU)
    assert [t.start for t in found] == sorted(t.start for t in found)


NUMERIC = [
    ("The filing was dated 2/20/2025, the regulator said.", "en", [("2/20/2025", "DATE", "2025-02-20")]),
    ("Trading resumed on 20/02/2025 in Hong Kong.", "en", [("20/02/2025", "DATE", "2025-02-20")]),
    ("The contract was signed 3/4/2025.", "en", [("3/4/2025", "DATE", "2025-03-04")]),
    ("Le contrat a été signé le 03/04/2025.", "fr", [("03/04/2025", "DATE", "2025-04-03")]),
    ("The ratio was 13/13/2025 on one screen.", "en", []),
    ("It ran 24/7 through 2025.", "en", [("2025", "DATE", "2025")]),
]


@pytest.mark.parametrize(("text", "language", "expected"), NUMERIC, ids=[c[0][:50] for c in NUMERIC])
def test_numeric_dates(text: str, language: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _dates(text, None, language) == expected


AUG = dt.date(2025, 8, 5)  # a Tuesday
MAR = dt.date(2025, 3, 3)  # a Monday

# Tense, anchoring, fiscal periods, new expressions and traps.
RESOLUTION: list[tuple[str, dt.date | None, list[tuple[str, str, str | None]]]] = [
    # No tense cue: the month-day nearest publication.
    ("Markets price a rate cut at the Fed's Sept. 17 meeting.", AUG, [("Sept. 17", "DATE", "2025-09-17")]),
    ("Investors eye the Jan. 10 auction.", dt.date(2024, 12, 20), [("Jan. 10", "DATE", "2025-01-10")]),
    ("Exports fell on July 30, officials said.", AUG, [("July 30", "DATE", "2025-07-30")]),
    ("The bill will be debated on July 30.", AUG, [("July 30", "DATE", "2026-07-30")]),
    ("The new levy, which takes effect on Monday, covers imports.", AUG, [("Monday", "DATE", "2025-08-11")]),
    (
        "The plan is expected to be approved before a self-imposed Christmas deadline.",
        AUG,
        [("Christmas", "DATE", "2025-12-25")],
    ),
    (
        "Retailers cut prices ahead of Thanksgiving.",
        dt.date(2025, 11, 3),
        [("Thanksgiving", "DATE", "2025-11-27")],
    ),
    (
        "Travel peaked over Memorial Day, the agency said.",
        dt.date(2025, 6, 2),
        [("Memorial Day", "DATE", "2025-05-26")],
    ),
    ("Sales fell after Easter.", dt.date(2025, 5, 1), [("Easter", "DATE", "2025-04-20")]),
    # Anchoring against the period the story is about, not a comparison base.
    (
        "Output reached 9 million tonnes in 2024, up 4% from the previous year.",
        AUG,
        [("2024", "DATE", "2024"), ("the previous year", "DATE", "2023")],
    ),
    (
        "It earned $2 billion in 2024, versus $3 billion in 2023. Its payout fell from a year earlier.",
        AUG,
        [("2024", "DATE", "2024"), ("2023", "DATE", "2023"), ("a year earlier", "DATE", "2023")],
    ),
    (
        "Sales rose to $5 million last year from $4 million the year before.",
        None,
        [("last year", "DATE", None), ("the year before", "DATE", None)],
    ),
    ("Prices were cut in March last year.", AUG, [("March last year", "DATE", "2024-03")]),
    (
        "Officials intervened in the spring and summer of last year.",
        AUG,
        [("the spring", "DATE", "2024-SP"), ("summer of last year", "DATE", "2024-SU")],
    ),
    # Fiscal periods: the calendar quarter holding most of the period; fiscal labels kept.
    (
        "Revenue for the quarter ended Jan. 31 rose 8%.",
        MAR,
        [("the quarter ended Jan. 31", "DATE", "2024-Q4")],
    ),
    ("Sales for the quarter ended Feb. 28 rose.", MAR, [("the quarter ended Feb. 28", "DATE", "2025-Q1")]),
    (
        "It expects growth in the second quarter of fiscal 2026.",
        MAR,
        [("the second quarter of fiscal 2026", "DATE", "FY2026-Q2")],
    ),
    (
        "Net cash for the quarter ended Dec. 31 was $1 billion. Debt fell at quarter-end.",
        MAR,
        [("the quarter ended Dec. 31", "DATE", "2024-Q4"), ("quarter-end", "DATE", "2024-Q4")],
    ),
    ("Orders should pick up in the back half.", MAR, [("the back half", "DATE", "2025-H2")]),
    ("Passengers sat in the back half of the cabin.", MAR, []),
    (
        "Analysts expect deliveries to top 2 million for the full year.",
        AUG,
        [("the full year", "DATE", "2025")],
    ),
    # New expressions.
    ("Inspectors will visit every Friday.", AUG, [("every Friday", "SET", "XXXX-WXX-5")]),
    ("A 38-year-old engineer was hurt.", AUG, [("38-year-old", "DURATION", "P38Y")]),
    ("Farmers cannot wait another year.", AUG, [("another year", "DURATION", "P1Y")]),
    ("Nobody can sustain losses for two more years.", AUG, [("two more years", "DURATION", "P2Y")]),
    ("The glitch was fixed within hours.", AUG, [("hours", "DURATION", "PTXH")]),
    ("Residents had only minutes to leave.", AUG, [("minutes", "DURATION", "PTXM")]),
    ("Bonds fell days before the vote.", AUG, [("days", "DURATION", "PXD")]),
    ("Prices collapsed in a matter of hours.", AUG, [("hours", "DURATION", "PTXH")]),
    (
        "Presales began nearly two weeks earlier than last year.",
        AUG,
        [("two weeks earlier", "DURATION", "P2W"), ("last year", "DATE", "2024")],
    ),
    ("Queues formed by early morning.", AUG, [("early morning", "TIME", "2025-08-05TMO")]),
    ("Service should resume by the afternoon.", None, [("the afternoon", "TIME", None)]),
    ("Crews will inspect the lines over the weekend.", AUG, [("the weekend", "DATE", "2025-W32-WE")]),
    ("The cuts follow a 2021 law on data.", AUG, [("2021", "DATE", "2021")]),
    ("Traffic is still below 2019 levels.", AUG, [("2019", "DATE", "2019")]),
    # Traps.
    ("She told the BBC's Today programme that fares would rise.", AUG, []),
    ("The firm cut headcount by about a quarter. A quarter of staff left.", AUG, []),
    ("Regulators targeted buy-now-pay-later lenders.", AUG, []),
]


@pytest.mark.parametrize(("text", "published", "expected"), RESOLUTION, ids=[c[0][:50] for c in RESOLUTION])
def test_resolution(
    text: str, published: dt.date | None, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _dates(text, published) == expected


FRENCH_RESOLUTION: list[tuple[str, dt.date | None, list[tuple[str, str, str | None]]]] = [
    (
        "Le texte doit être présenté en conseil des ministres le 3 novembre.",
        AUG,
        [("3 novembre", "DATE", "2025-11-03")],
    ),
    ("L'agence se prononcera le 2 février.", AUG, [("2 février", "DATE", "2026-02-02")]),
    ("Le déficit a été révisé le 2 février.", AUG, [("2 février", "DATE", "2025-02-02")]),
    (
        "Les débats devraient durer environ quatre-vingt-dix jours.",
        AUG,
        [("quatre-vingt-dix jours", "DURATION", "P90D")],
    ),
    ("Depuis le début de l'année, les taux ont monté.", AUG, [("début de l'année", "DATE", "2025")]),
    ("Les prix ont baissé en mars dernier.", AUG, [("mars dernier", "DATE", "2025-03")]),
]


@pytest.mark.parametrize(
    ("text", "published", "expected"), FRENCH_RESOLUTION, ids=[c[0][:50] for c in FRENCH_RESOLUTION]
)
def test_french_resolution(
    text: str, published: dt.date | None, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _dates(text, published, "fr") == expected


JUN = dt.date(2025, 6, 2)  # a Monday
NOV = dt.date(2025, 11, 20)

# Future reference, tense of the whole clause, nearest occurrence, periods and sets of wire copy.
ROUND_TWO: list[tuple[str, dt.date, str, list[tuple[str, str, str | None]]]] = [
    ("Opec+ agreed to raise production in July, delegates said.", JUN, "en", [("July", "DATE", "2025-07")]),
    ("Output slumped in July, delegates said.", JUN, "en", [("July", "DATE", "2024-07")]),
    ("In December, exports grew 4%.", JUN, "en", [("December", "DATE", "2024-12")]),
    (
        "The ministry expects shipments to recover by the end of October.",
        JUN,
        "en",
        [("the end of October", "DATE", "2025-10")],
    ),
    (
        "The company said it expects margins to improve in the fourth quarter.",
        JUN,
        "en",
        [("the fourth quarter", "DATE", "2025-Q4")],
    ),
    (
        '"We could see demand pick up in the fourth quarter," the chief executive said.',
        JUN,
        "en",
        [("the fourth quarter", "DATE", "2025-Q4")],
    ),
    (
        '"January and February will tell us a lot," the strategist said.',
        NOV,
        "en",
        [("January", "DATE", "2026-01"), ("February", "DATE", "2026-02")],
    ),
    (
        "Le projet de loi serait présenté le 12 novembre en conseil des ministres.",
        NOV,
        "fr",
        [("12 novembre", "DATE", "2026-11-12")],
    ),
    ("Le texte sera examiné le 12 novembre.", NOV, "fr", [("12 novembre", "DATE", "2026-11-12")]),
    ("Le texte a été examiné le 12 novembre.", NOV, "fr", [("12 novembre", "DATE", "2025-11-12")]),
    (
        "For 2024, the group posted a net loss, compared with a profit the year before.",
        JUN,
        "en",
        [("2024", "DATE", "2024"), ("the year before", "DATE", "2023")],
    ),
    ("It reported a net loss for 2024.", JUN, "en", [("2024", "DATE", "2024")]),
    (
        "The statistics office publishes a monthly survey of retailers.",
        JUN,
        "en",
        [("monthly", "SET", "P1M")],
    ),
    ("Monthly data showed prices rose.", JUN, "en", [("Monthly", "SET", "P1M")]),
    ("The annual inflation rate slowed.", JUN, "en", [("annual", "SET", "P1Y")]),
    ("The bank posts a weekly progress report.", JUN, "en", [("weekly", "SET", "P1W")]),
    ("It lifted its quarterly dividend.", JUN, "en", [("quarterly", "SET", "P3M")]),
    ("It booked its first annual loss.", JUN, "en", []),
    ("Analysts await the quarterly earnings report.", JUN, "en", []),
    (
        "He scored 20 goals this season after a poor last season, his best in three seasons.",
        JUN,
        "en",
        [("this season", "DATE", None), ("last season", "DATE", None), ("three seasons", "DURATION", None)],
    ),
    (
        "Revenue in the June quarter rose 5%.",
        dt.date(2025, 8, 2),
        "en",
        [("the June quarter", "DATE", "2025-Q2")],
    ),
    (
        "Sales in the December 2024 quarter rose.",
        JUN,
        "en",
        [("the December 2024 quarter", "DATE", "2024-Q4")],
    ),
    ("Revenue for the last fiscal year rose.", JUN, "en", [("the last fiscal year", "DATE", "2024")]),
    (
        "Fourth-quarter revenue rose 8%. Full-year revenue rose 5%.",
        dt.date(2025, 2, 20),
        "en",
        [("Fourth-quarter", "DATE", "2024-Q4"), ("Full-year", "DATE", "2024")],
    ),
    (
        "Shares fell for a single week, then a further year, after two consecutive years of gains.",
        JUN,
        "en",
        [
            ("a single week", "DURATION", "P1W"),
            ("a further year", "DURATION", "P1Y"),
            ("two consecutive years", "DURATION", "P2Y"),
        ],
    ),
    ("Brent rose to $80 a barrel by 1015 GMT.", JUN, "en", [("1015 GMT", "TIME", "2025-06-02T10:15")]),
    ("The cartel pumps 2 million barrels per day.", JUN, "en", []),
    ("It spends $5 per day on fuel.", JUN, "en", [("per day", "SET", "P1D")]),
    (
        "Le déficit a atteint 5 % sur les neuf premiers mois de l'année.",
        JUN,
        "fr",
        [("neuf premiers mois", "DURATION", "P9M")],
    ),
    ("Les négociations durent depuis des mois.", JUN, "fr", [("des mois", "DURATION", "PXM")]),
    ("La crise des années 1970 revient.", JUN, "fr", []),
]


@pytest.mark.parametrize(
    ("text", "published", "language", "expected"), ROUND_TWO, ids=[c[0][:50] for c in ROUND_TWO]
)
def test_future_reference_periods_and_sets(
    text: str, published: dt.date, language: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _dates(text, published, language) == expected
