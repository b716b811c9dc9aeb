"""Themes: claims matched to the themes of digest.yaml, and themes discovered without configuration."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from digest import _keyphrases as kp
from digest.config import ThemeSpec, load_config
from digest.models import Article, ArticleRecord, Claim
from digest.themes import assign_themes

ROOT = Path(__file__).resolve().parent.parent


def _record(name: str, *sentences: str) -> ArticleRecord:
    text = " ".join(sentences)
    claims: list[Claim] = []
    offset = 0
    for number, sentence in enumerate(sentences):
        claims.append(Claim(sentence, offset, offset + len(sentence), number, "statement"))
        offset += len(sentence) + 1
    return ArticleRecord(Article(name, f"{name}.md", name, text), claims=tuple(claims))


@pytest.fixture(scope="module")
def specs() -> tuple[ThemeSpec, ...]:
    return load_config(ROOT).themes


def _themes_of(sentence: str, specs: tuple[ThemeSpec, ...]) -> tuple[str, ...]:
    records, _ = assign_themes((_record("a", sentence),), specs=specs)
    return records[0].claims[0].themes


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("Alibaba said it will spend 380 billion yuan on AI and cloud infrastructure over three years.",
         "ai-and-cloud-investment"),
        ("The group raised its capital expenditure budget for data centres.", "ai-and-cloud-investment"),
        ("Preliminary testing showed a 12% increase in returns on advertising spend.", "e-commerce-returns"),
        ("Gross merchandise volume rose during the Singles Day shopping festival.", "e-commerce-returns"),
        ("Revenue from its cloud business rose 13 percent to 31.7 billion yuan.", "cloud-growth"),
        ("AI-related product revenue posted triple-digit growth for a sixth quarter.", "cloud-growth"),
        ("Shares of Alibaba jumped 8% in Hong Kong, adding billions to its market value.",
         "markets-and-investors"),
        ("Investors cheered the results and the stock closed higher.", "markets-and-investors"),
        ("Net income fell as margins came under pressure from subsidies.", "profitability-and-margins"),
        ("Rivals such as Meituan and PDD have cut prices in a bruising price war.", "competition"),
        ("Beijing regulators have eased their scrutiny of the technology sector.", "policy-and-regulation"),
        ("The tools raise privacy concerns and could cost jobs through automation.", "ethics-and-risk"),
        ("The company unveiled its Qwen 2.5-Max reasoning model for developers.", "models-and-products"),
        ("The weather in Hangzhou was mild on Thursday morning.", "other"),
    ],
)
def test_configured_theme(sentence: str, theme: str, specs: tuple[ThemeSpec, ...]) -> None:
    assert _themes_of(sentence, specs)[0] == theme


@pytest.mark.parametrize(
    ("sentence", "not_theme"),
    [
        # Whole words only: "livestock" is not "stock", "marginal" is not "margin".
        ("Livestock prices rose in the northern provinces.", "markets-and-investors"),
        ("The changes were marginal for most households.", "profitability-and-margins"),
        # "Investors" is the market's reaction, not the company's investment.
        ("Investors cheered the results on Friday.", "ai-and-cloud-investment"),
        ("The JDK release adds pattern matching.", "competition"),
    ],
)
def test_near_misses(sentence: str, not_theme: str, specs: tuple[ThemeSpec, ...]) -> None:
    assert not_theme not in _themes_of(sentence, specs)


def test_close_second_theme_is_kept(specs: tuple[ThemeSpec, ...]) -> None:
    sentence = "Higher spending on AI infrastructure lifted cloud revenue growth, the company said."
    assert set(_themes_of(sentence, specs)) == {"ai-and-cloud-investment", "cloud-growth"}


def test_plural_and_inflected_keywords_match() -> None:
    specs = (ThemeSpec("Competition", "competition", keywords=("rival", "price war")),)
    assert _themes_of("Its rivals waged price wars.", specs) == ("competition",)
    assert _themes_of("Its rival's prices fell.", specs) == ("competition",)


def test_configured_themes_keep_their_order_and_other_only_when_used(specs: tuple[ThemeSpec, ...]) -> None:
    records = (_record("a", "Shares of the company rose 5% on Monday."),)
    _, themes = assign_themes(records, specs=specs)
    assert [t.slug for t in themes] == [s.slug for s in specs]
    _, themes = assign_themes((_record("a", "The weather was mild on Thursday morning."),), specs=specs)
    assert themes[-1].slug == "other" and not themes[-1].discovered


def test_records_are_new_and_otherwise_unchanged(specs: tuple[ThemeSpec, ...]) -> None:
    records = (_record("a", "Shares of the company rose 5% on Monday.", "Rivals cut prices."),)
    out, _ = assign_themes(records, specs=specs)
    assert records[0].claims[0].themes == ()
    assert out[0].article is records[0].article
    assert [c.text for c in out[0].claims] == [c.text for c in records[0].claims]


def test_theme_without_keywords_matches_its_name() -> None:
    specs = (ThemeSpec("Battery supply", "battery-supply"),)
    assert _themes_of("Battery costs fell again.", specs) == ("battery-supply",)


# A story none of the configured themes know about: an electric-car maker, five outlets.
_STORY = [
    (
        "reuters",
        "Volta Motors said battery supply from its Nevada plant would double next year.",
        "Battery supply shortages cut Volta deliveries by 8% in the third quarter.",
        "Workers at the Leipzig factory began a strike over pay on Monday, the union said.",
        "The strike halted production at the Leipzig factory for three days.",
        "Volta shares fell 6% in New York trading after the delivery figures.",
        "Regulators in Brussels opened a probe into Volta's autopilot software.",
    ),
    (
        "ap",
        "Volta blamed battery supply problems for the drop in deliveries.",
        "The union said the factory strike would continue until wages rise 10%.",
        "Volta shares have lost a third of their value this year, analysts noted.",
        "Volta said the autopilot software probe concerned a 2023 update.",
        "Deliveries of the Model S fell to 120,000 vehicles in the quarter.",
    ),
    (
        "bloomberg",
        "Volta is negotiating a new battery supply contract with a Korean cell maker.",
        "Investors sold Volta shares as deliveries missed estimates.",
        "The Leipzig factory strike is the first at a Volta plant, the union said.",
        "Analysts expect deliveries to recover once battery supply improves.",
        "The autopilot software probe could lead to a recall, people familiar said.",
    ),
    (
        "lemonde",
        "Volta's Leipzig factory strike entered its second week on Tuesday.",
        "Volta shares slid again on Wednesday as the strike dragged on.",
        "The Brussels autopilot probe covers 400,000 vehicles sold in Europe.",
        "Volta said battery supply from Nevada would ease the shortage by spring.",
    ),
    (
        "cnbc",
        "Volta deliveries are expected to rise in the fourth quarter, the company said.",
        "Short sellers have bet against Volta shares since the summer.",
        "The union called the factory strike a last resort after talks failed.",
        "Volta's chief executive said the autopilot software is safe.",
        "The company's board met on Thursday to discuss the strike and deliveries.",
    ),
]


def _story() -> tuple[ArticleRecord, ...]:
    return tuple(_record(name, *sentences) for name, *sentences in _STORY)


def _labels(records: tuple[ArticleRecord, ...]) -> dict[str, tuple[str, ...]]:
    return {claim.text: claim.themes for record in records for claim in record.claims}


def test_discovered_themes_group_the_story() -> None:
    records, themes = assign_themes(_story(), specs=())
    names = [theme.name.lower() for theme in themes]
    assert 3 <= len([t for t in themes if t.slug != "other"]) <= 10
    assert all(theme.discovered for theme in themes)
    # The company's name is in most claims: it is the story, not a theme.
    assert not any(name == "volta" for name in names)
    labels = _labels(records)
    strike = {labels[text] for text in labels if "strike" in text}
    battery = {labels[text] for text in labels if "battery supply" in text}
    assert len({theme for label in strike for theme in label} & {label[0] for label in strike}) >= 1
    assert not {label[0] for label in strike} & {label[0] for label in battery}
    slugs = {theme.slug for theme in themes}
    assert all(set(label) <= slugs for label in labels.values())
    assert len(slugs) == len(themes)


def test_discovery_is_deterministic_and_independent_of_input_order() -> None:
    first = assign_themes(_story(), specs=())
    assert assign_themes(_story(), specs=()) == first
    rng = random.Random(7)
    for _ in range(5):
        shuffled = []
        for record in _story():
            claims = list(record.claims)
            rng.shuffle(claims)
            shuffled.append(ArticleRecord(record.article, claims=tuple(claims)))
        rng.shuffle(shuffled)
        records, themes = assign_themes(tuple(shuffled), specs=())
        assert themes == first[1]
        assert _labels(records) == _labels(first[0])


def test_discovery_on_no_claims_gives_no_themes() -> None:
    assert assign_themes((), specs=()) == ((), ())
    empty = (ArticleRecord(Article("a", "a.md", "a", "")),)
    assert assign_themes(empty, specs=()) == (empty, ())


def test_stem_and_phrases() -> None:
    assert kp.stem("rivals") == kp.stem("rival")
    assert kp.stem("pricing") == kp.stem("prices") == kp.stem("priced")
    assert kp.stem("investments") == kp.stem("investment")
    assert kp.stem("investors") != kp.stem("investment")
    phrases = kp.candidate_phrases("The Leipzig factory strike halted production, the union said.")
    assert ("leipzig", "factory", "strik") in phrases
    assert ("union",) in phrases and ("said",) not in phrases and ("the",) not in phrases


@pytest.fixture(scope="module")
def seed_records(seed_article: Callable[[str], Article]) -> tuple[ArticleRecord, ...]:
    for module in ("digest.extract.figures", "digest.extract.dates", "digest.extract.speakers"):
        pytest.importorskip(module)
    extract_record = getattr(pytest.importorskip("digest.extract"), "extract_record", None)
    if extract_record is None:
        pytest.skip("digest.extract has no extract_record yet")
    return tuple(extract_record(seed_article(number)) for number in ("000", "001", "002", "003", "004"))


@pytest.mark.parametrize(
    ("fragment", "theme"),
    [
        ("showing a 12% boost in advertising returns", "e-commerce-returns"),
        ("would spend 380 billion yuan ($53 billion)", "ai-and-cloud-investment"),
        ("revenue from its cloud business rose 13 percent", "cloud-growth"),
        ("AI-related cloud revenue has jumped by as much as 40%", "cloud-growth"),
        ("Shares of Alibaba jumped in double-digit intraday trading", "markets-and-investors"),
        ("profit margins are now “secondary”", "profitability-and-margins"),
        ("competition from domestic rivals such as PDD Holdings and JD", "competition"),
        ("Regulatory risk also persists", "policy-and-regulation"),
        ("raises important questions about privacy, data governance", "ethics-and-risk"),
        ("it has unveiled its latest AI model, Qwen 2.5-Max", "models-and-products"),
    ],
)
def test_seed_claims_land_in_their_configured_theme(
    seed_records: tuple[ArticleRecord, ...], specs: tuple[ThemeSpec, ...], fragment: str, theme: str
) -> None:
    records, _ = assign_themes(seed_records, specs=specs)
    (claim,) = [c for r in records for c in r.claims if fragment in c.text]
    assert theme in claim.themes


def test_few_seed_claims_are_left_to_other(
    seed_records: tuple[ArticleRecord, ...], specs: tuple[ThemeSpec, ...]
) -> None:
    records, _ = assign_themes(seed_records, specs=specs)
    claims = [c for r in records for c in r.claims]
    assert sum(c.themes == ("other",) for c in claims) <= 0.15 * len(claims)
    used = {slug for c in claims for slug in c.themes}
    assert {s.slug for s in specs} <= used


def test_seed_themes_discovered_without_configuration(seed_records: tuple[ArticleRecord, ...]) -> None:
    records, themes = assign_themes(seed_records, specs=())
    named = [t for t in themes if t.slug != "other"]
    assert 4 <= len(named) <= 10
    # "Alibaba" and "AI" are in most claims: they are the story, not themes.
    assert not any(t.name.lower() in {"alibaba", "ai"} for t in named)
    claims = [c for r in records for c in r.claims]
    assert sum(c.themes == ("other",) for c in claims) <= 0.3 * len(claims)
    assert assign_themes(tuple(reversed(seed_records)), specs=())[1] == themes


def test_discovery_counts_every_claim_of_a_repeated_sentence() -> None:
    # Ten outlets running one wire sentence make its subject a theme: support counts claims, not texts.
    wire = "Volta opened a research centre in Austin to design batteries."
    repeated = tuple(_record(f"wire{n}", wire, "Volta shares fell again on Friday.") for n in range(10))
    records, themes = assign_themes(_story() + repeated, specs=())
    labels = {claim.themes for record in records for claim in record.claims if claim.text == wire}
    assert len(labels) == 1
    (label,) = labels
    assert any("research centre" in theme.name.lower() for theme in themes if theme.slug == label[0])


def test_themed_claims_keep_every_other_field(specs: tuple[ThemeSpec, ...]) -> None:
    claim = Claim(
        "Shares rose 5%, analysts said.", 3, 33, 1, "statistic", "analysts", "said", True, (0,), (1,)
    )
    record = ArticleRecord(Article("a", "a.md", "a", "..." + claim.text), claims=(claim, claim))
    out, _ = assign_themes((record,), specs=specs)
    assert out[0].claims == (replace(claim, themes=("markets-and-investors",)),) * 2
