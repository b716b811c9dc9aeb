"""`digest init`: a new project that builds, with editable templates and a documented config."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from digest.build import build
from digest.cli import main
from digest.config import _KEYS, load_config

TEMPLATES = Path(__file__).resolve().parent.parent / "digest" / "templates"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_init_creates_a_project_that_builds(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "story"
    result = runner.invoke(main, ["init", str(target)])
    assert result.exit_code == 0, result.output
    assert (target / "digest.yaml").is_file()
    assert (target / ".gitignore").is_file()
    assert len(list((target / "articles").glob("*.md"))) == 1
    report = build(load_config(target))
    assert report.errors == 0 and report.articles == 1
    assert (target / "site" / "index.html").is_file()


def test_init_copies_every_built_in_template(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "story"
    runner.invoke(main, ["init", str(target)])
    built_in = sorted(p.name for p in TEMPLATES.iterdir() if p.is_file())
    assert sorted(p.name for p in (target / "templates").iterdir()) == built_in
    assert (target / "templates" / "base.html").read_bytes() == (TEMPLATES / "base.html").read_bytes()


def test_edited_template_is_used_by_the_build(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "story"
    runner.invoke(main, ["init", str(target)])
    about = target / "templates" / "about.html"
    about.write_text("<p>Edited by the desk.</p>\n", encoding="utf-8")
    build(load_config(target))
    assert "Edited by the desk." in (target / "site" / "index.html").read_text(encoding="utf-8")


def test_config_documents_every_setting(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "story"
    runner.invoke(main, ["init", str(target)])
    text = (target / "digest.yaml").read_text(encoding="utf-8")
    for key in _KEYS:
        assert f"\n# {key}:" in text or f"\n{key}:" in text, key
    loaded = yaml.safe_load(text)
    assert loaded["themes"] and all("keywords" in t for t in loaded["themes"])


def test_init_refuses_a_non_empty_directory(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "story"
    target.mkdir()
    (target / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = runner.invoke(main, ["init", str(target)])
    assert result.exit_code == 3
    assert "not empty" in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]


def test_init_accepts_an_existing_empty_directory(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "story"
    target.mkdir()
    assert runner.invoke(main, ["init", str(target)]).exit_code == 0
