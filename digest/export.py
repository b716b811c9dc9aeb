"""Turn records into their public JSON form (the `extract` contract)."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from dataclasses import fields
from operator import attrgetter
from typing import Any

from digest.models import ArticleRecord, Claim, Digest, Fact, Figure, OutputFile, Quote, Speaker, TimeExpr
from digest.textsafe import json_dumps_safe

RECORD_FIELDS = (
    "id",
    "path",
    "title",
    "source",
    "url",
    "author",
    "published",
    "language",
    "flags",
    "text",
    "removed",
    "sentences",
    "figures",
    "dates",
    "speakers",
    "quotes",
    "claims",
)


def record_to_dict(record: ArticleRecord) -> dict[str, Any]:
    """Return the JSON-ready dict of `record`, keys in contract order."""
    art = record.article
    # Tuples are left as they are: JSON writes a tuple exactly as the list it would be copied into.
    return {
        "id": art.id,
        "path": art.path,
        "title": art.title,
        "source": art.source,
        "url": art.url,
        "author": art.author,
        "published": art.published.date().isoformat() if art.published else None,
        "language": art.language,
        "flags": art.flags,
        "text": art.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in art.removed],
        "sentences": [{"start": s.start, "end": s.end, "language": s.language} for s in art.sentences],
        "figures": [dict(zip(_FIGURE, _figure(f), strict=True)) for f in record.figures],
        "dates": [dict(zip(_DATE, _date(d), strict=True)) for d in record.dates],
        "speakers": [_speaker(s) for s in record.speakers],
        "quotes": [dict(zip(_QUOTE, _quote(q), strict=True)) for q in record.quotes],
        "claims": [dict(zip(_CLAIM, _claim(c), strict=True)) for c in record.claims],
    }


def record_to_json(record: ArticleRecord, *, indent: int | None = None) -> str:
    """Return `record` as one JSON document (one line when `indent` is None)."""
    return json.dumps(record_to_dict(record), ensure_ascii=False, indent=indent, sort_keys=False)


# Field names in declaration order, and one C-level getter of all of them: a record holds dozens of
# each, and the export of a large digest builds millions of these dicts.
_FIGURE = tuple(f.name for f in fields(Figure))
_DATE = tuple(f.name for f in fields(TimeExpr))
_QUOTE = tuple(f.name for f in fields(Quote))
_SPEAKER = tuple(f.name for f in fields(Speaker))
_CLAIM = tuple(f.name for f in fields(Claim))
_figure = attrgetter(*_FIGURE)
_date = attrgetter(*_DATE)
_quote = attrgetter(*_QUOTE)
_speaker_fields = attrgetter(*_SPEAKER)
_claim = attrgetter(*_CLAIM)


def _speaker(speaker: Speaker) -> dict[str, Any]:
    data = dict(zip(_SPEAKER, _speaker_fields(speaker), strict=True))
    data["mentions"] = [{"start": m.start, "end": m.end} for m in speaker.mentions]
    return data


def digest_exports(
    digest: Digest, *, title: str, generator: str, known_lines: Mapping[str, str] | None = None
) -> list[OutputFile]:
    """Return data/records.jsonl (the extract contract) and data/digest.json (the synthesis).

    `known_lines` maps an article id to its line as the last build wrote it, when its record is
    known to be the same; those lines are taken as they are instead of being made again.
    """
    known = known_lines or {}
    # Line by line into one buffer: a large digest's records run to hundreds of megabytes, which
    # a joined string and then its encoding would hold twice over.
    records = io.BytesIO()
    for record in digest.records:
        line = known.get(record.article.id) or json_dumps_safe(record_to_dict(record))
        records.write(line.encode("utf-8") + b"\n")
    data = {
        "title": title,
        "generator": generator,
        "themes": [
            {
                "slug": t.slug,
                "name": t.name,
                "description": t.description,
                "keywords": list(t.keywords),
                "discovered": t.discovered,
            }
            for t in digest.themes
        ],
        "facts": [_fact_json(f) for f in digest.facts],
        "conflicts": [{"measure": c.measure, "facts": [f.key for f in c.facts]} for c in digest.conflicts],
        "people": [
            {
                "key": p.key,
                "name": p.name,
                "roles": list(p.roles),
                "organizations": list(p.organizations),
                "anonymous": p.anonymous,
                "articles": list(p.articles),
                "aliases": list(p.aliases),
                "quotes": [{"text": q.text, "direct": q.direct, **_ref_json(q.ref)} for q in p.quotes],
            }
            for p in digest.people
        ],
        "timeline": [
            {"value": e.value, "type": e.type, "text": e.text, **_ref_json(e.ref)} for e in digest.timeline
        ],
        "undated": [{"type": e.type, "text": e.text, **_ref_json(e.ref)} for e in digest.undated],
    }
    return [
        OutputFile("data/records.jsonl", records.getvalue()),
        OutputFile("data/digest.json", _one_item_a_line(data).encode("utf-8")),
    ]


def _one_item_a_line(data: dict[str, Any]) -> str:
    """Return `data` as JSON with each key, and each item of a list, on a line of its own.

    Readable and easy to diff, and written by the C encoder one item at a time: indenting every
    level runs Python's encoder over millions of values in a large digest.
    """
    parts = []
    for key, value in data.items():
        name = json_dumps_safe(key)
        if isinstance(value, list) and value:
            items = ",\n  ".join(json_dumps_safe(item) for item in value)
            parts.append(f" {name}: [\n  {items}\n ]")
        else:
            parts.append(f" {name}: {json_dumps_safe(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _fact_json(fact: Fact) -> dict[str, Any]:
    return {
        "key": fact.key,
        "measure": fact.measure,
        "kind": fact.kind,
        "value": fact.value,
        "unit": fact.unit,
        "equivalents": list(fact.equivalents),
        "sources": [_ref_json(s) for s in fact.sources],
    }


def _ref_json(ref: Any) -> dict[str, Any]:
    return {
        "article": ref.article,
        "sentence": ref.sentence,
        "form": ref.text,
        "start": ref.start,
        "end": ref.end,
    }
