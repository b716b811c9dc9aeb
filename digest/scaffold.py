"""Create a new digest project: a commented digest.yaml, an example article and editable templates."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from digest.errors import OutputError

# Files whose name would hide them from packaging tools are stored under a plain name.
_RENAMES = {"gitignore": ".gitignore"}


def create_project(target: Path) -> tuple[Path, ...]:
    """Create a project in `target` (absent or empty) and return the files written, sorted."""
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target} exists and is not a directory")
    if target.is_dir() and any(target.iterdir()):
        raise OutputError(f"{target} is not empty; digest init only creates a project in an empty directory")
    package = resources.files("digest")
    plan: dict[Path, bytes] = {}
    _collect(package / "project_template", target, plan)
    _collect(package / "templates", target / "templates", plan)
    for path in sorted(plan):
        path.parent.mkdir(parents=True, exist_ok=True)
        # "x": never replace a file, even one created while we were writing.
        with open(path, "xb") as handle:
            handle.write(plan[path])
    return tuple(sorted(plan))


def _collect(source: Traversable, target: Path, plan: dict[Path, bytes]) -> None:
    for entry in sorted(source.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__" or entry.name.endswith((".pyc", ".pyo")):
            continue
        if entry.is_dir():
            _collect(entry, target / entry.name, plan)
        else:
            plan[target / _RENAMES.get(entry.name, entry.name)] = entry.read_bytes()
