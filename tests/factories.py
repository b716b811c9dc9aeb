"""Hand-made records for tests of the stages after extraction."""

from __future__ import annotations

import datetime as dt

from digest.models import (
    Article,
    ArticleRecord,
    Claim,
    Figure,
    Paragraph,
    Quote,
    Sentence,
    Speaker,
    Theme,
    TimeExpr,
)
from digest.synthesize import synthesize

DEFAULT_TEXT = (
    "Acme said revenue rose 12% to $5 billion on Thursday. \u201cWe are pleased,\u201d Jane Roe said."
)


def make_record(
    art_id: str = "a",
    text: str = DEFAULT_TEXT,
    *,
    title: str = "Acme revenue rises",
    published: dt.datetime | None = dt.datetime(2025, 2, 21, tzinfo=dt.UTC),
    source: str | None = "Wire",
    themes: tuple[str, ...] = ("business",),
) -> ArticleRecord:
    """Return a small, fully populated record whose offsets match `text`."""
    first = text.index(".") + 1
    sentences = (Sentence(0, first, "en", 0), Sentence(first + 1, len(text), "en", 0))
    figures = []
    if "12%" in text:
        i = text.index("12%")
        figures.append(Figure("12%", i, i + 3, 0, "percent", 12.0, "%", measure="revenue"))
    if "$5 billion" in text:
        i = text.index("$5 billion")
        figures.append(Figure("$5 billion", i, i + 10, 0, "money", 5e9, "USD", measure="revenue"))
    dates = []
    if "Thursday" in text:
        i = text.index("Thursday")
        dates.append(
            TimeExpr("Thursday", i, i + 8, 0, "DATE", "2025-02-20" if published else None, bool(published))
        )
    speakers, quotes = [], []
    if "Jane Roe" in text:
        i = text.index("Jane Roe")
        speakers.append(Speaker("Jane Roe", "chief executive", "Acme", mentions=()))
        q = text.index("We are")
        quotes.append(Quote("We are pleased,", q, q + 15, 1, "Jane Roe", "said", True))
    claims = (
        Claim(
            text[:first],
            0,
            first,
            0,
            "statistic",
            attribution="Acme",
            figures=tuple(range(len(figures))),
            dates=tuple(range(len(dates))),
            themes=themes,
        ),
    )
    article = Article(
        id=art_id,
        path=f"articles/{art_id}.md",
        title=title,
        text=text,
        source=source,
        published=published,
        paragraphs=(Paragraph(0, len(text)),),
        sentences=sentences,
    )
    return ArticleRecord(article, tuple(figures), tuple(dates), tuple(speakers), tuple(quotes), claims)


def make_digest(*records: ArticleRecord):  # type: ignore[no-untyped-def]
    """Return the digest of `records` (default: two small articles) with one theme."""
    if not records:
        records = (make_record("a"), make_record("b", title="Second", published=None, source=None))
    return synthesize(tuple(records), themes=(Theme("Business", "business", "Money matters", ("revenue",)),))
