"""The writer: atomic swap, marker, refusals, lock, unchanged files left alone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from digest.errors import LockError, OutputError
from digest.models import OutputFile
from digest.output import MARKER, build_lock, check_output_dir, safe_relative, write_site


def _files(**pages: str) -> tuple[OutputFile, ...]:
    return tuple(
        OutputFile(path.replace("__", "/").replace("_", "."), text.encode()) for path, text in pages.items()
    )


def test_writes_site_with_marker(tmp_path: Path) -> None:
    out = tmp_path / "site"
    written, unchanged = write_site(
        _files(index_html="hi", a__b_html="b"), output_dir=out, project_dir=tmp_path
    )
    assert (written, unchanged) == (2, 0)
    assert (out / "index.html").read_text() == "hi"
    assert (out / "a" / "b.html").read_text() == "b"
    assert (out / MARKER).is_file()


def test_unchanged_files_keep_their_inode_and_a_no_op_build_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(_files(index_html="hi", x_html="x"), output_dir=out, project_dir=tmp_path)
    before = (out / "index.html").stat()
    written, unchanged = write_site(_files(index_html="hi", x_html="x"), output_dir=out, project_dir=tmp_path)
    assert (written, unchanged) == (0, 2)
    after = (out / "index.html").stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    written, unchanged = write_site(_files(index_html="hi", x_html="y"), output_dir=out, project_dir=tmp_path)
    assert (written, unchanged) == (1, 1)
    assert (out / "index.html").stat().st_ino == before.st_ino


def test_stale_files_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(_files(index_html="hi", old_html="o"), output_dir=out, project_dir=tmp_path)
    write_site(_files(index_html="hi"), output_dir=out, project_dir=tmp_path)
    assert not (out / "old.html").exists()


def test_failure_while_staging_leaves_previous_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    write_site(_files(index_html="old"), output_dir=out, project_dir=tmp_path)
    calls = []

    def boom(path: str) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_site(
            _files(index_html="new", b_html="b", c_html="c"),
            output_dir=out,
            project_dir=tmp_path,
            on_write=boom,
        )
    assert (out / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site.tmp")) == []


def test_interrupted_swap_is_recovered(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(_files(index_html="old"), output_dir=out, project_dir=tmp_path)
    os.rename(out, tmp_path / ".site.old")  # as if killed between the two renames
    write_site(_files(index_html="new"), output_dir=out, project_dir=tmp_path)
    assert (out / "index.html").read_text() == "new"
    assert not (tmp_path / ".site.old").exists()


def test_refuses_directory_without_marker(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "precious.txt").write_text("keep")
    with pytest.raises(OutputError, match="not written by digest"):
        write_site(_files(index_html="x"), output_dir=out, project_dir=tmp_path)
    assert (out / "precious.txt").read_text() == "keep"


@pytest.mark.parametrize("target", ["/", "~", ".", "articles", "templates", ".."])
def test_refuses_protected_directories(tmp_path: Path, target: str) -> None:
    project = tmp_path / "project"
    (project / "articles").mkdir(parents=True)
    (project / "templates").mkdir()
    out = {"/": Path("/"), "~": Path.home(), ".": project, "..": tmp_path}.get(target, project / target)
    with pytest.raises(OutputError, match=r"refusing|not written by digest"):
        check_output_dir(out, project_dir=project)


@pytest.mark.parametrize("path", ["../evil.html", "/etc/passwd", "a/../../b", ""])
def test_rejects_paths_outside_output(path: str) -> None:
    with pytest.raises(OutputError):
        safe_relative(path)


def test_rejects_case_colliding_paths(tmp_path: Path) -> None:
    files = (OutputFile("a.html", b"1"), OutputFile("A.html", b"2"))
    with pytest.raises(OutputError, match="share the path"):
        write_site(files, output_dir=tmp_path / "site", project_dir=tmp_path)


def test_second_build_fails_fast_on_lock(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with build_lock(out), pytest.raises(LockError, match="another digest build"), build_lock(out):
        pass
