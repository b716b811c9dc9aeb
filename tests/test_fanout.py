"""Pages rendered by several forked processes: the same site, and every failure reported."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest import assemble
from digest import fanout as fanout_module
from digest.build import build
from digest.config import load_config
from digest.errors import DigestError, TemplateProblem
from digest.fanout import fan_out
from tests.sites import snapshot

FIXTURE = Path(__file__).parent / "fixtures" / "project_basic"

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")


def _numbers(mine: int, shares: int) -> Iterator[int]:
    return iter(range(mine, 100, shares))


def test_every_share_is_made_once() -> None:
    assert sorted(fan_out(_numbers, 3)) == list(range(100))


def _fails(mine: int, shares: int) -> Iterator[int]:
    yield mine
    if mine == 1:
        raise DigestError("share one failed", path="templates/x.html", line=7)


def test_an_error_in_a_worker_is_raised_with_where_it_happened() -> None:
    with pytest.raises(DigestError) as caught:
        list(fan_out(_fails, 2))
    assert caught.value.format() == "templates/x.html:7: share one failed"


def _fails_unpicklably(mine: int, shares: int) -> Iterator[int]:
    exc = RuntimeError("cannot travel")
    exc.callback = lambda: None  # type: ignore[attr-defined]  # no pickle can carry a lambda
    raise exc
    yield 0


def test_an_exception_that_cannot_travel_comes_back_as_its_text() -> None:
    with pytest.raises(DigestError, match="RuntimeError: cannot travel"):
        list(fan_out(_fails_unpicklably, 2))


def _dies(mine: int, shares: int) -> Iterator[int]:
    yield mine
    if mine == 0:
        os._exit(9)


def test_a_worker_that_dies_is_an_error_not_a_hang() -> None:
    with pytest.raises(DigestError, match="worker process died"):
        list(fan_out(_dies, 2))


def _endless(mine: int, shares: int) -> Iterator[int]:
    n = mine
    while True:
        yield n
        n += shares


def test_leaving_early_stops_the_workers() -> None:
    before = set(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task") else set()
    stream = fan_out(_endless, 2)
    assert len([next(stream) for _ in range(50)]) == 50
    stream.close()
    assert not [p for p in multiprocessing.active_children() if p.name.startswith("digest-render")]
    if before:
        assert set(os.listdir("/proc/self/task")) == before


# The builds below fork; a process that has run other threads (a Dask client's, for one) renders
# in one process instead, as it should. So each runs in a fresh interpreter of its own.


def _fresh(case: str, tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    script = f"import sys, pathlib; from tests.test_fanout import {case}; {case}(pathlib.Path(sys.argv[1]))"
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], cwd=root, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]


def _project(tmp_path: Path) -> tuple[Path, list[int]]:
    """Return a copy of the fixture project that forks to render, and the list of forks made."""
    out = tmp_path / "project"
    shutil.copytree(FIXTURE, out)
    assemble.PARALLEL_RENDER = 1  # the fixture's three articles are enough
    seen: list[int] = []
    real = fanout_module.fan_out

    def counting(make, workers):  # type: ignore[no-untyped-def]
        seen.append(workers)
        return real(make, workers)

    fanout_module.fan_out = counting  # type: ignore[assignment]
    return out, seen


def case_same_site(tmp_path: Path) -> None:
    project, forks = _project(tmp_path)
    build(load_config(project), use_cache=False, workers=1)
    alone = snapshot(project / "site")
    assert forks == []
    shutil.rmtree(project / "site")
    build(load_config(project), use_cache=False, workers=2)
    assert forks == [2]
    assert snapshot(project / "site") == alone


def test_a_site_rendered_by_two_processes_is_the_site_one_renders(tmp_path: Path) -> None:
    _fresh("case_same_site", tmp_path)


def case_only_everything(tmp_path: Path) -> None:
    project, forks = _project(tmp_path)
    build(load_config(project), workers=2)
    assert forks == [2]
    target = project / "articles" / "article_with_metadata.md"
    target.write_text(target.read_text() + "\nProfit fell 3% in March, analysts said.\n")
    build(load_config(project), workers=2)
    assert forks == [2]  # most pages are kept: one process renders the rest


def test_only_a_build_that_renders_everything_forks(tmp_path: Path) -> None:
    _fresh("case_only_everything", tmp_path)


def case_template(tmp_path: Path) -> None:
    project, forks = _project(tmp_path)
    build(load_config(project), use_cache=False, workers=1)
    before = snapshot(project / "site")
    (project / "templates").mkdir()
    (project / "templates" / "theme.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n{{ theme.nosuch }}\n{% endblock %}\n'
    )
    with pytest.raises(TemplateProblem) as caught:
        build(load_config(project), use_cache=False, workers=2)
    assert forks == [2]
    assert caught.value.path is not None and caught.value.path.endswith("templates/theme.html")
    assert caught.value.line == 3
    assert snapshot(project / "site") == before


def test_a_template_failing_in_a_worker_names_its_line_and_keeps_the_site(tmp_path: Path) -> None:
    _fresh("case_template", tmp_path)
