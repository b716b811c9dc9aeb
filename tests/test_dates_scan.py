"""The word-level prefilter finds exactly what scanning the whole grammar everywhere finds."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.extract import _triggers, dates
from digest.extract._timex import KINDS, SCANNER, TENSE, TENSE_FR
from digest.extract.dates import extract_dates
from digest.models import Article, Sentence
from digest.segment import split_sentences
from tests.test_dates import CASES

SEEDS = ("000", "001", "002", "003", "004")


def _scan_everywhere(text: str) -> Iterator[re.Match[str]]:
    """Yield what the extractor scanned before the prefilter: SCANNER tried at every position."""
    pos = 0
    while (m := SCANNER.search(text, pos)) is not None:
        yield m
        pos = m.end()


def _spans(found: Iterator[re.Match[str]]) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in found]


def _same(text: str) -> None:
    assert _spans(_triggers.scan(text)) == _spans(_scan_everywhere(text)), text


def _texts(seed_article: Callable[[str], Article]) -> list[str]:
    return [seed_article(n).text for n in SEEDS] + [text for text, _, _ in CASES]


def test_seeds_and_cases_scan_the_same(seed_article: Callable[[str], Article]) -> None:
    for text in _texts(seed_article):
        _same(text)


def test_seed_records_are_unchanged(
    seed_article: Callable[[str], Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = [seed_article(n) for n in SEEDS]
    runs = []
    for scanner in (_triggers.scan, _scan_everywhere):
        monkeypatch.setattr(dates, "scan", scanner)
        runs.append(
            [
                extract_dates(
                    a.text, sentences=a.sentences, published=a.published.date() if a.published else None
                )
                for a in articles
            ]
        )
    assert runs[0] == runs[1]


def test_stitched_sentences_scan_the_same(seed_article: Callable[[str], Article]) -> None:
    pieces = []
    for text in _texts(seed_article):
        pieces += [text[s:e] for s, e in split_sentences(text)]
    rng = random.Random(20251016)
    glue = (" ", "\n", " — ", ", ", "; ", "' ", "’", "-", "")
    for _ in range(3000):
        chosen = rng.sample(pieces, rng.randint(1, 4))
        _same("".join(p + rng.choice(glue) for p in chosen))


# Words the grammar is built from, to make text dense in near-misses.
_SOUP = [*sorted(_triggers._VOCABULARY), "said", "shares", "billion", "%", "$53", "Mondays", "Christmastime"]
_SEPARATORS = (" ", "  ", "-", ", ", "'", "’", ". ", "\n", "/", "", "\u00a0")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([*_SOUP, "1990", "’90s", "12", "2025-02-20", "Q4", "10:30"]),
            st.sampled_from(_SEPARATORS),
        ),
        max_size=12,
    )
)
def test_word_soup_scans_the_same(soup: list[tuple[str, str]]) -> None:
    words = [(w.capitalize() if i % 3 == 0 else w) + sep for i, (w, sep) in enumerate(soup)]
    _same("".join(words))


_CONTEXT = st.sampled_from(["", " ", "said ", "the ", "in ", "x", "’", "'", "$", "1", "-", "an ", "on "])


@pytest.mark.parametrize("kind", list(KINDS))
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_generated_expressions_scan_the_same(kind: str, data: st.DataObject) -> None:
    expression = data.draw(st.from_regex(re.compile(KINDS[kind], re.IGNORECASE), fullmatch=True))
    before, after = data.draw(_CONTEXT), data.draw(_CONTEXT)
    _same(before + expression + after)
    _same(expression)


def test_tables_are_consistent() -> None:
    assert _triggers._FIRST <= _triggers._VOCABULARY
    assert _triggers._ANCHORS <= _triggers._VOCABULARY
    assert {w for w in _triggers._VOCABULARY if not w.isalpha()} == set()


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose in the Mondays of 2024 and over Christmastime.",
        "It was the ’90s, or the'90s, or in’90s.",
        "Le chiffre d'affaires a progressé l'an dernier et il y a un an, par an, cet an.",
        "An analyst said an increase was an outlier.",
        "Revenue in thisspring and lesdernières années rose.",
        "The rally on Wall Street may continue in May, and March will see a march.",
        "İstanbul officials said on Monday the ſoon report is due.",
    ],
)
def test_edge_cases_scan_the_same(text: str) -> None:
    _same(text)


def test_long_text_scans_the_same(seed_article: Callable[[str], Article]) -> None:
    text = " ".join(_texts(seed_article)) * 3
    _same(text)
    sentences = tuple(Sentence(s, e, "en") for s, e in split_sentences(text))
    assert extract_dates(text, sentences=sentences, published=None)


_TENSE_SOUP = (  # noqa: SIM905
    "will be have not to going is set due expects said told the a an self-imposed imposed ed Ed "
    "May may ’ll 'll sera examiné va aura été année étaient aurait-il ont é ée -ed x1 _ 12"
).split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TENSE_SOUP), st.sampled_from(_SEPARATORS)), max_size=12))
def test_tense_lookahead_finds_the_same(soup: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in soup)
    for pattern in (TENSE, TENSE_FR):
        plain = re.compile(pattern.pattern.replace(r"\b(?=\w)", r"\b", 1), re.IGNORECASE)
        assert plain.pattern != pattern.pattern
        assert [(m.span(), m.lastgroup) for m in pattern.finditer(text)] == [
            (m.span(), m.lastgroup) for m in plain.finditer(text)
        ], text
