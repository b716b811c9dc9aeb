"""Preview a project: build it, serve it on 127.0.0.1, rebuild on every change and reload open pages.

The preview is built into `.digest-cache/serve-site`, never into site/, so that serving cannot leave
a half-edited digest where the published one lives. The reload script and the error overlay are
added to HTML responses as they are sent; the files on disk are exactly what `digest build` writes.
"""

from __future__ import annotations

import html
import http.server
import json
import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from digest.config import CONFIG_NAME, load_config
from digest.errors import DigestError

if TYPE_CHECKING:
    from digest.warm import Warm

SERVE_DIR = Path(".digest-cache") / "serve-site"
STATUS_PATH = "/__digest__/status"
# Polling a small JSON document keeps the server a plain threading HTTP server: no open
# connection per tab, nothing to clean up when a tab closes.
_RELOAD_SCRIPT = """<script>(function(){var seen=%d;function poll(){fetch("%s",{cache:"no-store"})
.then(function(r){return r.json()}).then(function(s){if(s.build!==seen){location.reload()}})
.catch(function(){}).finally(function(){setTimeout(poll,700)})}setTimeout(poll,700)})();</script>"""
_OVERLAY_STYLE = (
    "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1em 1.5em;"
    "background:#3b0d0d;color:#fff;font:14px/1.5 monospace;z-index:2147483647;white-space:pre-wrap"
)


@dataclass
class BuildState:
    """What the last build produced: its number, and the problems to show on every page."""

    number: int = 0
    problems: tuple[str, ...] = ()
    ok: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    # Articles and records kept from one build for the next; only the builder thread touches it.
    warm: Warm | None = field(default=None, repr=False)

    def update(self, *, ok: bool, problems: Iterable[str]) -> None:
        """Record the outcome of a build and give it the next number."""
        with self.lock:
            self.number += 1
            self.ok = ok
            self.problems = tuple(problems)

    def snapshot(self) -> tuple[int, bool, tuple[str, ...]]:
        """Return the number, success and problems of the last build, read together."""
        with self.lock:
            return self.number, self.ok, self.problems


def rebuild(project_dir: Path, output_dir: Path, state: BuildState, *, log: Callable[[str], None]) -> None:
    """Build the preview once and record what went wrong; never raise."""
    from digest.build import build
    from digest.warm import Warm

    try:
        config = load_config(project_dir, output_dir=output_dir)
        if state.warm is None:
            state.warm = Warm()
        report = build(config, warm=state.warm)
        problems = [d.format() for d in report.diagnostics if d.level == "error"]
    # The preview must outlive any mistake in an article, a template or digest.yaml, whatever it
    # raises; the message goes to the page and the terminal, and the next save retries.
    except Exception as exc:
        message = _describe(exc)
        state.update(ok=False, problems=[f"build failed: {message}"])
        log(f"build failed: {message}")
        return
    state.update(ok=True, problems=problems)
    for problem in problems:
        log(problem)
    log(f"build {state.number}: {report.articles} articles, {report.written} files written")


def _describe(exc: Exception) -> str:
    if isinstance(exc, DigestError):
        return exc.format()
    where = getattr(exc, "filename", None)
    line = getattr(exc, "lineno", None)
    prefix = f"{where}:{line}: " if where and line else ""
    return f"{prefix}{type(exc).__name__}: {exc}"


def decorate(page: str, *, number: int, problems: tuple[str, ...]) -> str:
    """Return `page` with the reload script, and an overlay listing `problems` if there are any."""
    extra = _RELOAD_SCRIPT % (number, STATUS_PATH)
    if problems:
        items = "\n".join(html.escape(p) for p in problems)
        extra = (
            f'<pre id="digest-errors" role="alert" style="{_OVERLAY_STYLE}">'
            f"digest: the last build has problems\n{items}</pre>" + extra
        )
    marker = page.lower().rfind("</body>")
    return page + extra if marker < 0 else page[:marker] + extra + page[marker:]


def error_page(problems: tuple[str, ...], *, number: int) -> str:
    """Return the page shown while there is no site to serve."""
    body = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>digest: build failed</title>'
        "</head><body><h1>The digest could not be built</h1><p>Fix the problem and save; this page "
        "reloads by itself.</p></body></html>"
    )
    return decorate(body, number=number, problems=problems)


def make_handler(site_dir: Path, state: BuildState) -> type[http.server.SimpleHTTPRequestHandler]:
    """Return a request handler serving `site_dir` with the reload script added to HTML pages."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(site_dir), **kwargs)

        def do_GET(self) -> None:
            number, ok, problems = state.snapshot()
            if self.path.split("?", 1)[0] == STATUS_PATH:
                payload = {"build": number, "ok": ok, "problems": list(problems)}
                self._send(json.dumps(payload).encode("utf-8"), "application/json")
                return
            target = Path(self.translate_path(self.path))
            if target.is_dir() and self.path.split("?", 1)[0].endswith("/"):
                target = target / "index.html"
            if not site_dir.is_dir() or (not ok and not target.is_file()):
                self._send(error_page(problems, number=number).encode("utf-8"), "text/html", status=503)
                return
            if target.suffix == ".html" and target.is_file():
                text = target.read_text(encoding="utf-8", errors="replace")
                page = decorate(text, number=number, problems=problems)
                self._send(page.encode("utf-8"), "text/html; charset=utf-8")
                return
            super().do_GET()

        def end_headers(self) -> None:
            # A preview must never show a stale page after a rebuild.
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            """Keep the terminal for build messages."""

        def _send(self, body: bytes, content_type: str, *, status: int = 200) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def _is_input(project_dir: Path) -> Callable[[Any, str], bool]:
    inputs = (project_dir / "articles", project_dir / "templates")
    config = project_dir / CONFIG_NAME

    def accept(_change: Any, raw: str) -> bool:
        path = Path(raw)
        if path.name.startswith(".") or path.name.endswith(("~", ".swp", ".swx", ".tmp")):
            return False
        return path == config or any(base == path or base in path.parents for base in inputs)

    return accept


def watch(project_dir: Path, changes: queue.Queue[None], stop: threading.Event) -> list[threading.Thread]:
    """Start threads that put an item on `changes` whenever an input of the project changes."""
    import watchfiles

    accept = _is_input(project_dir)

    def run(paths: list[Path], recursive: bool) -> None:
        for _ in watchfiles.watch(
            *paths, watch_filter=accept, stop_event=stop, debounce=300, step=50,
            recursive=recursive, raise_interrupt=False,
        ):
            changes.put(None)

    # The project directory itself is watched flat, for digest.yaml (editors replace it, which a
    # watch on the file alone would lose); articles/ and templates/ are watched whole.
    plans = [([project_dir], False)]
    deep = [p for p in (project_dir / "articles", project_dir / "templates") if p.is_dir()]
    if deep:
        plans.append((deep, True))
    threads = [threading.Thread(target=run, args=plan, daemon=True, name="digest-watch") for plan in plans]
    for thread in threads:
        thread.start()
    return threads


class Preview:
    """A running preview: the HTTP server, the watcher and the builder, stopped together by `close`."""

    def __init__(
        self, project_dir: Path, *, port: int = 8000, log: Callable[[str], None] = print
    ) -> None:
        self.project_dir = project_dir.resolve()
        self.output_dir = self.project_dir / SERVE_DIR
        self.state = BuildState()
        self.log = log
        self._stop = threading.Event()
        self._changes: queue.Queue[None] = queue.Queue()
        rebuild(self.project_dir, self.output_dir, self.state, log=log)
        handler = make_handler(self.output_dir, self.state)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.server.daemon_threads = True
        self._threads = [
            threading.Thread(target=self.server.serve_forever, daemon=True, name="digest-http"),
            threading.Thread(target=self._builder, daemon=True, name="digest-builder"),
        ]

    @property
    def url(self) -> str:
        """Return the address the preview is served at."""
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def start(self) -> Preview:
        """Start serving, watching and rebuilding in background threads."""
        for thread in self._threads:
            thread.start()
        self._threads += watch(self.project_dir, self._changes, self._stop)
        return self

    def close(self) -> None:
        """Stop every thread of the preview and release the port."""
        self._stop.set()
        self._changes.put(None)
        self.server.shutdown()
        self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def wait(self) -> None:
        """Block until the preview is closed."""
        self._stop.wait()

    def _builder(self) -> None:
        while not self._stop.is_set():
            self._changes.get()
            # Saving several files at once should cost one build, not one per file.
            while not self._changes.empty():
                self._changes.get_nowait()
            if self._stop.is_set():
                return
            rebuild(self.project_dir, self.output_dir, self.state, log=self.log)


def serve(project_dir: Path, *, port: int = 8000, log: Callable[[str], None] = print) -> None:
    """Build and serve `project_dir` until interrupted, rebuilding whenever an input changes."""
    preview = Preview(project_dir, port=port, log=log).start()
    log(f"serving {preview.url} (press Ctrl-C to stop)")
    try:
        preview.wait()
    finally:
        preview.close()
