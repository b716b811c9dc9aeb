"""`digest check`: per-article report, warnings, --strict and exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "project_basic"

ARTICLE_WITH_UNATTRIBUTED_QUOTE = """\
---
title: "Port strike enters second week"
published: 2025-03-09
---
Dock workers at the city's main port stayed off the job for an eighth day on Sunday.

"We will not go back until the contract is signed."

Share this article
"""
DATED_ARTICLE = """\
---
title: "Harbour authority raises fees"
published: 2025-03-10
---
The harbour authority said on Monday it would raise berthing fees by 4 percent from April.
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(FIXTURE, target)
    return target


def check(runner: CliRunner, project: Path, *extra: str) -> tuple[int, str, str]:
    result = runner.invoke(main, ["check", "--project", str(project), *extra])
    return result.exit_code, result.stdout, result.stderr


def test_reports_removed_boilerplate_by_reason_and_counts(runner: CliRunner, project: Path) -> None:
    (project / "articles" / "strike.md").write_text(ARTICLE_WITH_UNATTRIBUTED_QUOTE, encoding="utf-8")
    code, out, _ = check(runner, project)
    assert code == 0
    block = out[out.index("articles/strike.md: Port strike enters second week") :]
    assert "removed: 1 (share widget 1)" in block
    assert "flags: boilerplate_removed" in block
    assert "found: 0 figures, 1 dates, 1 quotes" in block


def test_warns_on_a_quotation_without_a_speaker(runner: CliRunner, project: Path) -> None:
    (project / "articles" / "strike.md").write_text(ARTICLE_WITH_UNATTRIBUTED_QUOTE, encoding="utf-8")
    _, out, _ = check(runner, project)
    assert "warning: quotation without a speaker (sentence 1): “We will not go back" in out


def test_warns_on_an_undated_article(runner: CliRunner, project: Path) -> None:
    _, out, _ = check(runner, project)
    block = out[out.index("articles/article_without_date.txt") :]
    assert "warning: no publication date" in block.split("\narticles/")[0]


def test_warns_on_conflicting_figures_under_each_article_involved(runner: CliRunner, project: Path) -> None:
    code, out, err = check(runner, project)
    assert code == 0
    assert out.count("warning: conflicting figures for") == 2
    assert "1 conflicting figures" in err


def test_strict_fails_on_warnings_only(runner: CliRunner, tmp_path: Path) -> None:
    project = tmp_path / "clean"
    (project / "articles").mkdir(parents=True)
    (project / "articles" / "fees.md").write_text(DATED_ARTICLE, encoding="utf-8")
    assert check(runner, project, "--strict")[0] == 0
    (project / "articles" / "strike.md").write_text(ARTICLE_WITH_UNATTRIBUTED_QUOTE, encoding="utf-8")
    assert check(runner, project)[0] == 0
    assert check(runner, project, "--strict")[0] == 1


def test_errors_exit_one_and_a_bad_config_exits_two(runner: CliRunner, project: Path) -> None:
    (project / "articles" / "bad.md").write_bytes(b"---\npublished: 2025-02-30\n---\nBody\n")
    assert check(runner, project)[0] == 1
    (project / "digest.yaml").write_text("colour: blue\n", encoding="utf-8")
    code, _, err = check(runner, project)
    assert code == 2 and "unknown setting 'colour'" in err and "Traceback" not in err


def test_help_documents_the_exit_codes(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--help"])
    assert result.exit_code == 0
    for line in ("0  no errors", "1  an article has errors", "2  digest.yaml", "3  the output", "4  another"):
        assert line in result.output


def test_check_writes_nothing_but_the_cache(runner: CliRunner, project: Path) -> None:
    def listing() -> list[Path]:
        return sorted(p.relative_to(project) for p in project.rglob("*") if ".digest-cache" not in p.parts)

    before = listing()
    check(runner, project)
    assert listing() == before
