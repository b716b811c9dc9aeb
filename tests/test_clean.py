"""Tests for the cleaner: boilerplate rules on wire-style literals, paragraph kinds, and the seeds' gold."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.clean import clean_article
from digest.models import Article, SourceDoc

GOLD = yaml.safe_load((Path(__file__).parent / "gold" / "clean.yaml").read_text(encoding="utf-8"))
ARTICLES = Path(__file__).resolve().parent.parent / "articles"
WIDGET_REASONS = {
    "share widget", "listen widget", "comment widget", "related links", "ai persona", "social embed caption",
    "call to comment", "byline", "dateline", "avatar initials", "contact address", "generated article marker",
}


def clean(
    body: str, *, title: str = "Untitled", author: str | None = None, language: str | None = None
) -> Article:
    doc = SourceDoc(id="t", path="t.md", title=title, body=body, author=author, language=language)
    return clean_article(doc)


def reasons(article: Article) -> list[tuple[str, str]]:
    return [(r.text, r.reason) for r in article.removed]


def paragraphs(article: Article) -> list[tuple[str, str]]:
    return [(article.text[p.start : p.end], p.kind) for p in article.paragraphs]


def sentences(article: Article) -> list[str]:
    return [article.text[s.start : s.end] for s in article.sentences]


# --- widgets and page furniture -------------------------------------------------------------------------

def test_bloomberg_style_widgets_are_removed() -> None:
    body = (
        "Listen to this article (3 min)\n\nShare this article\n\n"
        "Tencent Holdings Ltd. posted a 12% rise in quarterly revenue on Wednesday.\n\n"
        "Most Read from Bloomberg\n"
    )
    art = clean(body)
    assert art.text == "Tencent Holdings Ltd. posted a 12% rise in quarterly revenue on Wednesday."
    assert [r for _, r in reasons(art)] == ["listen widget", "share widget", "related links"]
    assert art.flags == ("boilerplate_removed",)


def test_comment_box_and_counters_are_removed() -> None:
    body = (
        "Shares of BYD fell 3.5% in Hong Kong.\n"
        "Discussion (12 Comments)\n"
        "Leave a Reply\n"
        "0/2000 characters\n"
        "Comments are moderated before they appear.\n"
        "Facebook Twitter LinkedIn Email\n"
    )
    art = clean(body)
    assert art.text == "Shares of BYD fell 3.5% in Hong Kong."
    assert [r for _, r in reasons(art)] == ["comment widget"] * 4 + ["share widget"]


def test_you_may_also_like_block_takes_its_headline_links() -> None:
    body = (
        "The central bank held rates at 3.1%.\n\n"
        "You may also like\n\n"
        "- [Yuan slips to three-month low](https://example.com/a)\n"
        "- [Property sales slump again](https://example.com/b)\n"
    )
    art = clean(body)
    assert art.text == "The central bank held rates at 3.1%."
    assert [r for _, r in reasons(art)] == ["related links"] * 3


def test_read_more_line_goes_but_a_real_section_after_it_stays() -> None:
    body = (
        "Exports rose 7% in March.\n\nRead more: China's exporters brace for tariffs\n\n"
        "Outlook\n\nEconomists expect growth to slow in the second half.\n"
    )
    art = clean(body)
    assert ("Outlook", "heading") in paragraphs(art)
    assert reasons(art) == [("Read more: China's exporters brace for tariffs", "related links")]


def test_social_embed_captions_are_removed() -> None:
    body = (
        "Fans queued overnight outside the Shanghai store.\n"
        "From Instagram — related to Apple, Shanghai store opening\n"
        "View this post on Instagram\n"
        "A post shared by Apple Store (@applestore)\n"
        "The company did not give sales figures.\n"
    )
    art = clean(body)
    assert "Instagram" not in art.text
    assert {r for _, r in reasons(art)} == {"social embed caption"}
    assert len(art.paragraphs) == 2


def test_reuters_furniture_headline_credits_and_standards() -> None:
    title = "China's factory activity expands for third month"
    body = (
        f"{title} | Reuters\n\n"
        "BEIJING, March 31 (Reuters) - China's factory activity expanded for a third straight month "
        "in March.\n\n"
        "(Reporting by Joe Cash and Ellen Zhang; Editing by Sam Holmes)\n\n"
        "Our Standards: The Thomson Reuters Trust Principles.\n"
    )
    art = clean(body, title=title)
    assert art.text.startswith("BEIJING, March 31 (Reuters) - China's factory")
    assert [r for _, r in reasons(art)] == ["repeated headline", "credits", "publisher notice"]


def test_ap_byline_dateline_and_copyright_are_removed() -> None:
    body = (
        "By JANE DOE, Associated Press\n"
        "Updated 4:12 PM EDT, October 16, 2025\n"
        "WASHINGTON (AP) — The Senate passed the bill 52-48 on Thursday.\n"
        "Copyright 2025 The Associated Press. All rights reserved.\n"
    )
    art = clean(body)
    assert art.text == "WASHINGTON (AP) — The Senate passed the bill 52-48 on Thursday."
    assert [r for _, r in reasons(art)] == ["byline", "dateline", "copyright"]


def test_byline_reading_time_and_avatar_initials() -> None:
    body = (
        "Markets\n\nChip stocks rally\n\nMaria Lopez4 min read\nPublished\nML\n\n"
        "Chip stocks rallied for a third day as demand for AI servers stayed strong.\n"
    )
    art = clean(body, title="Chip stocks rally", author="Maria Lopez")
    assert [r for _, r in reasons(art)] == [
        "section label", "repeated headline", "byline", "dateline", "avatar initials",
    ]


def test_china_daily_contact_address_is_removed() -> None:
    body = "Revenue rose 8 percent year-on-year.\nContact the writer at lihua@chinadaily.com.cn\n"
    art = clean(body)
    assert art.text == "Revenue rose 8 percent year-on-year."
    assert reasons(art) == [("Contact the writer at lihua@chinadaily.com.cn", "contact address")]


def test_le_monde_style_widgets_are_removed() -> None:
    body = (
        "Article réservé aux abonnés\n\nLire aussi | La Chine accélère dans l’IA\n\n"
        "Le groupe a annoncé un investissement de 380 milliards de yuans sur trois ans.\n\nPartager\n"
    )
    art = clean(body)
    assert art.text == "Le groupe a annoncé un investissement de 380 milliards de yuans sur trois ans."
    assert [r for _, r in reasons(art)] == ["paywall notice", "related links", "share widget"]
    assert art.language == "fr"


def test_advertisement_and_newsletter_lines_are_removed() -> None:
    body = (
        "The airline ordered 15 aircraft.\n\nAdvertisement\n\n"
        "Sign up for our daily briefing\n\nDeliveries begin in 2027.\n"
    )
    art = clean(body)
    assert art.text == "The airline ordered 15 aircraft.\n\nDeliveries begin in 2027."


def test_widget_words_inside_a_sentence_are_kept() -> None:
    body = (
        "Investors will share the losses, analysts said.\n"
        "Listen to what the market is telling you, he said.\n"
    )
    art = clean(body)
    assert not art.removed
    assert len(art.paragraphs) == 2


# --- repeats, fragments, labels ---------------------------------------------------------------------------

def test_repeated_headings_are_removed_but_the_first_is_kept() -> None:
    body = (
        "Supply Chain Strains\n\nFactories reported longer delivery times.\n\n"
        "Supply Chain Strains\nSupply Chain Strains\n\nInventories fell for a second month.\n"
    )
    art = clean(body)
    assert paragraphs(art)[0] == ("Supply Chain Strains", "heading")
    assert art.text.count("Supply Chain Strains") == 1
    assert [r for _, r in reasons(art)] == ["repeated heading", "repeated heading"]


def test_title_repeated_later_in_the_body_is_removed() -> None:
    title = "Oil prices climb on supply worries"
    body = f"Oil prices rose 2% on Monday.\n\n{title}\n\nBrent crude settled at $82.10 a barrel.\n"
    art = clean(body, title=title)
    assert reasons(art) == [(title, "repeated heading")]


def test_dangling_fragments_are_removed() -> None:
    body = (
        "Market Reaction\n\nInvestors sold the shares.\n\nBecause Nvidia\n\n"
        "Demand is strong. Because Nvidia supplies the chips, margins held.\n\nand the\n\n"
        "Sales rose.\n"
    )
    art = clean(body)
    assert [r for _, r in reasons(art)] == ["dangling fragment", "dangling fragment"]
    assert ("Market Reaction", "heading") in paragraphs(art)


def test_short_heading_before_a_paragraph_is_not_a_fragment() -> None:
    art = clean("Background\n\nThe merger was first proposed in 2023.\n")
    assert paragraphs(art)[0] == ("Background", "heading")
    assert not art.removed


def test_sections_are_kept_and_empty_ones_dropped() -> None:
    body = "Summary:\nThe company raised its forecast.\nSource:\nNotes:\n- Figures are unaudited.\n"
    art = clean(body)
    assert paragraphs(art)[0] == ("Summary:", "section")
    assert reasons(art) == [("Source:", "empty section")]
    assert ("Notes:", "section") in paragraphs(art)


# --- personas, generated text, disclaimers ----------------------------------------------------------------

def test_persona_block_and_prompt_are_removed_and_flagged() -> None:
    body = (
        "AI Reporter: Tom Baker\n"
        "Veteran markets writer specializing in commodities and emerging markets.\n"
        "View Reporter's Profile\n"
        "“You are Tom Baker, a seasoned financial journalist. Write with clarity and always cite data.”\n"
        "Copper prices hit a record on Tuesday.\n"
        "TB\n"
    )
    art = clean(body)
    assert art.text == "Copper prices hit a record on Tuesday."
    assert [r for _, r in reasons(art)] == ["ai persona"] * 4 + ["avatar initials"]
    assert "ai_persona" in art.flags
    assert any("persona" in d.message for d in art.diagnostics)


def test_prompt_without_header_is_removed() -> None:
    body = (
        '"You are an expert economics writer. Focus on: data, context. Always include figures."\n'
        "Inflation eased to 2.4% in September.\n"
    )
    art = clean(body)
    assert art.text == "Inflation eased to 2.4% in September."
    assert art.flags == ("ai_persona", "boilerplate_removed")


def test_generated_article_marker_sets_machine_generated() -> None:
    art = clean("Generated Article:\nThe retailer plans 200 new stores.\n")
    assert reasons(art) == [("Generated Article:", "generated article marker")]
    assert "machine_generated" in art.flags


def test_generation_notice_is_kept_as_disclaimer_and_flagged() -> None:
    body = "Sales rose 4%.\n\nThis article was generated with the help of AI and reviewed by an editor.\n"
    art = clean(body)
    assert paragraphs(art)[1][1] == "disclaimer"
    assert "machine_generated" in art.flags
    assert "has_disclaimer" in art.flags


def test_disclaimers_are_kept_as_their_own_kind() -> None:
    body = (
        "Bitcoin rose 5% to $68,000.\n\n"
        "Disclaimer: This article is for informational purposes only and does not constitute "
        "investment advice.\n"
    )
    art = clean(body)
    assert paragraphs(art)[1][1] == "disclaimer"
    assert art.flags == ("has_disclaimer",)
    assert not art.removed


def test_call_to_comment_is_removed() -> None:
    body = (
        "The merger still needs regulatory approval.\n\n"
        "What do you think of the deal? Let us know in the comments section below.\n"
    )
    art = clean(body)
    assert [r for _, r in reasons(art)] == ["call to comment"]


# --- Markdown and HTML ------------------------------------------------------------------------------------

def test_markdown_inline_markup_is_stripped() -> None:
    body = (
        "## Earnings beat\n\n"
        "**Alibaba** said [revenue](https://example.com/r) rose *8 percent* to `280.15 billion` yuan, "
        "the _fastest_ pace in a year.\n"
    )
    art = clean(body)
    assert paragraphs(art) == [
        ("Earnings beat", "heading"),
        ("Alibaba said revenue rose 8 percent to 280.15 billion yuan, the fastest pace in a year.", "text"),
    ]


def test_markdown_does_not_eat_arithmetic_or_identifiers() -> None:
    art = clean("The 2*3 grid and the snake_case_name stay, as does 5 * 4 = 20.\n")
    assert art.text == "The 2*3 grid and the snake_case_name stay, as does 5 * 4 = 20."


def test_html_tags_are_stripped_and_scripts_never_kept() -> None:
    body = (
        "<p>The <b>yuan</b> weakened &amp; bonds rallied.</p>\n"
        "<script>alert('x')</script>\n"
        "<!-- tracking pixel -->\n"
        "<p>Traders cited <a href=\"https://x\">weak data</a>.</p>\n"
    )
    art = clean(body)
    assert art.text == "The yuan weakened & bonds rallied.\n\nTraders cited weak data."
    assert [r for _, r in reasons(art)] == ["hidden html", "hidden html"]
    assert "alert" not in art.text


def test_images_and_link_definitions_are_removed() -> None:
    body = "![Factory floor](https://img.example.com/a.jpg)\n\nOutput rose 6%.\n\n[1]: https://example.com\n"
    art = clean(body)
    assert art.text == "Output rose 6%."
    assert [r for _, r in reasons(art)] == ["image", "link reference"]


def test_hard_wrapped_markdown_paragraphs_are_joined_with_spaces() -> None:
    body = (
        "The company said on Thursday that it would spend more than\n"
        "it had planned on data centres over the next three years, as\n"
        "demand for cloud services keeps growing faster than expected.\n"
        "\n"
        "Analysts said the plan was ambitious but that the balance sheet\n"
        "could carry it without new borrowing for at least two years.\n"
    )
    art = clean(body)
    assert art.text.count("\n") == 2
    assert len(art.paragraphs) == 2
    assert art.text.startswith("The company said on Thursday that it would spend more than it had planned")


def test_one_paragraph_per_line_bodies_keep_each_line() -> None:
    body = "First paragraph ends here.\nSecond paragraph ends here.\nThird paragraph ends here.\n"
    art = clean(body)
    expected = "First paragraph ends here.\n\nSecond paragraph ends here.\n\nThird paragraph ends here."
    assert art.text == expected


def test_lowercase_line_continues_a_broken_sentence() -> None:
    art = clean("The ministry said prices would\nrise again next month.\n")
    assert art.text == "The ministry said prices would rise again next month."


# --- paragraph kinds ----------------------------------------------------------------------------------------

def test_lists_are_their_own_paragraphs_and_sentences() -> None:
    body = "Key points:\n• Revenue rose 8%\n• Net income tripled\n1. Cloud grew 13%\n"
    art = clean(body)
    assert [k for _, k in paragraphs(art)] == ["section", "list", "list", "list"]
    assert sentences(art)[1:] == ["Revenue rose 8%", "Net income tripled", "Cloud grew 13%"]


def test_plain_text_table_is_detected_and_each_row_is_a_sentence() -> None:
    body = (
        "Results were mixed.\n\n"
        "Segment Revenue Change\nCloud 31.7 billion yuan Up 13 percent\n"
        "Commerce 136.1 billion yuan Up 5 percent\nLogistics 28.8 billion yuan Down 1 percent\n\n"
        "The shares rose.\n"
    )
    art = clean(body)
    kinds = [k for _, k in paragraphs(art)]
    assert kinds == ["text", "table", "text"]
    table = art.paragraphs[1]
    rows = [art.text[s.start : s.end] for s in art.sentences if s.paragraph == 1]
    assert rows[0] == "Segment Revenue Change" and len(rows) == 4
    assert art.text[table.start : table.end].count("\n") == 3


def test_pipe_table_cells_are_joined() -> None:
    body = "| Quarter | Revenue |\n|---|---|\n| Q4 | 280.15 |\n| Q3 | 236.5 |\n"
    art = clean(body)
    assert paragraphs(art) == [("Quarter | Revenue\nQ4 | 280.15\nQ3 | 236.5", "table")]


# --- languages ----------------------------------------------------------------------------------------------

def test_paragraph_languages_and_mixed_flag() -> None:
    body = (
        "Résumé :\n"
        "Le géant chinois du commerce électronique a annoncé jeudi une hausse de 12 % de ses revenus "
        "publicitaires grâce à l’intelligence artificielle.\n"
        "The Chinese e-commerce giant said on Thursday that artificial intelligence lifted advertising "
        "returns by 12%, and that it expects more gains during the shopping festival.\n"
        "Shares rose 3% in Hong Kong trading after the announcement on Thursday afternoon.\n"
    )
    art = clean(body)
    assert [p.language for p in art.paragraphs][1:] == ["fr", "en", "en"]
    assert "mixed_language" in art.flags
    assert art.language == "en"
    assert all(s.language == art.paragraphs[s.paragraph].language for s in art.sentences)


def test_front_matter_language_is_kept_but_paragraphs_still_detected() -> None:
    body = "Die Aktie stieg am Donnerstag um drei Prozent, nachdem das Unternehmen seine Prognose anhob.\n"
    art = clean(body, language="en")
    assert art.language == "en"
    assert art.paragraphs[0].language == "de"
    assert any("reads as 'de'" in d.message for d in art.diagnostics)


# --- invariants ---------------------------------------------------------------------------------------------

def check_invariants(art: Article) -> None:
    assert "\n\n\n" not in art.text
    assert art.text == art.text.strip()
    joined = "\n\n".join(art.text[p.start : p.end] for p in art.paragraphs)
    assert joined == art.text
    for para in art.paragraphs:
        chunk = art.text[para.start : para.end]
        assert chunk == chunk.strip() and chunk
        if para.kind != "table":
            assert "\n" not in chunk
    for sent in art.sentences:
        para = art.paragraphs[sent.paragraph]
        assert para.start <= sent.start < sent.end <= para.end
    assert list(art.flags) == sorted(art.flags)


def test_empty_body_gives_an_empty_article_with_a_warning() -> None:
    art = clean("\n\n  \n")
    assert art.text == "" and art.paragraphs == () and art.sentences == ()
    assert any("nothing is left" in d.message for d in art.diagnostics)


# --- the seeds ----------------------------------------------------------------------------------------------

SEEDS = sorted(GOLD)


@pytest.fixture(scope="module")
def seeds(seed_article: Callable[[str], Article]) -> dict[str, Article]:
    return {number: seed_article(number) for number in SEEDS}


def _raw_body(number: str) -> str:
    (path,) = sorted(ARTICLES.glob(f"{number}-*.md"))
    text = path.read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1]


@pytest.mark.parametrize("number", SEEDS)
def test_seed_matches_gold(seeds: dict[str, Article], number: str) -> None:
    art, gold = seeds[number], GOLD[number]
    check_invariants(art)
    got = [(r.text, r.reason) for r in art.removed]
    want: list[dict[str, Any]] = gold["removed"]
    assert len(got) == len(want), got
    for (text, reason), expected in zip(got, want, strict=True):
        assert text.startswith(expected["text"]) and reason == expected["reason"], (text, reason)
    for kept in gold["kept"]:
        assert kept in art.text
    for start, kind in gold.get("kinds", {}).items():
        matching = [p for p in art.paragraphs if art.text[p.start : p.end].startswith(start)]
        assert matching and matching[0].kind == kind, start
    assert list(art.flags) == gold["flags"]
    assert art.language == gold["language"]
    langs = [p.language for p in art.paragraphs]
    if gold["languages"] == ["en*"]:
        assert set(langs) == {"en"}
    else:
        assert langs == gold["languages"]


@pytest.mark.parametrize("number", SEEDS)
def test_seed_keeps_every_quotation_and_loses_every_widget_line(
    seeds: dict[str, Article], number: str
) -> None:
    art = seeds[number]
    removed_lines = {r.text for r in art.removed}
    for line in _raw_body(number).splitlines():
        if line.strip() in removed_lines:
            continue
        for quote in re.findall(r"“([^”]+)”|\"([^\"]+)\"", line):
            inner = quote[0] or quote[1]
            assert inner in art.text, inner
    for removed in art.removed:
        if removed.reason in WIDGET_REASONS:
            assert removed.text not in art.text, removed.text
    for line in art.text.split("\n"):
        assert line.strip() not in {"Share this article:", "Listen to Article", "Leave a Comment"}


def test_unbracketed_credits_and_contributor_lines_are_removed() -> None:
    body = (
        "The yen fell to a 34-year low.\n\n"
        "Reporting by Kentaro Sugiyama; Editing by Kim Coghill\n\n"
        "Associated Press writer Mari Yamaguchi contributed to this report from Tokyo.\n"
    )
    art = clean(body)
    assert art.text == "The yen fell to a 34-year low."
    assert [r for _, r in reasons(art)] == ["credits", "credits"]


def test_news_about_comments_and_more_is_kept() -> None:
    body = (
        "The regulator received 3,000 letters in the comment period.\n"
        "More on the ruling is expected next week.\n"
    )
    art = clean(body)
    assert not art.removed


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Ab c.:?#*_-•|<>[]()“”\"'@1\n\t ")), max_size=300))
def test_any_body_cleans_to_consistent_offsets(body: str) -> None:
    check_invariants(clean(body))
