"""Turn records into their public JSON form (the `extract` contract)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from digest.models import ArticleRecord

RECORD_FIELDS = (
    "id", "path", "title", "source", "url", "author", "published", "language", "flags", "text",
    "removed", "sentences", "figures", "dates", "speakers", "quotes", "claims",
)


def record_to_dict(record: ArticleRecord) -> dict[str, Any]:
    """Return the JSON-ready dict of `record`, keys in contract order."""
    art = record.article
    return {
        "id": art.id,
        "path": art.path,
        "title": art.title,
        "source": art.source,
        "url": art.url,
        "author": art.author,
        "published": art.published.date().isoformat() if art.published else None,
        "language": art.language,
        "flags": list(art.flags),
        "text": art.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in art.removed],
        "sentences": [{"start": s.start, "end": s.end, "language": s.language} for s in art.sentences],
        "figures": [asdict(f) for f in record.figures],
        "dates": [asdict(d) for d in record.dates],
        "speakers": [_speaker(s) for s in record.speakers],
        "quotes": [asdict(q) for q in record.quotes],
        "claims": [_claim(c) for c in record.claims],
    }


def record_to_json(record: ArticleRecord, *, indent: int | None = None) -> str:
    """Return `record` as one JSON document (one line when `indent` is None)."""
    return json.dumps(record_to_dict(record), ensure_ascii=False, indent=indent, sort_keys=False)


def _speaker(speaker: Any) -> dict[str, Any]:
    data = asdict(speaker)
    data["aliases"] = list(speaker.aliases)
    data["mentions"] = [{"start": m.start, "end": m.end} for m in speaker.mentions]
    return data


def _claim(claim: Any) -> dict[str, Any]:
    data = asdict(claim)
    for key in ("figures", "dates", "themes"):
        data[key] = list(data[key])
    return data
