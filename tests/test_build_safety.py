"""A failed or killed build leaves the previous site exactly as it was."""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from digest import render as render_module
from digest.build import build
from digest.config import load_config
from digest.errors import LockError
from digest.output import build_lock
from tests.sites import snapshot

FIXTURE = Path(__file__).parent / "fixtures" / "project_basic"


@pytest.fixture
def built(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    build(load_config(project))
    return project


def test_failure_in_the_middle_of_rendering_keeps_the_old_site(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(built / "site")
    (built / "articles" / "new.txt").write_text("A new article\n\nAcme said profit rose 9% on Friday.\n")
    real_render = render_module.render_pages

    def failing_render(*args, **kwargs):  # type: ignore[no-untyped-def]
        # Pages reach the writer one at a time: some are staged before the crash.
        pages = real_render(*args, **kwargs)
        yield from itertools.islice(pages, 5)
        raise RuntimeError("renderer crashed after 5 pages")

    monkeypatch.setattr(render_module, "render_pages", failing_render)
    with pytest.raises(RuntimeError, match="renderer crashed"):
        build(load_config(built))
    assert snapshot(built / "site") == before
    assert not [p for p in built.iterdir() if p.name.startswith(".site.tmp")]


def test_kill_at_any_point_keeps_a_whole_site(built: Path) -> None:
    (built / "articles" / "new.txt").write_text("A new article\n\nAcme said profit rose 9% on Friday.\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    command = [sys.executable, "-m", "digest", "build", "--project", str(built)]
    shutil.rmtree(built / ".digest-cache", ignore_errors=True)
    start = time.monotonic()
    subprocess.run(command, env=env, check=True, capture_output=True, cwd=built.parent)
    duration = time.monotonic() - start
    shutil.rmtree(built / "site")
    shutil.copytree(FIXTURE.parent.parent / "golden" / "project_basic", built / "site")
    before = snapshot(built / "site")
    for fraction in (0.3, 0.5, 0.7, 0.8, 0.9, 0.97):
        shutil.rmtree(built / ".digest-cache", ignore_errors=True)
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        site = built / "site"
        if site.exists():
            now = snapshot(site)
            assert now == before or "articles/new.html" in now, (
                f"half-written site after a kill at {fraction:.0%}"
            )
            before = now
    build(load_config(built))
    assert "articles/new.html" in snapshot(built / "site")


def test_concurrent_build_fails_fast(built: Path) -> None:
    config = load_config(built)
    with build_lock(config.output_dir):
        start = time.monotonic()
        with pytest.raises(LockError):
            build(config)
        assert time.monotonic() - start < 5


_SLOW_PARALLEL_BUILD = """
import sys, time
from pathlib import Path
from digest import assemble, executors, records as records_module
executors.MIN_PARALLEL = 1
assemble.PARALLEL_RENDER = 1
real = records_module.process_article
def slow(doc):
    time.sleep(0.3)
    return real(doc)
records_module.process_article = slow
from digest.build import build
from digest.config import load_config
build(load_config(Path(sys.argv[1])), use_cache=False, workers=2)
"""


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_workers_of_a_killed_build_end_and_leave_the_output_unlocked(built: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_PARALLEL_BUILD, str(built)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while len(workers := _children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(workers) >= 2, "the build never started its workers"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{w}").exists() and "Z" not in _state(w) for w in workers):
        assert time.monotonic() < deadline, "a worker outlived its killed build"
        time.sleep(0.05)
    with build_lock(built / "site"):  # not held by any orphan
        pass
    assert proc.stderr is not None
    with proc.stderr:
        assert b"Traceback" not in proc.stderr.read()


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"
