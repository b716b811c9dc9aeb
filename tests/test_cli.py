"""The commands, through click's CliRunner: exit codes, messages, no tracebacks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "project_basic"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(FIXTURE, target)
    return target


def test_build_writes_site(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(main, ["build", "--project", str(project)])
    assert result.exit_code == 0, result.output
    assert (project / "site" / "index.html").is_file()
    assert "built 3 articles" in result.output


def test_build_with_output_option(runner: CliRunner, project: Path, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere"
    result = runner.invoke(main, ["build", "--project", str(project), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "feed.xml").is_file()


def test_folder_with_only_articles_builds_with_defaults(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "one.txt").write_text("A headline\n\nAcme said revenue rose 5% on Monday.\n")
    result = runner.invoke(main, ["build", "--project", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "A headline" in (tmp_path / "site" / "articles" / "one.html").read_text()


def test_build_refuses_the_project_directory_as_output(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(main, ["build", "--project", str(project), "--output", str(project)])
    assert result.exit_code == 3
    assert "refusing" in result.output and "Traceback" not in result.output


def test_bad_config_names_the_file_and_line(runner: CliRunner, project: Path) -> None:
    (project / "digest.yaml").write_text("title: ok\nthemes: [\n")
    result = runner.invoke(main, ["build", "--project", str(project)])
    assert result.exit_code == 2
    assert "digest.yaml:" in result.output and "Traceback" not in result.output


def test_bad_article_is_reported_and_the_rest_is_built(runner: CliRunner, project: Path) -> None:
    (project / "articles" / "broken.md").write_text("---\ntitle: [unclosed\n---\nBody\n")
    result = runner.invoke(main, ["build", "--project", str(project)])
    assert result.exit_code == 1
    assert "articles/broken.md:" in result.output and "Traceback" not in result.output
    assert (project / "site" / "articles" / "article_with_metadata.html").is_file()


def test_extract_jsonl_prints_one_record_per_article_in_order(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", str(ROOT / "articles"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 5
    assert [r["id"][:3] for r in lines] == ["000", "001", "002", "003", "004"]
    assert list(lines[0]) == [
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
    ]


def test_extract_json_of_single_files_keeps_input_order(runner: CliRunner) -> None:
    files = sorted((ROOT / "articles").glob("*.md"))
    result = runner.invoke(main, ["extract", str(files[3]), str(files[0]), "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["id"][:3] for r in records] == ["003", "000"]


def test_check_writes_nothing_and_exits_zero(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(main, ["check", "--project", str(project)])
    assert result.exit_code == 0, result.output
    assert not (project / "site").exists()
    assert "3 articles, 0 errors" in result.output


def test_check_exits_one_on_error(runner: CliRunner, project: Path) -> None:
    (project / "articles" / "bad.md").write_bytes(b"---\npublished: 2025-02-30\n---\nBody\n")
    result = runner.invoke(main, ["check", "--project", str(project)])
    assert result.exit_code == 1
    assert "articles/bad.md:2" in result.output


@pytest.mark.parametrize(
    ("template", "line", "message"),
    [
        (
            '{% extends "base.html" %}\n{% block content %}\n{{ theme.name }\n{% endblock %}\n',
            3,
            "unexpected '}'",
        ),
        (
            '{% extends "base.html" %}\n{% block content %}\n\n{{ theme.nosuch }}\n{% endblock %}\n',
            4,
            "nosuch",
        ),
        (
            '{% extends "base.html" %}\n{% block content %}{% include "gone.html" %}{% endblock %}\n',
            2,
            "gone.html",
        ),
    ],
    ids=["syntax", "undefined value", "missing include"],
)
def test_a_broken_project_template_is_named_with_its_line_and_keeps_the_site(
    runner: CliRunner, project: Path, template: str, line: int, message: str
) -> None:
    assert runner.invoke(main, ["build", "--project", str(project)]).exit_code == 0
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    (project / "templates").mkdir()
    (project / "templates" / "theme.html").write_text(template)
    result = runner.invoke(main, ["build", "--project", str(project)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"templates/theme.html:{line}: template " in result.output
    assert message in result.output
    assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == before
