"""Claims of the seed articles against tests/gold/claims.yaml, through the whole extraction."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

for _module in ("digest.load", "digest.clean", "digest.extract.figures", "digest.extract.dates",
                "digest.extract.speakers"):
    pytest.importorskip(_module)

from digest.models import Article, ArticleRecord  # noqa: E402

_extract = pytest.importorskip("digest.extract")
if not hasattr(_extract, "extract_record"):
    pytest.skip("digest.extract has no extract_record yet", allow_module_level=True)
extract_record: Callable[[Article], ArticleRecord] = _extract.extract_record

GOLD: dict[str, dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "gold" / "claims.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def records(seed_article: Callable[[str], Article]) -> dict[str, ArticleRecord]:
    return {number: extract_record(seed_article(number)) for number in GOLD}


def _cases(key: str) -> list[tuple[str, Any]]:
    return [(number, item) for number, gold in GOLD.items() for item in gold[key]]


@pytest.mark.parametrize(("number", "expected"), _cases("claims"), ids=lambda v: str(v)[:40])
def test_gold_claim(records: dict[str, ArticleRecord], number: str, expected: dict[str, Any]) -> None:
    found = [claim for claim in records[number].claims if expected["text"] in claim.text]
    assert found, f"{number}: no claim contains {expected['text']!r}"
    claim = found[0]
    for field in ("kind", "hedged", "attribution", "speaker"):
        if field in expected:
            assert getattr(claim, field) == expected[field], f"{number}: {field} of {claim.text!r}"


@pytest.mark.parametrize(("number", "fragment"), _cases("not_claims"), ids=lambda v: str(v)[:40])
def test_gold_not_claim(records: dict[str, ArticleRecord], number: str, fragment: str) -> None:
    taken = [claim.text for claim in records[number].claims if fragment in claim.text]
    assert not taken, f"{number}: {fragment!r} was taken as a claim"


def test_claims_point_at_their_sentences(records: dict[str, ArticleRecord]) -> None:
    for record in records.values():
        text = record.article.text
        for claim in record.claims:
            assert text[claim.start : claim.end] == claim.text
            sentence = record.article.sentences[claim.sentence]
            assert (sentence.start, sentence.end) == (claim.start, claim.end)
            for index in claim.figures:
                assert claim.start <= record.figures[index].start < claim.end
            for index in claim.dates:
                assert claim.start <= record.dates[index].start < claim.end
