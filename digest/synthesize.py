"""Records -> Digest: facts and conflicts (from digest.facts), people across sources, the timeline."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from digest.facts import facts_and_conflicts, figure_refs, source_ref
from digest.models import (
    ArticleRecord,
    Digest,
    Person,
    PersonQuote,
    Quote,
    SourceRef,
    Speaker,
    Theme,
    TimelineEvent,
)
from digest.recall import Recall, each
from digest.slugs import off_listing

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_DATE_VALUE = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|W\d{2}|H[12]|SP|SU|FA|WI))?")


def synthesize(
    records: tuple[ArticleRecord, ...], *, themes: tuple[Theme, ...], recall: Recall | None = None
) -> Digest:
    """Return the digest of `records`: facts, conflicts, people and timeline, all deterministic.

    What comes from one record alone (where its figures are, its speakers' quotes, its dated
    events) is made once per record, and recalled by a `recall` for records it has seen.
    """
    parts = each(recall, "synthesis", records, lambda batch: [_record_parts(r) for r in batch])
    facts, conflicts = facts_and_conflicts(records, refs=[p.figure_refs for p in parts])
    dated = sorted(
        (event for p in parts for event in p.dated), key=lambda e: (e.value or "", e.ref.article, e.ref.start)
    )
    return Digest(
        records=records,
        themes=themes,
        facts=facts,
        conflicts=conflicts,
        people=_people(parts),
        timeline=tuple(dated),
        undated=tuple(event for p in parts for event in p.undated),
    )


@dataclass(frozen=True, slots=True)
class _RecordParts:
    """What the digest takes from one record: figure places, speakers with quotes, dated events."""

    article: str
    figure_refs: tuple[SourceRef, ...]
    speakers: tuple[tuple[str, Speaker, tuple[PersonQuote, ...]], ...]
    dated: tuple[TimelineEvent, ...]
    undated: tuple[TimelineEvent, ...]


def _record_parts(record: ArticleRecord) -> _RecordParts:
    art = record.article
    refs = figure_refs(record)
    # Quotes by speaker once per article, rather than every quote scanned for every speaker.
    quotes: dict[str | None, list[Quote]] = {}
    for quote in record.quotes:
        quotes.setdefault(quote.speaker, []).append(quote)
    speakers = tuple(
        (
            person_key(speaker.name, anonymous=speaker.anonymous, article=art.id),
            speaker,
            tuple(
                PersonQuote(q.text, q.direct, source_ref(record, q.sentence, q.text, q.start, q.end))
                for q in quotes.get(speaker.name, ())
            ),
        )
        for speaker in record.speakers
    )
    dated, undated = _events(record)
    return _RecordParts(art.id, refs, speakers, dated, undated)


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


def _people(parts: list[_RecordParts]) -> tuple[Person, ...]:
    merged: dict[str, _PersonAcc] = {}
    for part in parts:
        for key, speaker, quotes in part.speakers:
            acc = merged.get(key)
            if acc is None:
                acc = merged[key] = _PersonAcc(anonymous=speaker.anonymous)
            _add(acc.names, speaker.name)
            _add(acc.roles, speaker.role)
            _add(acc.orgs, speaker.organization)
            _add(acc.articles, part.article)
            acc.aliases.update(speaker.aliases)
            acc.quotes.extend(quotes)
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


def _events(record: ArticleRecord) -> tuple[tuple[TimelineEvent, ...], tuple[TimelineEvent, ...]]:
    """Return the record's dated events, and those undated ones the timeline lists apart."""
    dated: list[TimelineEvent] = []
    undated: list[TimelineEvent] = []
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
    return tuple(dated), tuple(undated)
