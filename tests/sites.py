"""Built sites compared as files: what an incremental build wrote against a build from nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

from digest.build import build
from digest.config import load_config


def snapshot(site: Path) -> dict[str, bytes]:
    """Return every file under `site` by its relative path."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def fresh_site(project: Path, scratch: Path) -> dict[str, bytes]:
    """Return the site a build from nothing, without any cache, makes of `project` as it is now."""
    clean = scratch / "fresh"
    shutil.rmtree(clean, ignore_errors=True)
    shutil.copytree(project / "articles", clean / "articles")
    shutil.copy(project / "digest.yaml", clean / "digest.yaml")
    build(load_config(clean), use_cache=False)
    return snapshot(clean / "site")
