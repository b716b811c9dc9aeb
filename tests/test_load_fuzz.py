"""Property tests: whatever the bytes, loading returns a SourceDoc or raises a DigestError naming the file."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.errors import DigestError
from digest.load import parse_article
from digest.models import SourceDoc

PATH = "articles/fuzz.md"
TZ = ZoneInfo("Europe/Paris")
FUZZ = settings(max_examples=200, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(raw: bytes) -> SourceDoc | None:
    try:
        doc = parse_article(raw, path=PATH, tz=TZ)
    except DigestError as exc:
        assert exc.path == PATH
        assert exc.message
        return None
    assert doc.path == PATH
    assert doc.id and all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in doc.id)
    assert doc.title and "\n" not in doc.title
    assert "\r" not in doc.body and "\x00" not in doc.body
    assert doc.published is None or doc.published.tzinfo is not None
    assert doc.url is None or doc.url.lower().startswith(("http://", "https://"))
    for diagnostic in doc.diagnostics:
        assert diagnostic.path == PATH and diagnostic.level == "warning"
    return doc


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes(raw: bytes) -> None:
    _check(raw)


@FUZZ
@given(st.binary(max_size=512))
def test_random_bytes_after_a_front_matter_opening(raw: bytes) -> None:
    _check(b"---\n" + raw)
    _check(b"\xef\xbb\xbf---\ntitle: T\n" + raw + b"\n---\nBody\n")


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.dates(),
    st.datetimes(timezones=st.none() | st.just(dt.UTC)),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
_KEYS = st.sampled_from(
    [
        "title",
        "source",
        "url",
        "author",
        "published",
        "date",
        "language",
        "tags",
        "slug",
        "content",
        "handler",
    ]
) | st.text(max_size=10)


@FUZZ
@given(st.dictionaries(_KEYS, _VALUES, max_size=8), st.text(max_size=300))
def test_random_front_matter(data: dict[str, Any], body: str) -> None:
    front = yaml.safe_dump(data, allow_unicode=True)
    _check(f"---\n{front}---\n{body}".encode("utf-8", "surrogatepass"))


@FUZZ
@given(
    st.fixed_dictionaries(
        {"title": st.text(min_size=1, max_size=60).filter(lambda t: any(ch.isalnum() for ch in t))},
        optional={
            "published": st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31)).map(str),
            "tags": st.lists(st.text(max_size=12), max_size=4),
            "url": st.sampled_from(["https://example.com/a", "http://news.example.org/b?c=1"]),
            "slug": st.text(max_size=20),
        },
    ),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=300),
)
def test_valid_front_matter_always_loads(data: dict[str, Any], body: str) -> None:
    front = yaml.safe_dump(data, allow_unicode=True)
    doc = _check(f"---\n{front}---\n{body}".encode("utf-8", "surrogatepass"))
    assert doc is not None
    assert doc.title.split() == doc.title.split(" ")  # whitespace collapsed
    if "published" in data:
        assert doc.published is not None and doc.published.date().isoformat() == data["published"]
    assert len(doc.tags) <= len(data.get("tags", []))
