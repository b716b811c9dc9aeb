"""The search index in shards: a stable shard per article, each shard's bundle cached and never stale."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from digest import _pagefind, search
from digest.models import OutputFile
from digest.search import SHARD_ARTICLES, search_files, shard_count, shard_of

Build = Callable[..., dict[str, bytes]]


def _record(number: int, *, extra: str = "") -> dict[str, Any]:
    text = f"Harbour bridge {number} approved{extra}. The mayor praised bridge {number}."
    first = text.index(".") + 1
    return {
        "id": f"bridge-{number:02d}",
        "title": f"City approves harbour bridge {number}",
        "text": text,
        "sentences": [{"start": 0, "end": first}, {"start": first + 1, "end": len(text)}],
        "claims": [{"text": text[:first], "sentence": 0}],
        "quotes": [{"text": f"bridge {number}", "sentence": 1, "speaker": "Anna Berg", "direct": False}],
        "themes": [],
    }


def _records(*records: dict[str, Any]) -> list[OutputFile]:
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return [OutputFile("data/records.jsonl", lines.encode("utf-8"))]


EIGHT = [_record(n) for n in range(8)]


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count Pagefind runs (pages per run), with shards of two articles so eight articles make four."""
    monkeypatch.setattr(search, "SHARD_ARTICLES", 2)
    counted: list[int] = []
    real = _pagefind.run_pagefind

    def counting(binary: Path, pages: dict[str, str], **kwargs: Any) -> _pagefind.Bundle:
        counted.append(len(pages))
        return real(binary, pages, **kwargs)

    monkeypatch.setattr(_pagefind, "run_pagefind", counting)
    return counted


@pytest.fixture
def build(tmp_path: Path) -> Build:
    """Return a function indexing records with the cache in `tmp_path/cache`, as a path -> bytes map."""

    def index(
        records: list[dict[str, Any]], *, language: str = "en", cached: bool = True
    ) -> dict[str, bytes]:
        cache_dir = tmp_path / "cache" if cached else None
        return {
            f.path: f.content
            for f in search_files(_records(*records), language=language, cache_dir=cache_dir)
        }

    return index


def test_the_shard_of_an_article_follows_from_its_id_alone() -> None:
    assert shard_of("bridge-01", 8) == shard_of("bridge-01", 8)
    assert {shard_of(f"a{n}", 8) for n in range(200)} == set(range(8))
    # Doubling the shards splits each shard in two: no article moves between the others.
    assert all(shard_of(f"a{n}", 16) % 8 == shard_of(f"a{n}", 8) for n in range(200))


def test_shard_count_is_a_power_of_two_keeping_shards_under_the_target() -> None:
    assert [shard_count(n) for n in (0, 5, SHARD_ARTICLES)] == [1, 1, 1]
    assert shard_count(SHARD_ARTICLES + 1) == 2
    count = shard_count(10_000)
    assert count & (count - 1) == 0 and count // 2 * SHARD_ARTICLES < 10_000 <= count * SHARD_ARTICLES


def test_small_site_is_one_bundle_with_an_empty_list_of_shards(build: Build) -> None:
    files = build(EIGHT[:5])
    assert json.loads(files["pagefind/shards.json"]) == {"shards": []}
    assert "pagefind/pagefind-ui.js" in files and "pagefind/pagefind-entry.json" in files
    assert not [path for path in files if path.startswith("pagefind/shard-")]


def test_shards_after_the_first_hold_their_index_only(runs: list[int], build: Build) -> None:
    files = build(EIGHT)
    merged = json.loads(files["pagefind/shards.json"])["shards"]
    assert len(merged) >= 2 and len(runs) == len(merged) + 1 and sum(runs) == 8
    for shard in merged:
        names = {p.removeprefix(f"pagefind/{shard}") for p in files if p.startswith(f"pagefind/{shard}")}
        assert "pagefind-entry.json" in names and any(n.startswith("fragment/") for n in names)
        assert not [n for n in names if n.endswith((".js", ".css")) or n.startswith("wasm.")]


def test_unchanged_records_are_not_reindexed(runs: list[int], build: Build) -> None:
    first = build(EIGHT)
    built = len(runs)
    assert build(EIGHT) == first
    assert len(runs) == built


def test_one_changed_article_reindexes_its_shard_only(runs: list[int], build: Build, tmp_path: Path) -> None:
    first = build(EIGHT)
    runs.clear()
    changed = [*EIGHT[:3], _record(3, extra=" at last"), *EIGHT[4:]]
    second = build(changed)
    assert len(runs) == 1
    assert second != first
    # The cache holds what this build used, and nothing more.
    shards = 1 + len(json.loads(second["pagefind/shards.json"])["shards"])
    assert len(list((tmp_path / "cache").glob("*.bundle"))) == shards
    assert second == build(changed, cached=False)


def test_records_that_change_outside_the_pages_reuse_the_bundles(runs: list[int], build: Build) -> None:
    first = build(EIGHT)
    runs.clear()
    assert build([{**r, "themes": ["bridges"]} for r in EIGHT]) == first
    assert runs == []


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda mp: None, id="language"),
        pytest.param(lambda mp: mp.setattr(search, "FORMAT_VERSION", "test"), id="format"),
        pytest.param(
            lambda mp: mp.setattr(_pagefind, "version", lambda binary: "pagefind 0.0.1"), id="pagefind"
        ),
    ],
)
def test_a_changed_language_format_or_pagefind_reindexes_every_shard(
    runs: list[int],
    build: Build,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    change: Any,
) -> None:
    build(EIGHT)
    shards = len(runs)
    runs.clear()
    change(monkeypatch)
    language = "fr" if request.node.callspec.id == "language" else "en"
    build(EIGHT, language=language)
    assert len(runs) == shards


@pytest.mark.parametrize("damage", ["truncate", "flip", "delete", "garbage-key"])
def test_a_damaged_cache_is_rebuilt(runs: list[int], build: Build, tmp_path: Path, damage: str) -> None:
    first = build(EIGHT)
    shards = len(runs)
    runs.clear()
    cache = tmp_path / "cache"
    bundle = sorted(cache.glob("*.bundle"))[0]
    if damage == "truncate":
        bundle.write_bytes(bundle.read_bytes()[:-10])
    elif damage == "flip":
        data = bytearray(bundle.read_bytes())
        data[len(data) // 2] ^= 0xFF
        bundle.write_bytes(bytes(data))
    elif damage == "delete":
        for entry in cache.iterdir():
            entry.unlink()
        cache.rmdir()
    else:
        for entry in cache.glob("*.pages"):
            entry.write_text("not a key\n")
    assert build(EIGHT) == first
    assert len(runs) == {"truncate": 1, "flip": 1, "delete": shards, "garbage-key": 0}[damage]


def test_output_is_byte_identical_whatever_the_concurrency(
    runs: list[int], build: Build, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "MAX_PROCESSES", 1)
    one_at_a_time = build(EIGHT, cached=False)
    monkeypatch.setattr(search, "MAX_PROCESSES", 4)
    assert build(EIGHT, cached=False) == one_at_a_time
    assert build(EIGHT) == one_at_a_time
    assert list(one_at_a_time) == sorted(one_at_a_time)


def test_records_whose_id_is_not_first_are_read_too(build: Build) -> None:
    reordered = [{"title": r["title"], **r} for r in EIGHT[:2]]
    files = build(reordered, cached=False)
    assert files == build(EIGHT[:2], cached=False)


def test_no_records_no_index(build: Build, tmp_path: Path) -> None:
    build(EIGHT[:2])
    assert build([]) == {}
    assert not list((tmp_path / "cache").glob("*.bundle"))
