"""Pathological Markdown is cleaned and extracted in bounded time, linear in its size."""

from __future__ import annotations

import time
from zoneinfo import ZoneInfo

import pytest

from digest.load import parse_article
from digest.records import process_article

CASES = {
    "open_brackets": "[" * 100_000,
    "unclosed_links": "[a](" * 30_000,
    "unclosed_images": "![" * 50_000,
    "emphasis_runs": "**a" * 40_000,
    "deep_blockquote_nesting": ">" * 50_000 + " text",
    "deep_list_nesting": "".join("  " * i + "- item\n" for i in range(2_000)),
    "unclosed_tags": "<a " * 40_000,
    "unclosed_quotes": "\u201ca " * 30_000,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pathological_body_is_bounded(name: str) -> None:
    raw = f"---\ntitle: {name}\n---\n{CASES[name]}".encode()
    doc = parse_article(raw, path=f"articles/{name}.md", tz=ZoneInfo("UTC"))
    start = time.process_time()
    record = process_article(doc)
    # A generous bound that a quadratic rule (tens of seconds here) cannot meet; not a benchmark.
    assert time.process_time() - start < 10
    assert record.article.id == name.replace("_", "-") or record.article.id == name
