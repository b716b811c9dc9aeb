"""Read-only views of what the digest finds across sources: facts, conflicts, people, timeline, overview."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from digest.models import Digest, Fact, Person
from digest.views import format_number

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
    headline = fact.forms[0] if fact.forms else format_number(fact.value)
    others = sorted({form for form in fact.forms if form != headline})
    return {
        "measure": fact.measure or "unspecified measure",
        "kind": fact.kind,
        "unit": fact.unit,
        "value": format_number(fact.value),
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
                "label": by_id[a]["label"],
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
