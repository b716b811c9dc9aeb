"""Tests for the sentence splitter on wire-style literals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.segment import split_sentences


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Revenue rose 3.5% to $38.63 billion. Profit tripled.",
         ["Revenue rose 3.5% to $38.63 billion.", "Profit tripled."]),
        ("Alibaba Group Holding Ltd. said it would invest more. Shares rose.",
         ["Alibaba Group Holding Ltd. said it would invest more.", "Shares rose."]),
        ("Apple Inc. and Nvidia Corp. gained.", ["Apple Inc. and Nvidia Corp. gained."]),
        ("Mr. Xu and Dr. Wang met Gen. Li on Jan. 5 in St. Louis.",
         ["Mr. Xu and Dr. Wang met Gen. Li on Jan. 5 in St. Louis."]),
        ("J. Smith and J.K. Rowling spoke.", ["J. Smith and J.K. Rowling spoke."]),
        ("Listings in the U.S. Hyperscalers spent more.", ["Listings in the U.S. Hyperscalers spent more."]),
        ("It listed in the U.S. The shares fell.", ["It listed in the U.S.", "The shares fell."]),
        ("It sold its stake in Acme Inc. The deal closed Friday.",
         ["It sold its stake in Acme Inc.", "The deal closed Friday."]),
        ("It ranked No. 1 in China. Rivals lagged.", ["It ranked No. 1 in China.", "Rivals lagged."]),
        ("The meeting ended at 5 p.m. on Friday.", ["The meeting ended at 5 p.m. on Friday."]),
        ("Will it last? Nobody knows! Maybe.", ["Will it last?", "Nobody knows!", "Maybe."]),
        ("Growth slowed… Then it recovered.", ["Growth slowed…", "Then it recovered."]),
    ],
)
def test_abbreviations_decimals_and_initials(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_quotation_spanning_sentences_is_not_split() -> None:
    text = "“It rose. Then it fell,” he said. Analysts agreed."
    assert split(text) == ["“It rose. Then it fell,” he said.", "Analysts agreed."]


def test_straight_quotation_spanning_sentences_is_not_split() -> None:
    text = '"We are confident. The demand is real," Wu said on Thursday. The stock rose.'
    assert split(text) == ['"We are confident. The demand is real," Wu said on Thursday.', "The stock rose."]


def test_sentence_ending_inside_quotation_marks() -> None:
    text = "He said: “This is not hype.” Investors cheered."
    assert split(text) == ["He said: “This is not hype.”", "Investors cheered."]


def test_unbalanced_quote_does_not_swallow_the_paragraph() -> None:
    text = "“Prices rose. " + "Demand grew. " * 120 + "End."
    assert len(split(text)) > 100


def test_chinese_full_stops_split_without_spaces() -> None:
    assert split("阿里巴巴表示将加大投资。股价上涨。") == ["阿里巴巴表示将加大投资。", "股价上涨。"]


def test_lowercase_after_full_stop_does_not_split() -> None:
    assert split("The approx. figure was revised.") == ["The approx. figure was revised."]


def test_offsets_are_into_the_given_range() -> None:
    text = "Intro.\n\nFirst one. Second one.\n\nOutro."
    start = text.index("First")
    end = text.index("\n\nOutro")
    spans = split_sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Ab .,?!“”\"'3\n")), max_size=120))
def test_spans_are_ordered_trimmed_and_cover_all_words(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        last = e
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())
