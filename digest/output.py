"""The one place that writes the site: locked, staged in a temporary directory, swapped in whole."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePosixPath
from stat import S_ISREG

from digest.errors import LockError, OutputError
from digest.models import OutputFile

MARKER = ".digest-site"
MARKER_TEXT = b"This directory is written by digest build; digest may delete and rewrite it.\n"


def check_output_dir(output_dir: Path, *, project_dir: Path) -> None:
    """Raise OutputError unless `output_dir` is a place digest may replace as a whole."""
    out = output_dir.resolve()
    project = project_dir.resolve()
    protected = {Path("/"), Path.home().resolve(), project, project / "articles", project / "templates"}
    if out in protected:
        raise OutputError(f"refusing to use {out} as the output directory: it is {_describe(out, project)}")
    for keep in (project / "articles", project / "templates", project / "digest.yaml"):
        if keep == out or out in keep.parents:
            raise OutputError(f"refusing to use {out} as the output directory: it contains {keep}")
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} exists and is not a directory")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise OutputError(
            f"{out} is not empty and was not written by digest (no {MARKER} marker); "
            "choose another --output or empty it yourself"
        )


def _describe(out: Path, project: Path) -> str:
    if out == Path("/"):
        return "the file system root"
    if out == Path.home().resolve():
        return "your home directory"
    return "the project directory" if out == project else "a project input directory"


@contextlib.contextmanager
def build_lock(output_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock for building into `output_dir`; fail fast if another build holds it."""
    lock_path = output_dir.parent / f".{output_dir.name}.lock"
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise LockError(f"another digest build is writing {output_dir} (lock {lock_path})") from exc
        _HELD.add(handle.fileno())
        try:
            yield
        finally:
            _HELD.discard(handle.fileno())
            fcntl.flock(handle, fcntl.LOCK_UN)


# The descriptors of the build locks this process holds. A lock belongs to every process that has
# a copy of its descriptor, so a forked worker (extraction, rendering) that outlived a killed build
# would keep the output locked: each forked child points its copies at /dev/null at once.
_HELD: set[int] = set()


def _let_go_of_locks() -> None:
    if not _HELD:
        return
    null = os.open(os.devnull, os.O_RDONLY)
    try:
        for fd in _HELD:
            # dup2, not close: the number stays taken, so no file opened later can get it while
            # the inherited file object still holds it.
            os.dup2(null, fd)
    finally:
        os.close(null)
    _HELD.clear()


os.register_at_fork(after_in_child=_let_go_of_locks)


def safe_relative(path: str) -> PurePosixPath:
    """Return `path` as a relative POSIX path inside the output, or raise OutputError."""
    return PurePosixPath(_relative(path))


def _relative(path: str) -> str:
    # Plain strings: the writer checks tens of thousands of paths per build.
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if path.startswith("/") or not parts or ".." in parts:
        raise OutputError(f"refusing to write outside the output directory: {path!r}")
    return "/".join(parts)


def write_site(
    files: Iterable[OutputFile],
    *,
    output_dir: Path,
    project_dir: Path,
    on_write: Callable[[str], None] | None = None,
) -> tuple[int, int]:
    """Write `files` as the whole content of `output_dir`, atomically; return (written, unchanged).

    Files are staged as they come, so a large site never has to be held in memory at once.
    Unchanged files, and files `kept` from the last build, are hard-linked from the previous site,
    so they keep their bytes and times. The new tree is staged next to the output and swapped in
    only when complete, so a failure at any point leaves the previous site as it was.
    """
    check_output_dir(output_dir, project_dir=project_dir)
    out = output_dir.resolve()
    _recover_interrupted_swap(out)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        written, unchanged = _stage(files, stage=stage, previous=out, on_write=on_write)
        (stage / MARKER).write_bytes(MARKER_TEXT)
        if out.exists() and written == 0 and _same_listing(stage, out):
            shutil.rmtree(stage)
            return 0, unchanged
        _swap(stage, out)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return written, unchanged


def _stage(
    files: Iterable[OutputFile], *, stage: Path, previous: Path, on_write: Callable[[str], None] | None
) -> tuple[int, int]:
    written = unchanged = 0
    seen: dict[str, str] = {}
    made: set[str] = set()
    staged, old_root = str(stage), str(previous)
    for item in files:
        relative = _relative(item.path)
        key = relative.casefold()
        if key in seen:
            raise OutputError(f"two output files share the path {item.path!r} (and {seen[key]!r})")
        seen[key] = item.path
        target = f"{staged}/{relative}"
        parent = target.rpartition("/")[0]
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        old = f"{old_root}/{relative}"
        if item.kept:
            try:
                os.link(old, target)
            except OSError as exc:
                raise OutputError(
                    f"the previous site lost {item.path} while this build was reusing it; build again",
                    path=old,
                ) from exc
            unchanged += 1
            continue
        if _same_bytes(old, item.content):
            os.link(old, target)
            unchanged += 1
            continue
        with open(target, "wb") as out:
            out.write(item.content)
        written += 1
        if on_write is not None:
            on_write(item.path)
    return written, unchanged


def _same_bytes(path: str, content: bytes) -> bool:
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if not S_ISREG(st.st_mode) or st.st_size != len(content):
        return False
    with open(path, "rb") as old:
        return old.read() == content


def _same_listing(a: Path, b: Path) -> bool:
    def listing(root: Path) -> list[str]:
        return sorted(str(p.relative_to(root)) for p in root.rglob("*"))

    return listing(a) == listing(b)


def _swap(stage: Path, out: Path) -> None:
    if not out.exists():
        os.rename(stage, out)
        return
    old = out.parent / f".{out.name}.old"
    if old.exists():
        shutil.rmtree(old)
    os.rename(out, old)
    try:
        os.rename(stage, out)
    except OSError:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _recover_interrupted_swap(out: Path) -> None:
    """Put back the previous site if a build was killed between the two renames of a swap."""
    old = out.parent / f".{out.name}.old"
    if old.is_dir() and (old / MARKER).is_file():
        if not out.exists():
            os.rename(old, out)
        else:
            shutil.rmtree(old, ignore_errors=True)
    for stale in out.parent.glob(f".{out.name}.tmp-*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
