"""Read-only views of the digest for templates: plain values, formatted in Python, never live records."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from digest.highlight import sentence_html
from digest.models import Article, ArticleRecord, Digest, Fact, Person
from digest.richtext import markdown_html
from digest.synthesize import person_key

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


def record_detail(record: ArticleRecord) -> dict[str, Any]:
    """Return what only the article's own page shows: its marked-up text and everything extracted.

    Built page by page and dropped after rendering, so that a large digest never holds every
    article's marked-up text at once.
    """
    art = record.article
    return {
        "paragraphs": _paragraphs(record),
        "removed": [{"text": r.text, "reason": r.reason} for r in art.removed],
        "figures": [
            {
                "text": f.text,
                "kind": f.kind,
                "value": _number(f.value),
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


def _number(value: float | None) -> str:
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
    claim = record.claims[index]
    art = record.article
    return ClaimView(
        text=claim.text,
        kind=claim.kind,
        hedged=claim.hedged,
        speaker=claim.speaker,
        attribution=claim.attribution,
        article=art.id,
        href=f"articles/{art.id}.html#s{claim.sentence}",
        label=f"{art.source}: {art.title}" if art.source else art.title,
        weight=len(claim.figures) * 2
        + (claim.speaker is not None)
        + (claim.attribution is not None)
        + (claim.kind == "statistic"),
    )


def claims_by_theme(records: tuple[ArticleRecord, ...]) -> dict[str, list[ClaimView]]:
    """Return the claims of every theme in record order; a claim in two themes is one shared view."""
    grouped: dict[str, list[ClaimView]] = defaultdict(list)
    for record in records:
        for index, claim in enumerate(record.claims):
            view = claim_view(record, index)
            for slug in claim.themes or ("other",):
                grouped[slug].append(view)
    return grouped


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


# How many sources a fact or a person lists inline; the rest are counted and linked.
SHOWN_SOURCES = 8


def fact_view(
    fact: Fact, by_id: dict[str, dict[str, Any]], total: int, *, href: str | None = None
) -> dict[str, Any]:
    """Return a fact with one entry per source article, listing the forms that article used.

    `href` is the fact's own page, which lists every source when there are too many to show inline.
    """
    per_article: dict[str, dict[str, Any]] = {}
    for ref in fact.sources:
        entry = per_article.setdefault(
            ref.article,
            {
                "forms": [],
                "href": f"articles/{ref.article}.html#s{ref.sentence}",
                "source": by_id[ref.article]["source"],
                "title": by_id[ref.article]["title"],
            },
        )
        if ref.text not in entry["forms"]:
            entry["forms"].append(ref.text)
    headline = fact.forms[0] if fact.forms else _number(fact.value)
    others = sorted({form for form in fact.forms if form != headline})
    return {
        "measure": fact.measure or "unspecified measure",
        "kind": fact.kind,
        "unit": fact.unit,
        "value": _number(fact.value),
        "headline": headline,
        "also": others,
        "source_count": len(per_article),
        "total": total,
        "sources": list(per_article.values()),
        "shown": list(per_article.values())[:SHOWN_SOURCES],
        "more": max(0, len(per_article) - SHOWN_SOURCES),
        "href": href,
    }


def conflict_view(measure: str, facts: Sequence[Fact], views: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Return a conflict: its measure and the views of the facts that disagree, side by side."""
    return {"measure": measure, "facts": [views[f.key] for f in facts]}


def person_view(person: Person, by_id: dict[str, dict[str, Any]]) -> dict[str, Any]:
    view: dict[str, Any] = {
        "key": person.key,
        "name": person.name,
        "roles": list(person.roles),
        "organizations": list(person.organizations),
        "anonymous": person.anonymous,
        "aliases": list(person.aliases),
        "href": f"people/{person.key}.html",
        "sources": [
            {
                "id": a,
                "title": by_id[a]["title"],
                "source": by_id[a]["source"],
                "label": by_id[a]["title"]
                if not by_id[a]["has_source"]
                else f"{by_id[a]['source']}: {by_id[a]['title']}",
                "href": f"articles/{a}.html",
            }
            for a in person.articles
        ],
        "more_sources": max(0, len(person.articles) - SHOWN_SOURCES),
        "source_count": len(person.articles),
        "quotes": [
            {
                "text": q.text,
                "direct": q.direct,
                "href": f"articles/{q.ref.article}.html#s{q.ref.sentence}",
                "source": by_id[q.ref.article]["source"],
            }
            for q in person.quotes
        ],
    }
    view["sources_shown"] = view["sources"][:SHOWN_SOURCES]
    return view


_HTML_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def timex_label(value: str | None) -> str:
    """Return a TIMEX3 date value as a reader would write it ("20 February 2025", "Q4 2024")."""
    if not value:
        return "undated"
    parts = value.split("-")
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        month = _MONTHS[int(parts[1]) - 1]
        if len(parts) >= 3 and parts[2][:2].isdigit():
            return f"{int(parts[2][:2])} {month} {parts[0]}"
        return f"{month} {parts[0]}"
    if len(parts) == 2 and parts[1][:1] in ("Q", "H", "W"):
        return f"{parts[1]} {parts[0]}"
    return value


def timeline_context(digest: Digest, by_id: dict[str, dict[str, Any]]) -> dict[str, Any]:
    def view(event: Any) -> dict[str, Any]:
        return {
            "value": event.value,
            "datetime": event.value if event.value and _HTML_DATE.match(event.value) else None,
            "label": timex_label(event.value),
            "text": event.text,
            "sentence": event.sentence_text,
            "href": f"articles/{event.ref.article}.html#s{event.ref.sentence}",
            "source": by_id[event.ref.article]["source"],
            "title": by_id[event.ref.article]["title"],
        }

    return {"events": [view(e) for e in digest.timeline], "undated": [view(e) for e in digest.undated]}


def by_year(events: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Return timeline events grouped by the year their value starts with, in order."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        groups[(event["value"] or "")[:4]].append(event)
    return sorted(groups.items())


def index_context(
    digest: Digest,
    articles: list[dict[str, Any]],
    by_id: dict[str, dict[str, Any]],
    *,
    themes: list[dict[str, Any]],
    conflicts: list[dict[str, Any]],
    facts: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    shared = [f for f in digest.facts if len({s.article for s in f.sources}) > 1]
    # Single-source facts fill the list only when they are money or percentages with a known measure.
    single = [
        f
        for f in digest.facts
        if len({s.article for s in f.sources}) == 1 and f.kind in ("money", "percent") and f.measure
    ]
    key_facts = [facts[f.key] for f in (shared + single)[:8]]
    latest = sorted(articles, key=lambda a: (a["published"] is None, _neg(a["published"]), a["id"]))[:10]
    return {
        "key_facts": key_facts,
        "conflicts": conflicts[:5],
        "themes": themes,
        "latest": latest,
        "people": [person_view(p, by_id) for p in [p for p in digest.people if not p.anonymous][:6]],
    }


def _neg(date: str | None) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in date) if date else ""
