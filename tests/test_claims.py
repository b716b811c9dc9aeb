"""Claims: which sentences are check-worthy, their kind, who holds them and whether they are hedged."""

from __future__ import annotations

import pytest

from digest.extract.claims import extract_claims
from digest.models import Claim, Figure, Mention, Paragraph, Quote, Sentence, Speaker, TimeExpr
from digest.segment import split_sentences


def _doc(*blocks: str | tuple[str, str]) -> tuple[str, tuple[Sentence, ...], tuple[Paragraph, ...]]:
    """Build text, sentences and paragraphs from blocks; a block is text or (kind, text)."""
    text = ""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for block in blocks:
        kind, body = block if isinstance(block, tuple) else ("text", block)
        if text:
            text += "\n\n"
        start = len(text)
        text += body
        paragraphs.append(Paragraph(start, len(text), kind))
        if kind == "table":
            spans: list[tuple[int, int]] = []
            offset = start
            for row in body.split("\n"):
                spans.append((offset, offset + len(row)))
                offset += len(row) + 1
        else:
            spans = list(split_sentences(text, start, len(text)))
        sentences.extend(Sentence(s, e, "en", len(paragraphs) - 1) for s, e in spans)
    return text, tuple(sentences), tuple(paragraphs)


def _figure(text: str, words: str, kind: str = "money", approx: str | None = None) -> Figure:
    start = text.index(words)
    return Figure(words, start, start + len(words), 0, kind, None, None, approx=approx)  # type: ignore[arg-type]


def _claims(
    *blocks: str | tuple[str, str],
    figures: tuple[str, ...] = (),
    kinds: tuple[str, ...] = (),
    dates: tuple[str, ...] = (),
    speakers: tuple[Speaker, ...] = (),
    quotes: tuple[Quote, ...] = (),
) -> list[Claim]:
    text, sentences, paragraphs = _doc(*blocks)
    kinds = kinds or ("money",) * len(figures)
    figs = tuple(_figure(text, f, k) for f, k in zip(figures, kinds, strict=True))
    times = tuple(TimeExpr(d, text.index(d), text.index(d) + len(d), 0, "DATE", None) for d in dates)
    return list(
        extract_claims(
            text,
            sentences=sentences,
            paragraphs=paragraphs,
            figures=figs,
            dates=times,
            speakers=speakers,
            quotes=quotes,
        )
    )


def _one(sentence: str, **kwargs: object) -> Claim:
    (claim,) = _claims(sentence, **kwargs)  # type: ignore[arg-type]
    return claim


def test_claim_carries_the_sentence_offsets_and_text() -> None:
    text = "Toyota sold 10.3 million vehicles last year. Shares rose 2% in Tokyo trading on Monday."
    claims = _claims(text, figures=("10.3 million vehicles", "2%"), kinds=("count", "percent"))
    assert [c.sentence for c in claims] == [0, 1]
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
    assert claims[0].figures == (0,) and claims[1].figures == (1,)


@pytest.mark.parametrize(
    ("sentence", "figures", "kinds", "kind"),
    [
        (
            "Revenue rose 13 percent year-on-year to 31.7 billion yuan.",
            ("13 percent",),
            ("percent",),
            "statistic",
        ),
        ("The airline said it would buy 15 aircraft from Airbus.", ("15 aircraft",), ("count",), "statistic"),
        (
            "The company expects revenue to reach $10 billion next year.",
            ("$10 billion",),
            ("money",),
            "forecast",
        ),
        ("The central bank will cut its key rate next month, economists said.", (), (), "forecast"),
        ("Airbus is set to deliver its first jets to the carrier in the spring.", (), (), "forecast"),
        ("Critics say the plan is a significant risk for taxpayers.", (), (), "assessment"),
        ("Analysts argue the deal could validate the company's strategy.", (), (), "assessment"),
        (
            "Siemens announced on Tuesday that it had launched a new rail venture with Alstom.",
            (),
            (),
            "statement",
        ),
        ("Apple inked a partnership with Baidu to supply AI features in China.", (), (), "statement"),
    ],
)
def test_kind(sentence: str, figures: tuple[str, ...], kinds: tuple[str, ...], kind: str) -> None:
    assert _one(sentence, figures=figures, kinds=kinds).kind == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Some reports indicate that cloud revenue jumped by as much as 40%.",
        "The merger could close by the end of the year, the companies said.",
        "Prices may fall further as supply recovers, traders said.",
        "The drug might reduce hospital stays, according to preliminary data.",
        "The company reportedly plans to cut 2,000 jobs in Germany.",
        "Volkswagen is expected to announce the plant closures on Friday.",
        "Output rose by up to $2 billion in the quarter, estimated figures showed.",
        "The findings suggest the vaccine is safe for older adults.",
        "The unit appears to have lost market share in Europe.",
        "The potential savings are large, officials said.",
    ],
)
def test_hedged(sentence: str) -> None:
    assert _one(sentence).hedged


@pytest.mark.parametrize(
    "sentence",
    [
        "The company reported revenue of $4.2 billion for the quarter.",
        "Shares closed 3% higher in Hong Kong on May 5.",
        "The ministry said it had approved the merger after a two-year review.",
        "Prices rose by up to date measures of inflation, the agency said.",
    ],
)
def test_not_hedged(sentence: str) -> None:
    assert not _one(sentence).hedged


@pytest.mark.parametrize(
    ("sentence", "attribution"),
    [
        ("Bloomberg reported that the carmaker had raised its budget beyond $5 billion.", "Bloomberg"),
        ("Alibaba said it will scale up investment in cloud computing over the next three years.", "Alibaba"),
        (
            "Chinese tech giant Alibaba Group Holding Ltd said it will invest more in AI.",
            "Alibaba Group Holding Ltd",
        ),
        (
            "The economy is slowing, according to the International Monetary Fund.",
            "International Monetary Fund",
        ),
        ("Bain recently warned of a revenue shortfall in some AI segments.", "Bain"),
        ("Demand for chips will stay strong this year, said Nvidia.", "Nvidia"),
        ("Siemens, the German engineering group, said orders fell in the quarter.", "Siemens"),
        ("Analysts say the key metrics to watch will be cloud revenue and margins.", "analysts"),
        ("Some analysts argue that the bet is not yet paying off.", "some analysts"),
        ("Some reports indicate that revenue has jumped.", "some reports"),
        ("The industry wrestles with what critics call an AI spending bubble.", "critics"),
        ("The carmaker sold more vehicles in China than a year earlier.", None),
        ("Officials told Reuters the talks had stalled over tariffs.", "officials"),
        ("The talks have stalled, a senior EU official said on Friday.", "official"),
        ("A spokesperson for the ministry said the plan would be published in June.", "spokesperson"),
        ("Demand should recover by the summer, said an analyst at a Shanghai brokerage.", "analyst"),
        ("The person, who asked not to be named, said the deal was close.", None),
    ],
)
def test_attribution(sentence: str, attribution: str | None) -> None:
    assert _one(sentence).attribution == attribution


def test_speaker_of_a_quote_is_the_speaker_and_the_attribution() -> None:
    text = '"Demand is very strong," said Jane Smith, chief economist at ING, on Tuesday.'
    quote = Quote("Demand is very strong,", 1, 23, 0, "Jane Smith", "said", True)
    claim = _one(text, quotes=(quote,))
    assert claim.speaker == "Jane Smith"
    assert claim.attribution == "Jane Smith"


def test_named_speaker_mention_with_a_cue_is_the_attribution() -> None:
    text = "Vice President Kaifu Zhang told reporters Thursday that the investments are breaking even."
    start = text.index("Kaifu Zhang")
    speaker = Speaker("Kaifu Zhang", mentions=(Mention(start, start + len("Kaifu Zhang")),))
    claim = _one(text, speakers=(speaker,))
    assert claim.attribution == "Kaifu Zhang"
    assert claim.speaker is None


def test_figures_and_dates_are_indexes_of_the_items_in_the_sentence() -> None:
    text = "Sales fell in March. Revenue rose 8 percent to 280 billion yuan in the October-December period."
    claims = _claims(
        text,
        figures=("8 percent", "280 billion yuan"),
        kinds=("percent", "money"),
        dates=("March", "the October-December period"),
    )
    assert claims[1].figures == (0, 1)
    assert claims[0].dates == (0,) and claims[1].dates == (1,)


@pytest.mark.parametrize(
    "sentence",
    [
        "Do you think the strategy is the right move?",
        "What does this mean for the markets?",
        "Share your thoughts in the comments below.",
        "You may also like",
        "Leave a Comment",
        "Sign up for our newsletter to get the latest news.",
        "Prioritizing Growth Over Margins",
        "What This Means for the Tech Ecosystem",
        "The company's approach has several implications for the wider industry:",
        "reporter@example.com",
        "It rained.",
    ],
)
def test_not_a_claim(sentence: str) -> None:
    assert _claims(sentence) == []


@pytest.mark.parametrize("kind", ["heading", "section", "disclaimer"])
def test_paragraph_kinds_that_are_never_claims(kind: str) -> None:
    body = "This article is for informational purposes and Reuters said nothing about 12 percent gains."
    assert _claims((kind, body)) == []


def test_table_header_row_is_not_a_claim_but_a_row_with_a_figure_is() -> None:
    table = "Metric Value Change\nNet profit 46.4 billion yuan 333 percent\nNet Profit Decrease High Capex"
    claims = _claims(("table", table), figures=("46.4 billion yuan",))
    assert [c.text for c in claims] == ["Net profit 46.4 billion yuan 333 percent"]


def test_quoted_you_does_not_make_a_claim_address_the_reader() -> None:
    text = '"You cannot win this race without scale," the chief executive told analysts on a call.'
    assert len(_claims(text)) == 1


def test_scene_setting_without_assertion_is_not_a_claim() -> None:
    assert _claims("the weather was warm and the room was quiet.") == []


def test_list_items_are_claims() -> None:
    body = "• Competitive Pressure: Other tech giants may be forced to follow suit, analysts said."
    (claim,) = _claims(("list", body))
    assert claim.hedged and claim.attribution == "analysts"


def test_french_sentence_with_figure_is_a_statistic() -> None:
    text = "En février 2025, Alibaba s'est engagé à investir 380 milliards de yuan dans l'IA."
    claim = _one(text, figures=("380 milliards de yuan",))
    assert claim.kind == "statistic"


def test_themes_are_left_empty() -> None:
    assert _one("Alibaba announced a new cloud region in Mexico on Monday.").themes == ()


def test_a_change_in_basis_points_is_a_statistic() -> None:
    from digest.extract.claims import extract_claims
    from digest.models import Figure, Paragraph, Sentence
    from digest.segment import split_sentences

    text = "The central bank cut its key rate by 25 basis points on Wednesday."
    sentences = tuple(Sentence(a, b, "en") for a, b in split_sentences(text))
    start = text.index("25 basis points")
    figure = Figure("25 basis points", start, start + 15, 0, "other", 25.0, "bp")
    (claim,) = extract_claims(
        text,
        sentences=sentences,
        paragraphs=(Paragraph(0, len(text)),),
        figures=(figure,),
        dates=(),
        speakers=(),
        quotes=(),
    )
    assert claim.kind == "statistic"
