"""The committed site/ is exactly what the current code builds from the committed project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from digest.build import build
from digest.config import load_config

ROOT = Path(__file__).resolve().parent.parent


def test_committed_site_is_up_to_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = tmp_path / "project"
    project.mkdir()
    for name in ("articles", "templates"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "digest.yaml", project / "digest.yaml")
    config = load_config(project)
    build(config)
    built = {
        p.relative_to(config.output_dir).as_posix(): p.read_bytes()
        for p in sorted(config.output_dir.rglob("*"))
        if p.is_file()
    }
    committed = {
        p.relative_to(ROOT / "site").as_posix(): p.read_bytes()
        for p in sorted((ROOT / "site").rglob("*"))
        if p.is_file()
    }
    assert sorted(built) == sorted(committed), "site/ is stale: run `make site` and commit it"
    stale = [path for path in built if built[path] != committed[path]]
    assert not stale, f"site/ is stale ({stale[:5]}): run `make site` and commit it"
