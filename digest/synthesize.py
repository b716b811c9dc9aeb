"""Records -> Digest: facts and conflicts (from digest.facts), people across sources, the timeline."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from digest.facts import facts_and_conflicts, source_ref
from digest.models import (
    ArticleRecord,
    Digest,
    Person,
    PersonQuote,
    Quote,
    Theme,
    TimelineEvent,
)
from digest.slugs import off_listing

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_DATE_VALUE = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|W\d{2}|H[12]|SP|SU|FA|WI))?")


def synthesize(records: tuple[ArticleRecord, ...], *, themes: tuple[Theme, ...]) -> Digest:
    """Return the digest of `records`: facts, conflicts, people and timeline, all deterministic."""
    facts, conflicts = facts_and_conflicts(records)
    timeline, undated = _timeline(records)
    return Digest(
        records=records,
        themes=themes,
        facts=facts,
        conflicts=conflicts,
        people=_people(records),
        timeline=timeline,
        undated=undated,
    )


@dataclass
class _PersonAcc:
    """Mutable accumulator private to `_people`; never leaves this module."""

    anonymous: bool
    # Case-folded value -> the first spelling met, so each value is added in constant time.
    names: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    orgs: dict[str, str] = field(default_factory=dict)
    articles: dict[str, str] = field(default_factory=dict)
    aliases: set[str] = field(default_factory=set)
    quotes: list[PersonQuote] = field(default_factory=list)


def _people(records: tuple[ArticleRecord, ...]) -> tuple[Person, ...]:
    merged: dict[str, _PersonAcc] = {}
    for record in records:
        art = record.article
        # Quotes by speaker once per article, rather than every quote scanned for every speaker.
        quotes: dict[str | None, list[Quote]] = {}
        for quote in record.quotes:
            quotes.setdefault(quote.speaker, []).append(quote)
        for speaker in record.speakers:
            key = person_key(speaker.name, anonymous=speaker.anonymous, article=art.id)
            acc = merged.get(key)
            if acc is None:
                acc = merged[key] = _PersonAcc(anonymous=speaker.anonymous)
            _add(acc.names, speaker.name)
            _add(acc.roles, speaker.role)
            _add(acc.orgs, speaker.organization)
            _add(acc.articles, art.id)
            acc.aliases.update(speaker.aliases)
            acc.quotes.extend(
                PersonQuote(q.text, q.direct, source_ref(record, q.sentence, q.text, q.start, q.end))
                for q in quotes.get(speaker.name, ())
            )
    people = [
        Person(
            key=key,
            name=max(acc.names.values(), key=lambda n: (len(n), n)),
            roles=tuple(acc.roles.values()),
            organizations=tuple(acc.orgs.values()),
            anonymous=acc.anonymous,
            articles=tuple(acc.articles.values()),
            quotes=tuple(acc.quotes),
            aliases=tuple(sorted(acc.aliases)),
        )
        for key, acc in merged.items()
    ]
    return tuple(sorted(people, key=lambda p: (p.anonymous, -len(p.articles), -len(p.quotes), p.key)))


def person_key(name: str, *, anonymous: bool, article: str) -> str:
    """Return the slug that identifies a person across articles (anonymous sources stay per article)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    slug = off_listing("-".join(_WORD.findall(folded)) or "person", "person")
    return f"{article}-{slug}"[:80] if anonymous else slug[:80]


def _add(items: dict[str, str], value: str | None) -> None:
    if value:
        items.setdefault(value.casefold(), value)


def _timeline(
    records: tuple[ArticleRecord, ...],
) -> tuple[tuple[TimelineEvent, ...], tuple[TimelineEvent, ...]]:
    dated: list[TimelineEvent] = []
    undated: list[TimelineEvent] = []
    for record in records:
        art = record.article
        for expr in record.dates:
            if expr.type not in ("DATE", "TIME"):
                continue
            sentence = art.sentences[expr.sentence] if 0 <= expr.sentence < len(art.sentences) else None
            sentence_text = art.text[sentence.start : sentence.end] if sentence else expr.text
            event = TimelineEvent(
                expr.value,
                expr.type,
                expr.text,
                sentence_text,
                source_ref(record, expr.sentence, expr.text, expr.start, expr.end),
            )
            if expr.value and _DATE_VALUE.match(expr.value):
                dated.append(event)
            elif art.published is None:
                undated.append(event)
    dated.sort(key=lambda e: (e.value or "", e.ref.article, e.ref.start))
    return tuple(dated), tuple(undated)
