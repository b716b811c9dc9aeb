"""Build a project into a directory and serve it on 127.0.0.1, for the browser and validator tests."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
NODE_MODULES = ROOT / "node_modules"
CHROMIUM = Path(os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# .ci/run sets this once it has installed the npm tools: from then on a missing tool is a failure.
REQUIRE_TOOLS = os.environ.get("DIGEST_REQUIRE_BROWSER_TOOLS") == "1"


def build_site(project: Path, output: Path) -> Path:
    """Build `project` into `output` (its search index and search page included) and return `output`."""
    from digest.build import build
    from digest.config import load_config

    config = load_config(project, output_dir=output)
    report = build(config)
    assert report.errors == 0, [d.format() for d in report.diagnostics]
    assert (output / "pagefind").is_dir() and (output / "search.html").is_file()
    return output


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output for the tests."""


@contextmanager
def serving(directory: Path) -> Iterator[str]:
    """Serve `directory` on a free port of 127.0.0.1 and yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def need_tool(path: Path, what: str) -> Path:
    """Return `path`, or skip (fail under .ci/run) when the npm tool it belongs to is not installed."""
    if path.exists():
        return path
    message = f"{what} is not installed ({path} missing): run `npm ci` in {ROOT} (.ci/run does)"
    if REQUIRE_TOOLS:
        pytest.fail(message)
    pytest.skip(message)


def need_program(name: str) -> str:
    """Return the path of the program `name`, or skip (fail under .ci/run) when it is not installed."""
    found = shutil.which(name)
    if found is None:
        message = f"{name} is not installed"
        if REQUIRE_TOOLS:
            pytest.fail(message)
        pytest.skip(message)
    return found


def run(
    command: list[str], *, timeout: float, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `command` and return its result, with a time limit."""
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, check=False)
