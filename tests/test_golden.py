"""Whole-site golden test: a fresh build of tests/fixtures/project_basic equals tests/golden/project_basic.

Regenerate after an intended change with `make golden` and review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from digest.build import build
from digest.config import load_config

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "project_basic"
GOLDEN = HERE / "golden" / "project_basic"
# Search indexes are binary and checked by their own tests.
SKIP_DIRS = ("pagefind/",)


def _tree(root: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and not rel.startswith(SKIP_DIRS):
            files[rel] = path.read_bytes()
    return files


def _fresh_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config = load_config(project)
    build(config)
    return config.output_dir


def test_fresh_build_matches_golden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _fresh_build(tmp_path, monkeypatch)
    if os.environ.get("DIGEST_REGENERATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(site, GOLDEN, ignore=shutil.ignore_patterns("pagefind"))
    built, golden = _tree(site), _tree(GOLDEN)
    assert sorted(built) == sorted(golden), "file lists differ; run `make golden` and review the diff"
    for path in built:
        assert built[path] == golden[path], (
            f"{path} differs from the golden copy; run `make golden` and review"
        )


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _tree(_fresh_build(tmp_path / "one", monkeypatch))
    second = _tree(_fresh_build(tmp_path / "two", monkeypatch))
    assert first == second
