"""Read-only views of the digest for templates: plain values, formatted in Python, never live records."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from digest.highlight import sentence_html
from digest.models import Article, ArticleRecord, Claim
from digest.recall import Recall, each
from digest.richtext import markdown_html
from digest.synthesize import person_key
from digest.textsafe import xml_safe

FLAG_TEXT = {
    "ai_persona": "An editorial persona or prompt for an AI writer was pasted into the page; it was removed.",
    "machine_generated": "The page marks its text as machine-generated (“Generated Article”).",
    "boilerplate_removed": "Page furniture (share buttons, comment widgets, related links) was removed.",
    "has_disclaimer": "The article carries a disclaimer, kept and marked as such.",
    "mixed_language": "The article mixes languages (for example a summary in another language).",
}
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "zh": "Chinese",
    "ja": "Japanese",
    "ru": "Russian",
    "ar": "Arabic",
}


def outlet_label(art: Article) -> str:
    """Return the publisher's name, or a short form of the headline when the article names none."""
    if art.source:
        return art.source
    words = art.title.split()
    short = " ".join(words[:6]) + ("…" if len(words) > 6 else "")
    return f"“{short}”"


def source_title(art: Article) -> str:
    """Return "Outlet: Headline", or the headline alone when the article names no outlet."""
    return f"{art.source}: {art.title}" if art.source else art.title


def _date(value: dt.datetime | None) -> str | None:
    return value.date().isoformat() if value else None


def article_view(record: ArticleRecord) -> dict[str, Any]:
    art = record.article
    lede = next(
        (
            art.text[s.start : s.end]
            for s in art.sentences
            if art.paragraphs and art.paragraphs[s.paragraph].kind == "text"
        ),
        "",
    )
    languages = sorted({p.language for p in art.paragraphs if p.kind != "heading"} | {art.language})
    quotes = [
        {
            "text": q.text,
            "speaker": q.speaker,
            "direct": q.direct,
            "cue": q.cue,
            "href": f"articles/{art.id}.html#s{q.sentence}",
            "article": art.id,
        }
        for q in record.quotes
    ]
    return {
        "id": art.id,
        "href": f"articles/{art.id}.html",
        "title": art.title,
        "source": outlet_label(art),
        "label": source_title(art),
        "has_source": art.source is not None,
        "author": art.author,
        "url": art.url,
        "published": _date(art.published),
        "language": art.language,
        "languages": [LANGUAGE_NAMES.get(code, code) for code in languages],
        "flags": [{"name": f, "text": FLAG_TEXT.get(f, f)} for f in art.flags],
        "lede": lede,
        "counts": {
            "claims": len(record.claims),
            "figures": len(record.figures),
            "quotes": len(record.quotes),
            "dates": len(record.dates),
            "speakers": len(record.speakers),
        },
        "quotes": quotes,
    }


def _paragraphs(record: ArticleRecord) -> list[dict[str, Any]]:
    art = record.article
    sentences = sentence_html(record)
    grouped: list[list[dict[str, Any]]] = [[] for _ in art.paragraphs]
    for index, sentence in enumerate(art.sentences):
        if 0 <= sentence.paragraph < len(grouped):
            grouped[sentence.paragraph].append({"id": f"s{index}", "html": sentences[index]})
    return [
        {"kind": para.kind, "language": para.language, "sentences": items}
        for para, items in zip(art.paragraphs, grouped, strict=True)
    ]


def _text_html(paragraphs: list[dict[str, Any]], language: str) -> Markup:
    """Return the article's paragraphs as one block of HTML, one paragraph a line.

    Built here rather than in a template loop: an article page holds hundreds of sentences.
    """
    lines = []
    for para in paragraphs:
        spans = [f'<span class="s" id="{s["id"]}">{s["html"]}</span>' for s in para["sentences"]]
        if para["kind"] == "heading":
            lines.append(f'<h2 class="para-heading">{"".join(spans)}</h2>\n')
        else:
            lang = f' lang="{escape(para["language"])}"' if para["language"] != language else ""
            lines.append(f'<p class="para para-{escape(para["kind"])}"{lang}>{" ".join(spans)}</p>\n')
    return Markup(xml_safe("".join(lines)))


def record_detail(record: ArticleRecord) -> dict[str, Any]:
    """Return what only the article's own page shows: its marked-up text and everything extracted.

    Built page by page and dropped after rendering, so that a large digest never holds every
    article's marked-up text at once.
    """
    art = record.article
    paragraphs = _paragraphs(record)
    return {
        "paragraphs": paragraphs,
        "text_html": _text_html(paragraphs, art.language),
        "removed": [{"text": r.text, "reason": r.reason} for r in art.removed],
        "figures": [
            {
                "text": f.text,
                "kind": f.kind,
                "value": format_number(f.value),
                "unit": f.unit,
                "approx": f.approx,
                "measure": f.measure,
                "anchor": f"s{f.sentence}",
            }
            for f in record.figures
        ],
        "dates": [
            {
                "text": d.text,
                "type": d.type,
                "value": d.value or "unresolved",
                "anchored": d.anchored,
                "resolved": d.value is not None,
                "anchor": f"s{d.sentence}",
            }
            for d in record.dates
        ],
        "speakers": [
            {
                "name": s.name,
                "role": s.role,
                "organization": s.organization,
                "anonymous": s.anonymous,
                "key": person_key(s.name, anonymous=s.anonymous, article=art.id),
            }
            for s in record.speakers
        ],
    }


def format_number(value: float | None) -> str:
    """Return a figure's value as a reader would write it ("53 billion")."""
    if value is None:
        return "—"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.4g} {word}"
    return f"{value:,.6g}"


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim as theme pages list it; a slotted record, since a large digest shows hundreds of thousands."""

    text: str
    kind: str
    hedged: bool
    speaker: str | None
    attribution: str | None
    article: str
    href: str
    label: str
    weight: int


def claim_view(record: ArticleRecord, index: int) -> ClaimView:
    """Return the view of claim `index` of `record`, with a link to its sentence."""
    art = record.article
    return _claim_view(record.claims[index], art.id, source_title(art))


def _claim_view(claim: Claim, article: str, label: str) -> ClaimView:
    return ClaimView(
        text=claim.text,
        kind=claim.kind,
        hedged=claim.hedged,
        speaker=claim.speaker,
        attribution=claim.attribution,
        article=article,
        href=f"articles/{article}.html#s{claim.sentence}",
        label=label,
        weight=len(claim.figures) * 2
        + (claim.speaker is not None)
        + (claim.attribution is not None)
        + (claim.kind == "statistic"),
    )


def claims_by_theme(
    records: tuple[ArticleRecord, ...], recall: Recall | None = None
) -> dict[str, list[ClaimView]]:
    """Return the claims of every theme in record order; a claim in two themes is one shared view."""
    grouped: dict[str, list[ClaimView]] = defaultdict(list)
    for views in each(recall, "claim-views", records, lambda batch: [_claim_views(r) for r in batch]):
        for view, slugs in views:
            for slug in slugs:
                grouped[slug].append(view)
    return grouped


def _claim_views(record: ArticleRecord) -> tuple[tuple[ClaimView, tuple[str, ...]], ...]:
    art = record.article
    label = source_title(art)
    return tuple((_claim_view(claim, art.id, label), claim.themes or ("other",)) for claim in record.claims)


def theme_view(theme: Any, grouped: dict[str, list[ClaimView]]) -> dict[str, Any]:
    """Return a theme with its claim count, source count and three strongest claims."""
    claims = grouped.get(theme.slug, [])
    top = sorted(claims, key=lambda c: -c.weight)[:3]
    return {
        "name": theme.name,
        "slug": theme.slug,
        "description": theme.description,
        "description_html": markdown_html(theme.description),
        "keywords": list(theme.keywords),
        "discovered": theme.discovered,
        "count": len(claims),
        "sources": len({c.article for c in claims}),
        "top": top,
        "href": f"themes/{theme.slug}.html",
    }
