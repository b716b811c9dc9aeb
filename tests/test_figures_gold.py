"""Figures of the seed articles against tests/gold/figures.yaml."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from digest.extract.figures import extract_figures
from digest.models import Article, Figure

GOLD: dict[str, Any] = yaml.safe_load((Path(__file__).parent / "gold" / "figures.yaml").read_text("utf-8"))
SEEDS = sorted(GOLD)


def _extract(article: Article) -> tuple[Figure, ...]:
    return extract_figures(article.text, sentences=article.sentences)


def _agrees(figure: Figure, gold: dict[str, Any], figures: tuple[Figure, ...]) -> bool:
    equivalent = figures[figure.equivalent].text if figure.equivalent is not None else None
    if gold["value"] is None or figure.value is None:
        same_value = gold["value"] is figure.value
    else:
        same_value = math.isclose(figure.value, float(gold["value"]), rel_tol=1e-9)
    return (
        figure.kind == gold["kind"]
        and same_value
        and figure.unit == gold["unit"]
        and figure.approx == gold["approx"]
        and equivalent == gold["equivalent"]
        and ("measure" not in gold or figure.measure == gold["measure"])
    )


def _score(seed: str, figures: tuple[Figure, ...]) -> tuple[int, list[str], list[str]]:
    """Return the gold items found with every field right, the gold texts missed, the extra texts."""
    remaining = list(figures)
    right = 0
    missed: list[str] = []
    for gold in GOLD[seed]["figures"]:
        same_text = [f for f in remaining if f.text == gold["text"]]
        if not same_text:
            missed.append(gold["text"])
            continue
        best = next((f for f in same_text if _agrees(f, gold, figures)), same_text[0])
        remaining.remove(best)
        right += _agrees(best, gold, figures)
    return right, missed, [f.text for f in remaining]


@pytest.mark.parametrize("seed", SEEDS)
def test_every_gold_figure_is_found_with_its_value_unit_and_approximation(
    seed: str, seed_article: Callable[[str], Article]
) -> None:
    figures = _extract(seed_article(seed))
    for gold in GOLD[seed]["figures"]:
        candidates = [f for f in figures if f.text == gold["text"]]
        assert candidates, gold["text"]
        assert any(_agrees(f, gold, figures) for f in candidates), (gold, candidates)
    right, missed, _ = _score(seed, figures)
    assert (right, missed) == (len(GOLD[seed]["figures"]), [])


@pytest.mark.parametrize("seed", SEEDS)
def test_no_figure_beyond_the_gold(seed: str, seed_article: Callable[[str], Article]) -> None:
    _, _, extra = _score(seed, _extract(seed_article(seed)))
    assert extra == []


@pytest.mark.parametrize("seed", SEEDS)
def test_no_trap_is_taken(seed: str, seed_article: Callable[[str], Article]) -> None:
    article = seed_article(seed)
    figures = _extract(article)
    for trap in GOLD[seed]["traps"]:
        at = article.text.find(trap)
        while at != -1:
            end = at + len(trap)
            assert not [f.text for f in figures if f.start < end and at < f.end], trap
            at = article.text.find(trap, end)


@pytest.mark.parametrize("seed", SEEDS)
def test_figures_are_sorted_and_point_into_the_text(
    seed: str, seed_article: Callable[[str], Article]
) -> None:
    article = seed_article(seed)
    figures = _extract(article)
    assert [f.start for f in figures] == sorted(f.start for f in figures)
    for figure in figures:
        assert article.text[figure.start : figure.end] == figure.text
        sentence = article.sentences[figure.sentence]
        assert sentence.start <= figure.start < figure.end <= sentence.end
        if figure.equivalent is not None:
            assert figures[figure.equivalent].start < figure.start
