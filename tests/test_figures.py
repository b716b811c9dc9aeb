"""Figures in wire-style sentences: money, percentages, counts, quantities and what is never a figure."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.extract.figures import extract_figures
from digest.models import Figure, Sentence
from digest.segment import split_sentences


def _figures(text: str, language: str = "en") -> tuple[Figure, ...]:
    sentences = tuple(Sentence(start, end, language) for start, end in split_sentences(text))
    return extract_figures(text, sentences=sentences)


def _one(text: str, language: str = "en") -> Figure:
    figures = _figures(text, language)
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


@pytest.mark.parametrize(
    ("sentence", "figure", "value", "unit"),
    [
        ("The company said it would invest $53 billion over three years.", "$53 billion", 53e9, "USD"),
        (
            "Alibaba plans to spend 380 billion yuan on cloud infrastructure.",
            "380 billion yuan",
            380e9,
            "CNY",
        ),
        ("The startup raised US$1.2bn in its latest funding round.", "US$1.2bn", 1.2e9, "USD"),
        ("The fine of €10m was upheld by the court on appeal.", "€10m", 10e6, "EUR"),
        ("The Hong Kong unit posted sales of HK$ 10.05 billion.", "HK$ 10.05 billion", 10.05e9, "HKD"),
        ("The club paid £3.4 million for the midfielder.", "£3.4 million", 3.4e6, "GBP"),
        ("The state will spend Rs 500 crore on new roads.", "Rs 500 crore", 5e9, "INR"),
        ("Tokyo-based SoftBank lost ¥1.2 trillion in the quarter.", "¥1.2 trillion", 1.2e12, "JPY"),
        ("The deal is worth 2.3 trillion won, people familiar said.", "2.3 trillion won", 2.3e12, "KRW"),
        ("Exports rose to 4.5 billion euros last year.", "4.5 billion euros", 4.5e9, "EUR"),
        ("Temasek put S$500 million into the fund.", "S$500 million", 500e6, "SGD"),
        ("The miner earned A$2.1 billion in the half.", "A$2.1 billion", 2.1e9, "AUD"),
        ("The bank set aside 12 billion rupees for bad loans.", "12 billion rupees", 12e9, "INR"),
        ("The retailer reported net income of 46.43 billion yuan.", "46.43 billion yuan", 46.43e9, "CNY"),
        ("The group booked $1,250 in fees per customer.", "$1,250", 1250, "USD"),
        ("It sold bonds worth 600 million Hong Kong dollars.", "600 million Hong Kong dollars", 600e6, "HKD"),
        ("The ministry earmarked RMB 20 billion for chips.", "RMB 20 billion", 20e9, "CNY"),
        ("Turnover reached USD 3.2 million in March.", "USD 3.2 million", 3.2e6, "USD"),
        ("The lender agreed to pay $5k to each claimant.", "$5k", 5e3, "USD"),
    ],
)
def test_money_has_a_full_value_and_an_iso_currency(
    sentence: str, figure: str, value: float, unit: str
) -> None:
    found = _one(sentence)
    assert (found.text, found.kind, found.value, found.unit) == (figure, "money", pytest.approx(value), unit)


def test_yen_sign_means_yuan_when_the_story_speaks_of_yuan() -> None:
    found = _figures("Sales rose to ¥12 billion. The yuan weakened against the dollar.")
    assert found[0].unit == "CNY"


@pytest.mark.parametrize(
    ("sentence", "figure", "value"),
    [
        ("Net profit rose 12% in the third quarter.", "12%", 12),
        ("Le chômage a reculé de 0,3 point et la croissance atteint 12 %.", "12 %", 12),
        ("Net income surged 333 percent year-on-year.", "333 percent", 333),
        ("Revenue rose 8 per cent, the company said.", "8 per cent", 8),
        ("Preliminary testing showed a 12% boost in advertising returns.", "12%", 12),
        ("The index gained 1.25 percent on Friday.", "1.25 percent", 1.25),
        ("Inflation eased to 2.4 pct in May, data showed.", "2.4 pct", 2.4),
    ],
)
def test_percentages(sentence: str, figure: str, value: float) -> None:
    found = _one(sentence, "fr" if "chômage" in sentence else "en")
    assert (found.text, found.kind, found.value, found.unit) == (figure, "percent", value, "%")


def test_percentage_points_and_basis_points_keep_their_own_units() -> None:
    figures = _figures("The Fed raised rates by 25 basis points; the jobless rate fell 0.2 percentage point.")
    assert [(f.text, f.kind, f.value, f.unit) for f in figures] == [
        ("25 basis points", "other", 25, "bp"),
        ("0.2 percentage point", "other", 0.2, "pp"),
    ]


@pytest.mark.parametrize(
    ("sentence", "language", "figure", "value", "unit"),
    [
        ("The central bank cut its key rate by 50 basis points to 3.75%.", "en", "50 basis points", 50, "bp"),
        ("Ten-year yields rose 6 basis points on Friday.", "en", "6 basis points", 6, "bp"),
        ("The spread widened by 12bps over the week.", "en", "12bps", 12, "bp"),
        ("Bond yields climbed 15 bp after the data.", "en", "15 bp", 15, "bp"),
        ("Unemployment rose by one percentage point in the quarter.", "en", "one percentage point", 1, "pp"),
        ("Its market share slipped 2.5pp in a year.", "en", "2.5pp", 2.5, "pp"),
        ("La BCE a relevé ses taux de 25 points de base jeudi.", "fr", "25 points de base", 25, "bp"),
        ("Le chômage a reculé de 0,3 point de pourcentage.", "fr", "0,3 point de pourcentage", 0.3, "pp"),
    ],
)
def test_a_change_in_points_is_a_figure_but_not_a_percentage(
    sentence: str, language: str, figure: str, value: float, unit: str
) -> None:
    found = next(f for f in _figures(sentence, language) if f.unit in {"bp", "pp"})
    assert (found.text, found.kind, found.value, found.unit) == (figure, "other", pytest.approx(value), unit)


def test_a_rate_cut_in_points_keeps_the_new_rate_as_a_percentage() -> None:
    figures = _figures("The central bank cut its key rate by 50 basis points to 3.75%.")
    assert [(f.text, f.kind, f.unit) for f in figures] == [
        ("50 basis points", "other", "bp"),
        ("3.75%", "percent", "%"),
    ]


def test_a_company_called_bp_is_not_basis_points() -> None:
    assert [f.unit for f in _figures("The group will buy 40 BP petrol stations in Ohio.")] != ["bp"]


@pytest.mark.parametrize(
    ("sentence", "figure", "approx"),
    [
        ("Cloud revenue has jumped by as much as 40%, some reports said.", "40%", "up to"),
        ("The share price has surged roughly 60 percent over the past month.", "60 percent", "about"),
        ("Alibaba committed to invest over $50 billion in AI.", "$50 billion", "over"),
        ("Orders rose by more than 20% in the period.", "20%", "over"),
        ("Alibaba has boosted AI spending past $50 billion.", "$50 billion", "over"),
        ("Analysts expect the $50 billion-plus commitment to pay off.", "$50 billion-plus", "over"),
        ("The project will cost nearly $2 billion, officials said.", "$2 billion", "under"),
        ("Output fell almost 3 percent from a year earlier.", "3 percent", "under"),
        ("The startup is valued at under $1 billion.", "$1 billion", "under"),
        ("Fewer than 10 percent of users opted out.", "10 percent", "under"),
        ("Sales grew about 7% in the quarter.", "7%", "about"),
        ("The deal values the group at around $4.5 billion.", "$4.5 billion", "about"),
        ("Some 300 employees will lose their jobs.", "300 employees", "about"),
        ("At least 12 people were killed in the blast.", "12 people", "at least"),
        ("The company could cut up to 1,000 jobs, Reuters reported.", "1,000 jobs", "up to"),
        ("Le groupe a levé plus de 2 milliards d'euros.", "2 milliards d'euros", "over"),
    ],
)
def test_approximations_are_recorded_but_left_out_of_the_text(
    sentence: str, figure: str, approx: str
) -> None:
    found = _one(sentence, "fr" if "groupe" in sentence else "en")
    assert (found.text, found.approx) == (figure, approx)


def test_vague_amounts_have_no_value_but_keep_the_currency() -> None:
    found = _one("The rally added tens of billions of dollars in market value.")
    assert (found.text, found.kind, found.value, found.unit, found.approx) == (
        "tens of billions of dollars",
        "money",
        None,
        "USD",
        "tens of",
    )
    found = _one("Companies have poured hundreds of billions into artificial intelligence.")
    assert (found.kind, found.value, found.unit, found.approx) == ("money", None, None, "hundreds of")
    found = _one("Thousands of workers marched through the capital.")
    assert (found.text, found.kind, found.unit, found.approx) == (
        "Thousands of workers",
        "count",
        "workers",
        "thousands of",
    )


@pytest.mark.parametrize(
    ("sentence", "figure", "unit"),
    [
        ("Couriers expect to handle 160 billion for the year, up from 132 billion.", "160 billion", None),
        ("The carrier expects to deliver 4 billion this year.", "4 billion", None),
    ],
)
def test_a_bare_large_number_with_no_money_word_is_a_count(sentence: str, figure: str, unit: None) -> None:
    figures = _figures(sentence)
    assert (figures[0].text, figures[0].kind, figures[0].unit) == (figure, "count", unit)
    assert all(f.kind == "count" for f in figures)


@pytest.mark.parametrize(
    ("sentence", "figure", "unit"),
    [
        ("The state has spent 40 billion on the programme since 2019.", "40 billion", None),
        ("The takeover values the group at 12 billion, people familiar said.", "12 billion", None),
        ("Governments have poured hundreds of billions into chip plants.", "hundreds of billions", None),
        ("Sales reached $4.1 billion, up from 3.6 billion a year earlier.", "3.6 billion", "USD"),
        ("Its debt stood at 2.3 trillion yen, against 1.9 trillion in March.", "1.9 trillion", "JPY"),
    ],
)
def test_a_bare_large_number_is_money_when_the_sentence_says_so(
    sentence: str, figure: str, unit: str | None
) -> None:
    found = next(f for f in _figures(sentence) if f.text == figure)
    assert (found.kind, found.unit) == ("money", unit)


def test_a_vague_large_number_with_no_money_word_is_a_count() -> None:
    found = _one("The universe holds hundreds of billions, astronomers say.")
    assert (found.kind, found.value, found.unit, found.approx) == ("count", None, None, "hundreds of")


@pytest.mark.parametrize(
    ("sentence", "figure", "kind", "unit", "approx"),
    [
        ("The outage could cost the airline several million dollars.", "several million dollars", "money",
         "USD", "several"),
        ("Brussels will spend a few billion euros on grids.", "a few billion euros", "money", "EUR", "a few"),
        ("The repairs will cost several million, the mayor said.", "several million", "money", None,
         "several"),
        ("Several thousand workers walked out on Monday.", "Several thousand workers", "count", "workers",
         "several"),
        ("A few hundred protesters gathered outside.", "A few hundred protesters", "count", "protesters",
         "a few"),
    ],
)
def test_several_and_a_few_state_an_amount_without_a_value(
    sentence: str, figure: str, kind: str, unit: str | None, approx: str
) -> None:
    found = _one(sentence)
    got = (found.text, found.kind, found.value, found.unit, found.approx)
    assert got == (figure, kind, None, unit, approx)


def test_few_without_an_article_is_not_an_amount() -> None:
    assert _figures("Few million-dollar homes sold this spring.") == ()


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("MANILA (Reuters) - The carrier will refund up to 3,000 pesos per ticket.", "PHP"),
        ("Filipino workers sent home more than 10,000 pesos a month on average.", "PHP"),
        ("MEXICO CITY (AP) - The fine is 50,000 pesos.", "MXN"),
        ("Chile's central bank printed 2 billion pesos. Inflation eased.", "CLP"),
        ("In Buenos Aires, a coffee now costs 4,500 pesos.", "ARS"),
        ("Colombian farmers earn 900,000 pesos a month.", "COP"),
        ("The ticket costs 200 pesos.", None),
        ("Exports to Mexico rose. In Manila, a ride costs 50 pesos.", "PHP"),
        ("MANILA - Remittances from Mexico were paid in 400 Mexican pesos.", "MXN"),
    ],
)
def test_pesos_are_the_peso_of_the_country_in_the_story(text: str, unit: str | None) -> None:
    found = next(f for f in _figures(text) if f.text.endswith("pesos"))
    assert (found.kind, found.unit) == ("money", unit)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (
            "The lender will pay a dividend of 30 Hong Kong cents a share, down from 45 cents.",
            [("30 Hong Kong cents", 0.30, "HKD"), ("45 cents", 0.45, "HKD")],
        ),
        (
            "Shares closed at HK$4.12. The final dividend is 12 cents.",
            [("HK$4.12", 4.12, "HKD"), ("12 cents", 0.12, "HKD")],
        ),
        (
            "The miner earned A$1.2 billion. It will pay 60 cents a share.",
            [("A$1.2 billion", 1.2e9, "AUD"), ("60 cents", 0.60, "AUD")],
        ),
        ("Gasoline rose 9 cents a gallon.", [("9 cents", 0.09, "USD")]),
        ("The fare rose 20 euro cents.", [("20 euro cents", 0.20, "EUR")]),
        (
            "The bank earned 5 billion yuan. Its shares rose 8 cents in New York.",
            [("5 billion yuan", 5e9, "CNY"), ("8 cents", 0.08, "USD")],
        ),
    ],
)
def test_cents_take_the_currency_of_the_last_dollar_or_euro_amount(
    text: str, figures: list[tuple[str, float, str]]
) -> None:
    got = [(f.text, f.value, f.unit) for f in _figures(text) if f.kind == "money"]
    assert got == [(t, pytest.approx(v), u) for t, v, u in figures]


@pytest.mark.parametrize(
    ("sentence", "approx"),
    [
        ("The cloud business returned to double-digit growth.", "double-digit"),
        ("AI product revenue achieved triple-digit growth for the sixth straight quarter.", "triple-digit"),
        ("Margins are expected to expand in the single-digit range.", "single-digit"),
    ],
)
def test_digit_bands_are_percentages_without_a_value(sentence: str, approx: str) -> None:
    found = _one(sentence)
    assert (found.kind, found.value, found.unit, found.approx) == ("percent", None, "%", approx)


@pytest.mark.parametrize(
    ("sentence", "figure", "low", "high", "unit"),
    [
        ("The economy will grow between 3 and 4 percent this year.", "between 3 and 4 percent", 3, 4, "%"),
        ("Economists see growth of 3-4% next year.", "3-4%", 3, 4, "%"),
        ("The stake could fetch $1 billion to $2 billion.", "$1 billion to $2 billion", 1e9, 2e9, "USD"),
        ("The unit may be sold for 1 to 2 billion euros.", "1 to 2 billion euros", 1e9, 2e9, "EUR"),
        ("Between 10 and 20 workers were trapped.", "Between 10 and 20 workers", 10, 20, "workers"),
    ],
)
def test_ranges_give_the_low_value_and_the_high_one(
    sentence: str, figure: str, low: float, high: float, unit: str
) -> None:
    found = _one(sentence)
    assert (found.text, found.value, found.value_max, found.unit) == (figure, low, high, unit)


def test_a_change_from_one_value_to_another_is_two_figures() -> None:
    figures = _figures("The jobless rate rose from 3.5% to 3.9% in May.")
    assert [(f.text, f.value_max) for f in figures] == [("3.5%", None), ("3.9%", None)]


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        ("Annual season tickets will go up by £312 to £4,890, the operator said.", "£312", "£4,890"),
        ("Fares rose from £95 to £120 over five years.", "£95", "£120"),
        ("Inflation eased 0.4% to 2.6% in March.", "0.4%", "2.6%"),
        ("The index fell 120 points to 7,450 points on Monday.", "120 points", "7,450 points"),
        ("The dividend was cut by $0.10 to $0.45 a share.", "$0.10", "$0.45"),
    ],
)
def test_a_change_then_the_level_reached_is_two_figures(sentence: str, first: str, second: str) -> None:
    figures = _figures(sentence)
    assert [(f.text, f.value_max) for f in figures] == [(first, None), (second, None)]


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Prices are expected to rise by 3 to 5 percent next year.", "3 to 5 percent"),
        ("The bank expects inflation of 2% to 3% in 2026.", "2% to 3%"),
        ("Tickets will cost £20 to £35 each.", "£20 to £35"),
    ],
)
def test_a_range_stays_a_range_when_no_change_is_stated(sentence: str, figure: str) -> None:
    assert _one(sentence).text == figure


def test_a_percent_change_then_a_new_level_is_two_figures() -> None:
    figures = _figures("Revenue rose 5 percent year-on-year to 136.1 billion yuan during the period.")
    assert [(f.text, f.kind) for f in figures] == [("5 percent", "percent"), ("136.1 billion yuan", "money")]


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        ("It will spend 380 billion yuan ($53 billion) on AI.", "380 billion yuan", "$53 billion"),
        (
            "Revenue was 280.15 billion yuan ($38.63 billion) in the quarter.",
            "280.15 billion yuan",
            "$38.63 billion",
        ),
        (
            "The fund holds 2 trillion yen, or about $13.5 billion, in bonds.",
            "2 trillion yen",
            "$13.5 billion",
        ),
        (
            "Il investira 380 milliards de yuans (53 milliards de dollars) dans l'IA.",
            "380 milliards de yuans",
            "53 milliards de dollars",
        ),
    ],
)
def test_a_converted_amount_points_to_the_amount_it_restates(sentence: str, first: str, second: str) -> None:
    figures = _figures(sentence, "fr" if "Il " in sentence else "en")
    assert [f.text for f in figures] == [first, second]
    assert figures[1].equivalent == 0
    assert figures[0].equivalent is None


def test_equivalent_indexes_count_every_figure_of_the_article() -> None:
    figures = _figures("Sales rose 8%. The group will spend 380 billion yuan ($53 billion) on AI.")
    assert figures[2].equivalent == 1


def test_two_amounts_in_the_same_currency_are_not_restatements() -> None:
    figures = _figures("Profit was $3 billion ($2 billion a year earlier).")
    assert figures[1].equivalent is None


@pytest.mark.parametrize(
    ("sentence", "figure", "value", "unit"),
    [
        ("The airline ordered 15 aircraft from Airbus.", "15 aircraft", 15, "aircraft"),
        (
            "The city has painted 7,731 zebra crossings since 2019.",
            "7,731 zebra crossings",
            7731,
            "zebra crossings",
        ),
        (
            "The group will focus on three business categories.",
            "three business categories",
            3,
            "business categories",
        ),
        ("The app now has 1.2 million users in Europe.", "1.2 million users", 1.2e6, "users"),
        ("The plant employs more than 300 employees.", "300 employees", 300, "employees"),
        ("Police arrested twenty-five protesters on Sunday.", "twenty-five protesters", 25, "protesters"),
        ("Two analysts said the plan was credible.", "Two analysts", 2, "analysts"),
        ("The model was trained on 14.8 trillion tokens.", "14.8 trillion tokens", 14.8e12, "tokens"),
        ("Some 2,000 people attended the rally.", "2,000 people", 2000, "people"),
        ("Le groupe va supprimer 1 200 emplois en France.", "1 200 emplois", 1200, "emplois"),
    ],
)
def test_counts_of_things_name_what_is_counted(sentence: str, figure: str, value: float, unit: str) -> None:
    found = _one(sentence, "fr" if "Le groupe" in sentence else "en")
    assert (found.text, found.kind, found.value, found.unit) == (figure, "count", value, unit)


@pytest.mark.parametrize(
    ("sentence", "figure", "value", "unit"),
    [
        ("The solar farm will produce 3.5 gigawatts of power.", "3.5 gigawatts", 3.5, "GW"),
        ("The mill shipped 500 tonnes of steel last week.", "500 tonnes", 500, "t"),
        ("The village lies 10 km from the border.", "10 km", 10, "km"),
        ("Output reached 2 million barrels per day.", "2 million barrels per day", 2e6, "bpd"),
        ("The chips are made on a 3nm process.", "3nm", 3, "nm"),
    ],
)
def test_quantities_with_units_are_other(sentence: str, figure: str, value: float, unit: str) -> None:
    found = _one(sentence)
    assert (found.text, found.kind, found.value, found.unit) == (figure, "other", value, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "Alibaba announced the plan in 2025.",
        "The plan was first published in 2017 and runs to 2030.",
        "The fiscal year 2024-25 ended in March.",
        "For the quarter ending on Dec 31, sales were flat.",
        "The meeting was held on 15 March in Geneva.",
        "Trading resumed at 10:30 a.m. local time.",
        "The market closed at 4 pm on Friday.",
        "It unveiled Qwen 2.5-Max, which beat GPT-4o and DeepSeek's V3.",
        "Apple will ship the iPhone 16 in September.",
        "A Boeing 737 MAX was grounded.",
        "The company reported results for the sixth consecutive quarter.",
        "It was the 21st straight month of growth.",
        "The plan will run over the next three years.",
        "Prices have risen over the past decade.",
        "Sarah Chen 3 min read",
        "Discussion (0 Comments)",
        "0/5000 characters",
        "Alibaba is one of the largest cloud providers in Asia.",
        "A single chip can cost more than a car.",
        "The team is ranked No. 1 in the league.",
        "See page 12 for details.",
        "Section 230 shields platforms from liability.",
        "Call +1 212 555 0100 for details.",
        "The service runs 24/7.",
        "The 55-year-old executive joined in 2015.",
        "The COVID-19 pandemic hit sales.",
        "It signed a five-year contract.",
        "Shares of the company rose on Thursday.",
        "Article 5 of the treaty applies.",
        "He scored in the 3-1 win.",
        "Founded in 1999, the company now has offices worldwide.",
        "Les résultats ont été publiés en février 2025.",
        "Au cours des trois prochaines années, le groupe va investir.",
    ],
)
def test_never_a_figure(sentence: str) -> None:
    language = "fr" if sentence.startswith(("Les ", "Au ")) else "en"
    assert [f.text for f in _figures(sentence, language)] == []


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        (
            "Testing showed a consistent 12% increase in returns on advertising spend.",
            "12%",
            "returns on advertising spend",
        ),
        ("Alibaba reported revenue of 280.15 billion yuan in the quarter.", "280.15 billion yuan", "revenue"),
        (
            "Revenue from its cloud business rose 13 percent year-on-year.",
            "13 percent",
            "revenue from its cloud business",
        ),
        ("The company's share price has surged roughly 60 percent this month.", "60 percent", "share price"),
        (
            "It would spend 380 billion yuan over three years on AI and cloud infrastructure.",
            "380 billion yuan",
            "ai and cloud infrastructure spending",
        ),
        ("Net income reached 46.43 billion yuan, the company said.", "46.43 billion yuan", "net income"),
        (
            "AI-related cloud revenue has jumped by as much as 40%, reports said.",
            "40%",
            "ai-related cloud revenue",
        ),
        (
            "Bain warned of an $800 billion revenue shortfall for AI firms.",
            "$800 billion",
            "revenue shortfall",
        ),
        (
            "The rally added tens of billions of dollars in market value.",
            "tens of billions of dollars",
            "market value",
        ),
        ("Alibaba has raised its AI budget beyond $50 billion.", "$50 billion", "ai budget"),
        ("Exports fell 4.5% in October, customs data showed.", "4.5%", "exports"),
        ("Alibaba's cloud business has returned to double-digit growth.", "double-digit", "cloud business"),
        (
            "Une augmentation de 12 % de l'efficacité des dépenses publicitaires.",
            "12 %",
            "efficacité des dépenses publicitaires",
        ),
    ],
)
def test_measure_names_what_the_figure_measures(sentence: str, figure: str, measure: str) -> None:
    language = "fr" if sentence.startswith("Une ") else "en"
    found = [f for f in _figures(sentence, language) if f.text == figure]
    assert found and found[0].measure == measure


def test_a_figure_restating_a_change_takes_the_measure_of_the_first() -> None:
    figures = _figures(
        "Alibaba reported revenue of 280.15 billion yuan ($38.63 billion), an increase of 8 percent, "
        "with net income reaching 46.43 billion yuan, surging 333 percent year-on-year."
    )
    assert [(f.text, f.measure) for f in figures] == [
        ("280.15 billion yuan", "revenue"),
        ("$38.63 billion", "revenue"),
        ("8 percent", "revenue"),
        ("46.43 billion yuan", "net income"),
        ("333 percent", "net income"),
    ]


def test_measure_is_none_when_the_sentence_names_nothing() -> None:
    assert _one("It was 12%.").measure is None


def test_figures_carry_offsets_and_sentence_indexes() -> None:
    text = "Sales rose 8%. Profit hit $2 billion."
    figures = _figures(text)
    assert [(text[f.start : f.end], f.sentence) for f in figures] == [("8%", 0), ("$2 billion", 1)]


def test_sentences_in_french_read_comma_decimals_and_spaced_thousands() -> None:
    figures = _figures("Le chiffre d'affaires a atteint 1 234,5 millions d'euros, en hausse de 3,5 %.", "fr")
    assert [(f.text, f.value, f.unit) for f in figures] == [
        ("1 234,5 millions d'euros", pytest.approx(1234.5e6), "EUR"),
        ("3,5 %", 3.5, "%"),
    ]


def test_empty_text_and_no_sentences() -> None:
    assert extract_figures("", sentences=()) == ()
    assert extract_figures("Sales rose 8%.", sentences=()) == ()


def test_cents_and_pence_are_hundredths() -> None:
    figures = _figures("Brent crude rose 54 cents, or 0.7%, to $74.12 a barrel. The shares fell 12 pence.")
    assert [(f.text, f.kind, f.value, f.unit) for f in figures] == [
        ("54 cents", "money", pytest.approx(0.54), "USD"),
        ("0.7%", "percent", 0.7, "%"),
        ("$74.12", "money", 74.12, "USD"),
        ("12 pence", "money", pytest.approx(0.12), "GBP"),
    ]
    assert [f.measure for f in figures[:3]] == ["brent crude", "brent crude", "brent crude"]


def test_counted_nouns_drop_comparatives_and_keep_adjectives() -> None:
    figures = _figures("It will hire 10,000 more teachers and reach 900 million monthly active users.")
    assert [(f.text, f.unit) for f in figures] == [
        ("10,000 more teachers", "teachers"),
        ("900 million monthly active users", "monthly active users"),
    ]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("Shares closed down 3.45% in Hong Kong.", "shares"),
        ("Spending on AI data centers could reach $5.2 trillion by 2030.", "spending on ai data centers"),
        ("Japan's economy grew at an annualised 2.9% in the quarter.", "economy"),
        ("The trade deficit narrowed to $78.3 billion in August.", "trade deficit"),
        ("The bank expects inflation of 2% to 3% in 2026.", "inflation"),
        ("Amazon will invest $10 billion in Ohio data centers through 2029.", "ohio data centers investment"),
    ],
)
def test_measure_in_wire_phrasings(sentence: str, measure: str) -> None:
    assert _figures(sentence)[0].measure == measure


def test_a_price_per_unit_is_measured_by_its_subject_not_by_the_unit() -> None:
    assert _one("Oil traded at $74.12 a barrel.").measure == "oil"
    assert _one("It was $74.12 a barrel.").measure is None


@pytest.mark.parametrize(
    ("sentence", "figure", "value", "unit"),
    [
        ("Le groupe a dégagé un bénéfice de 1,5 Md€ sur l'exercice.", "1,5 Md€", 1.5e9, "EUR"),
        ("L'Etat investira 300 M€ dans le réseau.", "300 M€", 300e6, "EUR"),
        ("Le ticket coûte désormais 12 € en moyenne.", "12 €", 12, "EUR"),
        ("Le chiffre d'affaires a atteint 3,5 milliards d'euros.", "3,5 milliards d'euros", 3.5e9, "EUR"),
    ],
)
def test_french_amounts_with_the_symbol_after_the_number(
    sentence: str, figure: str, value: float, unit: str
) -> None:
    found = _one(sentence, "fr")
    assert (found.text, found.kind, found.value, found.unit) == (figure, "money", pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("sentence", "figure", "value", "unit"),
    [
        ("The company raised USD1.2bn from investors.", "USD1.2bn", 1.2e9, "USD"),
        ("It borrowed RMB500 million from banks.", "RMB500 million", 500e6, "CNY"),
        ("The state set aside Rs1,200 crore for roads.", "Rs1,200 crore", 12e9, "INR"),
    ],
)
def test_currency_codes_written_against_the_amount(
    sentence: str, figure: str, value: float, unit: str
) -> None:
    found = _one(sentence)
    assert (found.text, found.value, found.unit) == (figure, pytest.approx(value), unit)


def test_a_range_with_the_currency_on_both_ends() -> None:
    found = _one("The listing could raise HK$3bn-HK$4bn.")
    assert (found.text, found.value, found.value_max, found.unit) == ("HK$3bn-HK$4bn", 3e9, 4e9, "HKD")


def test_hyphenated_percentages_and_points() -> None:
    figures = _figures("It was a 1.2-percentage-point drop and a 5-percent rise in wages.")
    assert [(f.text, f.value, f.unit, f.measure) for f in figures] == [
        ("1.2-percentage-point", 1.2, "pp", None),
        ("5-percent", 5, "%", "wages"),
    ]


def test_a_count_after_a_fronted_date_is_still_a_count() -> None:
    assert _one("In March, 300 employees were laid off.").text == "300 employees"


def test_a_figure_followed_by_a_verb_takes_no_measure_from_it() -> None:
    assert _one("Officials said Rs1,200 crore went to roads.").measure is None


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        (
            "Selon l'Insee, le taux de chômage a atteint 7,4 % au troisième trimestre.",
            "7,4 %",
            "taux de chômage",
        ),
        (
            "La dette publique dépasse désormais 3 300 milliards d'euros.",
            "3 300 milliards d'euros",
            "dette publique",
        ),
        ("Les prix ont augmenté de 2,3 % sur un an en octobre.", "2,3 %", "prix"),
        ("Emmanuel Macron a annoncé un plan de 109 milliards d'euros.", "109 milliards d'euros", "plan"),
        (
            "Le chiffre d'affaires a progressé de 5 % à 12,3 milliards d'euros.",
            "12,3 milliards d'euros",
            "chiffre d'affaires",
        ),
    ],
)
def test_measure_in_le_monde_phrasings(sentence: str, figure: str, measure: str) -> None:
    found = [f for f in _figures(sentence, "fr") if f.text == figure]
    assert found and found[0].measure == measure


def test_french_counts_skip_pronouns() -> None:
    figures = _figures("Le groupe a supprimé 1 500 postes et prévoit d'en supprimer 300 autres.", "fr")
    assert [f.text for f in figures] == ["1 500 postes"]


def test_a_counted_noun_may_carry_capitals_inside() -> None:
    assert _one("Apple sold 231.8 million iPhones in fiscal 2024.").unit == "iPhones"


_TOKENS = [
    "$53 billion",
    "380 billion yuan",
    "(",
    ")",
    "12%",
    "12 %",
    "between",
    "and",
    "to",
    "-",
    "over",
    "about",
    "2025",
    "Dec 31",
    "three",
    "years",
    "aircraft",
    "the",
    "a",
    "of",
    "tens of billions",
    "of dollars",
    "HK$",
    "1,234.5",
    "1 234,5",
    "GPT-4o",
    "V3",
    "Qwen 2.5-Max",
    "double-digit",
    "growth",
    "rose",
    "revenue",
    "€10m",
    "Rs",
    "crore",
    "percent",
    ",",
    ".",
    "fell",
    "milliards",
    "de",
    "dollars",
    "per cent",
    "-plus",
    "0/5000",
]


@given(st.lists(st.sampled_from(_TOKENS), max_size=30), st.sampled_from(["en", "fr"]))
@settings(max_examples=300, deadline=None)
def test_any_token_soup_gives_well_formed_figures(tokens: list[str], language: str) -> None:
    text = " ".join(tokens)
    figures = _figures(text, language)
    assert [f.start for f in figures] == sorted(f.start for f in figures)
    for index, figure in enumerate(figures):
        assert text[figure.start : figure.end] == figure.text
        assert figure.kind in {"money", "percent", "count", "other"}
        assert figure.equivalent is None or 0 <= figure.equivalent < index
        assert figure.value_max is None or figure.value is None or figure.value <= figure.value_max
        if index:
            assert figures[index - 1].end <= figure.start


@pytest.mark.parametrize(
    ("sentence", "figure", "value", "unit"),
    [
        ("ACCRA (Reuters) - Each family was paid 51,660 cedis.", "51,660 cedis", 51660, "GHS"),
        ("The government set aside 5 billion cedis for roads.", "5 billion cedis", 5e9, "GHS"),
        ("Ghana's central bank sold GH₵2.5 billion of bills.", "GH₵2.5 billion", 2.5e9, "GHS"),
        ("Lagos state will spend ₦1.2 trillion on transport.", "₦1.2 trillion", 1.2e12, "NGN"),
        ("Eskom needs 254 billion rand from the Treasury.", "254 billion rand", 254e9, "ZAR"),
        ("The loan to Addis Ababa is worth 10.5 billion birr.", "10.5 billion birr", 10.5e9, "ETB"),
        ("Aramco paid 30 billion riyals in dividends.", "30 billion riyals", 30e9, "SAR"),
        ("Turkey's deficit widened to 1.2 trillion lira.", "1.2 trillion lira", 1.2e12, "TRY"),
        ("Poland will spend 40 billion zlotys on defence.", "40 billion zlotys", 40e9, "PLN"),
        ("Hungary fined the bank 2 billion forints.", "2 billion forints", 2e9, "HUF"),
        ("The Czech deficit reached 280 billion koruna.", "280 billion koruna", 280e9, "CZK"),
        ("Sweden's Riksbank lost 80 billion kronor.", "80 billion kronor", 80e9, "SEK"),
        ("Equinor earned 30 billion Norwegian crowns.", "30 billion Norwegian crowns", 30e9, "NOK"),
        ("Petronas posted a profit of 80 billion ringgit.", "80 billion ringgit", 80e9, "MYR"),
        ("Bangladesh's budget is 7.97 trillion taka.", "7.97 trillion taka", 7.97e12, "BDT"),
        ("Ukraine allots 1.7 trillion hryvnias to defence.", "1.7 trillion hryvnias", 1.7e12, "UAH"),
        ("Russia's deficit hit 3 trillion roubles.", "3 trillion roubles", 3e12, "RUB"),
        ("Petrobras will invest R$ 100 billion in oil.", "R$ 100 billion", 100e9, "BRL"),
        ("Maybank raised RM5 billion from the sale.", "RM5 billion", 5e9, "MYR"),
        ("Pertamina will borrow Rp 15 trillion this year.", "Rp 15 trillion", 15e12, "IDR"),
        ("The lira deal is worth TRY 2 billion, bankers said.", "TRY 2 billion", 2e9, "TRY"),
        ("Safaricom paid KSh 300 million in dividends.", "KSh 300 million", 300e6, "KES"),
        ("The fund paid Dh500 million for the tower.", "Dh500 million", 500e6, "AED"),
        ("A litre costs ₴40 in Kyiv.", "₴40", 40, "UAH"),
    ],
)
def test_currencies_of_africa_the_gulf_europe_and_asia(
    sentence: str, figure: str, value: float, unit: str
) -> None:
    found = _one(sentence)
    assert (found.text, found.kind, found.value, found.unit) == (figure, "money", pytest.approx(value), unit)


def test_currency_symbols_before_the_amount() -> None:
    figures = _figures("Prices are ₹50, ₩1,000, ₫20,000, ₱500, ₺45, ₽90, NZ$2 and C$3.")
    assert [f.unit for f in figures] == ["INR", "KRW", "VND", "PHP", "TRY", "RUB", "NZD", "CAD"]


def test_a_currency_code_that_spells_a_word_is_read_only_in_capitals() -> None:
    assert _figures("Try 5 times, he said. They were mad 2 days.") == ()


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("NAIROBI (Reuters) - The Treasury plans to borrow 500 billion shillings.", "KES"),
        ("Uganda's budget was 72 trillion shillings this year.", "UGX"),
        ("The budget was 72 trillion shillings this year.", None),
        ("In Dubai, the developer sold homes worth 3 billion dirhams.", "AED"),
        ("Morocco's plan costs 12 billion dirhams, the minister said.", "MAD"),
        ("Qatar's fund invested 5 billion riyals, it said.", "QAR"),
        ("Copenhagen-based Orsted lost 20 billion kroner.", "DKK"),
        ("Sri Lanka's central bank said imports cost 500 billion rupees.", "LKR"),
        ("KARACHI (Reuters) - The utility lost Rs 50 billion last year.", "PKR"),
        ("The state will spend Rs 500 crore on new roads.", "INR"),
    ],
)
def test_shared_currency_names_are_those_of_the_country_in_the_story(text: str, unit: str | None) -> None:
    assert _one(text).unit == unit


@pytest.mark.parametrize(
    ("sentence", "figure", "kind", "value"),
    [
        ("The Centre will spend ₹1.9 lakh crore on subsidies.", "₹1.9 lakh crore", "money", 1.9e12),
        ("The state will spend Rs 500 crore on new roads.", "Rs 500 crore", "money", 5e9),
        ("Maruti sold 3.5 lakh units in the quarter.", "3.5 lakh units", "count", 3.5e5),
        ("The scheme pays ₹12 lakh to each family.", "₹12 lakh", "money", 1.2e6),
        ("It sets aside 2.5 lakh crore rupees for defence.", "2.5 lakh crore rupees", "money", 2.5e12),
    ],
)
def test_indian_numbering_stacks_lakh_and_crore(sentence: str, figure: str, kind: str, value: float) -> None:
    found = _one(sentence)
    assert (found.text, found.kind, found.value) == (figure, kind, pytest.approx(value))


@pytest.mark.parametrize(
    ("sentence", "figure", "value", "unit"),
    [
        ("A jury found him guilty on one count of wire fraud.", "one count", 1, "count"),
        ("One person was killed in the blast, police said.", "One person", 1, "person"),
        ("Two other former executives were charged.", "Two other former executives", 2, "former executives"),
        ("Kane has scored 18 Premier League goals.", "18 Premier League goals", 18, "Premier League goals"),
        ("A group of eight OPEC+ countries agreed.", "eight OPEC+ countries", 8, "OPEC+ countries"),
        ("Four Republican senators oppose it.", "Four Republican senators", 4, "Republican senators"),
        ("Two of the sources said the talks had stalled.", "Two of the sources", 2, "sources"),
        ("Initial jobless claims rose to 263,000 last week.", "263,000", 263000, "jobless claims"),
    ],
)
def test_counts_with_named_modifiers_partitives_and_implied_nouns(
    sentence: str, figure: str, value: float, unit: str
) -> None:
    found = _one(sentence)
    assert (found.text, found.kind, found.value, found.unit) == (figure, "count", value, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "Apple will release the iPhone 16 next month.",
        "Airlines said Boeing 737 deliveries resumed in May.",
        "One of the sources declined to comment.",
        "In one case, the court ruled for the tenant.",
        "No one was hurt, and the one man who fled was caught.",
        "Prices rose to 263 in March.",
        "He met officials at 3 Inc. offices.",
    ],
)
def test_no_count_is_read_from_product_names_idioms_or_uncounted_subjects(sentence: str) -> None:
    assert [f for f in _figures(sentence) if f.kind == "count"] == []


@pytest.mark.parametrize(
    ("text", "language", "figure", "value", "unit"),
    [
        ("Le groupe supprimera 12 000 emplois, dont 8 400 en France.", "fr", "8 400", 8400, "emplois"),
        ("Il supprime 12\u202f000 emplois, dont 8\u202f400 en France.", "fr", "8\u202f400", 8400, "emplois"),
        ("Il supprime 12\u2009000 emplois, dont 8\u2009400 en France.", "fr", "8\u2009400", 8400, "emplois"),
        ("It will launch 2,800 units this year, down from 3,500 in 2024.", "en", "3,500", 3500, "units"),
        ("The firm hired 300 workers, compared with 250 a year earlier.", "en", "250", 250, "workers"),
    ],
)
def test_a_bare_number_in_the_terms_of_the_count_before_it(
    text: str, language: str, figure: str, value: float, unit: str
) -> None:
    found = _figures(text, language)[-1]
    assert (found.text, found.kind, found.value, found.unit) == (figure, "count", value, unit)
