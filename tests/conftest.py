"""Shared fixtures: the seed articles as they come out of the loader and cleaner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from digest.models import Article

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "articles"


def _prepare(path: Path) -> Article:
    from zoneinfo import ZoneInfo

    from digest.clean import clean_article
    from digest.load import load_article

    doc = load_article(path, articles_dir=ARTICLES, tz=ZoneInfo("UTC"))
    return clean_article(doc)


@pytest.fixture(scope="session")
def seed_article() -> Callable[[str], Article]:
    """Return a function mapping a seed's number ("000" ... "004") to its cleaned Article."""
    cache: dict[str, Article] = {}

    def get(number: str) -> Article:
        if number not in cache:
            (path,) = sorted(ARTICLES.glob(f"{number}-*.md"))
            cache[number] = _prepare(path)
        return cache[number]

    return get
