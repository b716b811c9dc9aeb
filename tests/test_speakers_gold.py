"""Speakers and quotes of the seed articles against tests/gold/speakers.yaml."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from digest.extract.speakers import extract_speakers
from digest.models import Article, Quote, Speaker

GOLD: dict[str, Any] = yaml.safe_load((Path(__file__).parent / "gold" / "speakers.yaml").read_text("utf-8"))
SEEDS = sorted(GOLD)


def _extract(article: Article) -> tuple[tuple[Speaker, ...], tuple[Quote, ...]]:
    return extract_speakers(article.text, sentences=article.sentences, author=article.author)


def _matches(quote: Quote, gold: dict[str, Any]) -> bool:
    return gold["text"] in quote.text or quote.text in gold["text"]


@pytest.mark.parametrize("seed", SEEDS)
def test_every_gold_speaker_is_found_with_role_and_organization(
    seed: str, seed_article: Callable[[str], Article]
) -> None:
    speakers, _ = _extract(seed_article(seed))
    found = {s.name: s for s in speakers}
    for gold in GOLD[seed]["speakers"]:
        assert gold["name"] in found, gold["name"]
        speaker = found[gold["name"]]
        assert speaker.role == gold["role"]
        assert speaker.organization == gold["organization"]
        assert speaker.anonymous == gold["anonymous"]
        assert set(gold["aliases"]) <= set(speaker.aliases)
    assert len(speakers) == len(GOLD[seed]["speakers"]), [s.name for s in speakers]


@pytest.mark.parametrize("seed", SEEDS)
def test_every_gold_quote_is_found_with_its_speaker(
    seed: str, seed_article: Callable[[str], Article]
) -> None:
    _, quotes = _extract(seed_article(seed))
    for gold in GOLD[seed]["quotes"]:
        hits = [q for q in quotes if _matches(q, gold)]
        assert hits, gold["text"]
        assert any(q.speaker == gold["speaker"] and q.direct == gold["direct"] for q in hits), gold["text"]


@pytest.mark.parametrize("seed", SEEDS)
def test_no_quote_beyond_the_gold(seed: str, seed_article: Callable[[str], Article]) -> None:
    _, quotes = _extract(seed_article(seed))
    extra = [q.text for q in quotes if not any(_matches(q, gold) for gold in GOLD[seed]["quotes"])]
    assert extra == []


@pytest.mark.parametrize("seed", SEEDS)
def test_no_trap_is_taken(seed: str, seed_article: Callable[[str], Article]) -> None:
    article = seed_article(seed)
    speakers, quotes = _extract(article)
    traps = GOLD[seed]["traps"]
    assert not {s.name for s in speakers} & set(traps["speakers"])
    for quote in quotes:
        assert not any(quote.text.startswith(trap) for trap in traps["quotes"]), quote.text


@pytest.mark.parametrize("seed", SEEDS)
def test_offsets_and_sentences_are_consistent(seed: str, seed_article: Callable[[str], Article]) -> None:
    article = seed_article(seed)
    speakers, quotes = _extract(article)
    for quote in quotes:
        assert article.text[quote.start : quote.end] == quote.text
        sentence = article.sentences[quote.sentence]
        assert sentence.start <= quote.start < sentence.end
    for speaker in speakers:
        assert all(article.text[m.start : m.end] for m in speaker.mentions)
