"""Article -> ArticleRecord: figures, dates, speakers and quotes, then claims."""

from __future__ import annotations

from digest.extract.claims import extract_claims
from digest.extract.dates import extract_dates
from digest.extract.figures import extract_figures
from digest.extract.speakers import extract_speakers
from digest.models import Article, ArticleRecord

__all__ = ["EXTRACTOR_VERSION", "extract_record"]

# Bump when any extraction rule changes, so cached records are not served stale.
EXTRACTOR_VERSION = "1"


def extract_record(article: Article) -> ArticleRecord:
    """Return the record of `article`: every figure, date, speaker, quote and claim it states."""
    sentences = article.sentences
    figures = extract_figures(article.text, sentences=sentences)
    dates = extract_dates(
        article.text, sentences=sentences, published=article.published.date() if article.published else None
    )
    speakers, quotes = extract_speakers(article.text, sentences=sentences, author=article.author)
    claims = extract_claims(
        article.text,
        sentences=sentences,
        paragraphs=article.paragraphs,
        figures=figures,
        dates=dates,
        speakers=speakers,
        quotes=quotes,
    )
    return ArticleRecord(article, figures, dates, speakers, quotes, claims)
