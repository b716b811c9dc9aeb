"""Facts across sources, conflicts, people and the timeline, on hand-made records."""

from __future__ import annotations

import datetime as dt

from digest.facts import measure_tokens
from digest.models import Article, ArticleRecord, Figure, Quote, Sentence, Speaker, TimeExpr
from digest.synthesize import synthesize


def _record(
    art_id: str,
    text: str,
    figures: tuple[Figure, ...] = (),
    *,
    published: dt.datetime | None = None,
    speakers: tuple[Speaker, ...] = (),
    quotes: tuple[Quote, ...] = (),
    dates: tuple[TimeExpr, ...] = (),
) -> ArticleRecord:
    article = Article(
        id=art_id,
        path=f"articles/{art_id}.md",
        title=art_id,
        text=text,
        published=published,
        sentences=(Sentence(0, len(text), "en"),),
    )
    return ArticleRecord(article, figures, dates, speakers, quotes, ())


def _fig(
    text: str,
    value: float | None,
    unit: str | None,
    measure: str | None,
    *,
    kind: str = "money",
    approx: str | None = None,
    equivalent: int | None = None,
    sentence: int = 0,
) -> Figure:
    return Figure(text, 0, len(text), sentence, kind, value, unit, approx, equivalent, measure)  # type: ignore[arg-type]


def test_same_figure_in_two_articles_is_one_fact_with_two_sources() -> None:
    a = _record(
        "a",
        "x",
        (
            _fig("380 billion yuan", 380e9, "CNY", "AI and cloud infrastructure"),
            _fig("$53 billion", 53e9, "USD", "AI and cloud infrastructure", equivalent=0),
        ),
    )
    b = _record("b", "y", (_fig("380 milliards de yuan", 380e9, "CNY", None),))
    digest = synthesize((a, b), themes=())
    (fact,) = digest.facts
    assert fact.unit == "CNY" and fact.value == 380e9
    assert {s.article for s in fact.sources} == {"a", "b"}
    assert fact.equivalents == ("$53 billion",)


def test_lower_bound_matches_the_exact_figure_through_a_stated_conversion() -> None:
    a = _record(
        "a",
        "x",
        (
            _fig("380 billion yuan", 380e9, "CNY", "AI investment"),
            _fig("$53 billion", 53e9, "USD", "AI investment", equivalent=0),
        ),
    )
    b = _record("b", "y", (_fig("over $50 billion", 50e9, "USD", "AI investment", approx="over"),))
    (fact,) = synthesize((a, b), themes=()).facts
    assert len(fact.sources) == 3


def test_same_percentage_of_different_measures_does_not_merge() -> None:
    a = _record("a", "x", (_fig("12%", 12, "%", "returns on advertising spend", kind="percent"),))
    b = _record("b", "y", (_fig("12%", 12, "%", "market share in cloud", kind="percent"),))
    digest = synthesize((a, b), themes=())
    assert len(digest.facts) == 2
    assert digest.conflicts == ()


def test_same_measure_different_values_is_a_conflict() -> None:
    a = _record("a", "x", (_fig("13%", 13, "%", "cloud revenue growth", kind="percent"),))
    b = _record("b", "y", (_fig("40%", 40, "%", "cloud revenue growth", kind="percent"),))
    digest = synthesize((a, b), themes=())
    (conflict,) = digest.conflicts
    assert [f.value for f in conflict.facts] == [13, 40]


def test_rounding_is_not_a_conflict() -> None:
    a = _record("a", "x", (_fig("$38.63 billion", 38.63e9, "USD", "revenue"),))
    b = _record("b", "y", (_fig("$38.6 billion", 38.6e9, "USD", "revenue"),))
    digest = synthesize((a, b), themes=())
    assert len(digest.facts) == 1 and digest.conflicts == ()


def test_upper_bound_does_not_merge_with_an_exact_value() -> None:
    a = _record("a", "x", (_fig("12%", 12, "%", "ad returns", kind="percent"),))
    b = _record("b", "y", (_fig("as much as 12%", 12, "%", "ad returns", kind="percent", approx="up to"),))
    assert len(synthesize((a, b), themes=()).facts) == 2


def test_measure_tokens_ignore_stopwords_and_plurals() -> None:
    assert measure_tokens("the returns on advertising spend") == measure_tokens("return advertising spending")


def test_people_merge_across_articles() -> None:
    zhang = Speaker("Kaifu Zhang", "Vice President", "Alibaba", aliases=("Zhang",))
    a = _record(
        "a",
        "It is rare, Zhang said.",
        speakers=(zhang,),
        quotes=(Quote("It is rare", 0, 10, 0, "Kaifu Zhang", "said", True),),
    )
    b = _record("b", "Kaifu Zhang said so.", speakers=(Speaker("Kaifu Zhang", "vice president", None),))
    anon = Speaker("a portfolio manager", anonymous=True)
    c = _record("c", "z", speakers=(anon,))
    d = _record("d", "z", speakers=(anon,))
    people = synthesize((a, b, c, d), themes=()).people
    zhang_p = people[0]
    assert zhang_p.name == "Kaifu Zhang" and zhang_p.articles == ("a", "b")
    assert zhang_p.roles == ("Vice President",)  # the same role in other case is not repeated
    assert len(zhang_p.quotes) == 1
    assert len([p for p in people if p.anonymous]) == 2  # anonymous sources are never merged


def test_timeline_orders_dated_events_and_separates_undated_articles() -> None:
    pub = dt.datetime(2025, 2, 21, tzinfo=dt.UTC)
    a = _record(
        "a",
        "late on Thursday",
        published=pub,
        dates=(TimeExpr("Thursday", 8, 16, 0, "DATE", "2025-02-20", True),),
    )
    b = _record(
        "b",
        "in February 2025 and last year",
        dates=(
            TimeExpr("February 2025", 3, 16, 0, "DATE", "2025-02"),
            TimeExpr("last year", 21, 30, 0, "DATE", None),
        ),
    )
    digest = synthesize((a, b), themes=())
    assert [e.value for e in digest.timeline] == ["2025-02", "2025-02-20"]
    assert [e.text for e in digest.undated] == ["last year"]
    assert digest.timeline[1].sentence_text == "late on Thursday"


def test_one_word_measures_are_not_called_conflicts() -> None:
    a = _record("a", "x", (_fig("8 percent", 8, "%", "revenue", kind="percent"),))
    b = _record("b", "y", (_fig("20%", 20, "%", "revenue", kind="percent"),))
    assert synthesize((a, b), themes=()).conflicts == ()


def test_a_summary_in_another_language_restates_the_same_figure() -> None:
    from digest.models import Article, Sentence

    text = "Une hausse de 12 %. A 12% increase in returns."
    article = Article(
        id="a",
        path="a.md",
        title="a",
        text=text,
        sentences=(Sentence(0, 19, "fr"), Sentence(20, len(text), "en")),
    )
    figs = (
        _fig("12 %", 12, "%", "efficacité des dépenses", kind="percent"),
        _fig("12%", 12, "%", "returns", kind="percent", sentence=1),
    )
    record = ArticleRecord(article, figs)
    other = _record("b", "z", (_fig("12%", 12, "%", "returns", kind="percent"),))
    facts = synthesize((record, other), themes=()).facts
    assert len(facts) == 1 and len(facts[0].sources) == 3


def test_the_same_bound_on_a_large_amount_is_one_fact_whatever_the_wording() -> None:
    a = _record(
        "a",
        "x",
        (
            _fig("$50 billion", 50e9, "USD", "ai budget", approx="over"),
            _fig("$50 billion-plus", 50e9, "USD", "commitment", approx="over", sentence=1),
        ),
    )
    assert len(synthesize((a,), themes=()).facts) == 1


def test_small_or_differently_bounded_amounts_need_the_same_measure() -> None:
    a = _record("a", "x", (_fig("$5", 5, "USD", "ticket price"),))
    b = _record("b", "y", (_fig("$5", 5, "USD", "lunch"),))
    c = _record("c", "z", (_fig("$50 billion", 50e9, "USD", "budget", approx="over"),))
    d = _record("d", "w", (_fig("$50 billion", 50e9, "USD", "losses", approx="under"),))
    assert len(synthesize((a, b, c, d), themes=()).facts) == 4


def test_large_sums_in_one_sentence_join_only_through_another_source() -> None:
    a = _record(
        "a",
        "x",
        (_fig("$60 billion", 60e9, "USD", "capital spending"), _fig("$60.3 billion", 60.3e9, "USD", "sales")),
    )
    assert len(synthesize((a,), themes=()).facts) == 2
    b = _record("b", "y", (_fig("$60.1 billion", 60.1e9, "USD", "orders"),))
    (fact,) = synthesize((a, b), themes=()).facts
    assert len(fact.sources) == 3


def test_similar_measures_join_across_rounded_values_but_not_within_a_sentence() -> None:
    a = _record(
        "a",
        "x",
        (
            _fig("31.7%", 31.7, "%", "cloud revenue", kind="percent"),
            _fig("31.8%", 31.8, "%", "cloud revenue growth", kind="percent"),
        ),
    )
    assert len(synthesize((a,), themes=()).facts) == 2
    b = _record("b", "y", (_fig("31.75%", 31.75, "%", "revenue of the cloud unit", kind="percent"),))
    assert len(synthesize((a, b), themes=()).facts) == 1


def test_people_keep_the_first_spelling_and_each_speaker_their_own_quotes() -> None:
    quotes = (
        Quote("We are ready", 0, 12, 0, "Eddie Wu", "said", True),
        Quote("It is early", 13, 24, 0, "Joe Tsai", "said", True),
        Quote("Demand is strong", 25, 41, 0, "Eddie Wu", "said", True),
    )
    a = _record(
        "a",
        "We are ready It is early Demand is strong",
        speakers=(Speaker("Eddie Wu", "CEO", "Alibaba"), Speaker("Joe Tsai", "Chairman", "Alibaba")),
        quotes=quotes,
    )
    b = _record("b", "z", speakers=(Speaker("eddie wu", "ceo", "ALIBABA"),))
    people = {p.key: p for p in synthesize((a, b), themes=()).people}
    wu = people["eddie-wu"]
    assert wu.name == "Eddie Wu" and wu.roles == ("CEO",) and wu.organizations == ("Alibaba",)
    assert wu.articles == ("a", "b")
    assert [q.text for q in wu.quotes] == ["We are ready", "Demand is strong"]
    assert [q.text for q in people["joe-tsai"].quotes] == ["It is early"]


def test_a_person_named_index_does_not_take_the_people_index_page() -> None:
    from digest.synthesize import person_key

    assert person_key("Index", anonymous=False, article="a") != "index"
