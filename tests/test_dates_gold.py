"""Temporal expressions of the seed articles against tests/gold/dates.yaml."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

for _module in ("digest.load", "digest.clean"):
    pytest.importorskip(_module)

from digest.extract.dates import extract_dates  # noqa: E402
from digest.models import Article, TimeExpr  # noqa: E402

GOLD: dict[str, dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "gold" / "dates.yaml").read_text(encoding="utf-8")
)


def _dates(article: Article) -> tuple[TimeExpr, ...]:
    published = article.published.date() if article.published else None
    return extract_dates(article.text, sentences=article.sentences, published=published)


@pytest.mark.parametrize("number", sorted(GOLD))
def test_seed_publication_date(seed_article: Callable[[str], Article], number: str) -> None:
    article = seed_article(number)
    published = article.published.date().isoformat() if article.published else None
    expected = GOLD[number]["published"]
    assert published == (str(expected) if expected else None)


@pytest.mark.parametrize("number", sorted(GOLD))
def test_seed_dates_match_gold_exactly(seed_article: Callable[[str], Article], number: str) -> None:
    found = [(t.text, t.type, t.value) for t in _dates(seed_article(number))]
    expected = [(d["text"], d["type"], d["value"]) for d in GOLD[number]["dates"]]
    assert found == expected


@pytest.mark.parametrize("number", sorted(GOLD))
def test_seed_traps_are_not_dates(seed_article: Callable[[str], Article], number: str) -> None:
    article = seed_article(number)
    dates = _dates(article)
    for trap in GOLD[number]["traps"]:
        at = article.text.find(trap)
        assert at >= 0, f"trap {trap!r} is not in the clean text of {number}"
        while at >= 0:
            taken = [t.text for t in dates if t.start < at + len(trap) and at < t.end]
            assert not taken, f"{number}: {taken} taken inside {trap!r}"
            at = article.text.find(trap, at + 1)


@pytest.mark.parametrize("number", sorted(GOLD))
def test_seed_dates_point_at_their_text(seed_article: Callable[[str], Article], number: str) -> None:
    article = seed_article(number)
    for t in _dates(article):
        assert article.text[t.start : t.end] == t.text
        sentence = article.sentences[t.sentence]
        assert sentence.start <= t.start and t.end <= sentence.end
        assert t.anchored == (article.published is not None and t.value is not None and t.anchored)
