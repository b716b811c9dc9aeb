"""`digest serve`: a preview that rebuilds on save, reloads pages and survives broken input."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from digest.scaffold import create_project
from digest.serve import SERVE_DIR, STATUS_PATH, Preview, decorate

TIMEOUT = 30.0


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def status(preview: Preview) -> dict[str, object]:
    return json.loads(fetch(preview.url.rstrip("/") + STATUS_PATH)[1])


def wait_for(predicate: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {TIMEOUT}s waiting for {what}")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "story"
    create_project(root)
    return root


@pytest.fixture
def preview(project: Path) -> Iterator[Preview]:
    lines: list[str] = []
    running = Preview(project, port=0, log=lines.append).start()
    try:
        yield running
    finally:
        running.close()


def article(project: Path) -> Path:
    (path,) = sorted((project / "articles").glob("*.md"))
    return path


def test_serves_the_site_with_a_reload_script_that_is_not_in_the_files(preview: Preview) -> None:
    assert preview.url.startswith("http://127.0.0.1:")
    code, page = fetch(preview.url)
    assert code == 200
    assert STATUS_PATH in page and "<script>" in page
    on_disk = (preview.project_dir / SERVE_DIR / "index.html").read_text(encoding="utf-8")
    assert STATUS_PATH not in on_disk and "<script" not in on_disk
    assert not (preview.project_dir / "site").exists()


def test_static_files_are_served_unchanged(preview: Preview) -> None:
    code, css = fetch(preview.url + "assets/style.css")
    assert code == 200
    assert css == (preview.project_dir / SERVE_DIR / "assets" / "style.css").read_text(encoding="utf-8")


def test_saving_an_article_rebuilds_the_site(preview: Preview) -> None:
    first = status(preview)["build"]
    path = article(preview.project_dir)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("harbour bridge, work", "harbour tunnel, work"), encoding="utf-8")
    wait_for(lambda: status(preview)["build"] != first, "a rebuild after saving an article")
    wait_for(lambda: "harbour tunnel" in fetch(preview.url)[1], "the new title on the front page")


def test_a_broken_article_shows_its_error_and_the_server_keeps_running(preview: Preview) -> None:
    first = status(preview)["build"]
    broken = preview.project_dir / "articles" / "broken.md"
    broken.write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    wait_for(lambda: status(preview)["build"] != first, "a rebuild after adding a broken article")
    state = status(preview)
    assert state["problems"] and "broken.md" in str(state["problems"])
    code, page = fetch(preview.url)
    assert code == 200 and 'id="digest-errors"' in page and "broken.md" in page
    broken.unlink()
    wait_for(lambda: not status(preview)["problems"], "the overlay to go once the article is removed")


def test_a_broken_config_shows_an_error_page_until_it_is_fixed(preview: Preview) -> None:
    config = preview.project_dir / "digest.yaml"
    good = config.read_text(encoding="utf-8")
    config.write_text("title: [unclosed\n", encoding="utf-8")
    wait_for(lambda: status(preview)["ok"] is False, "the failed build")
    code, page = fetch(preview.url + "no-such-page.html")
    assert code == 503 and "digest.yaml" in page
    config.write_text(good, encoding="utf-8")
    wait_for(lambda: status(preview)["ok"] is True, "the build to recover")


def test_decorate_puts_the_overlay_before_the_end_of_the_body() -> None:
    page = decorate("<html><body><p>x</p></body></html>", number=3, problems=("a.md: error: <bad>",))
    assert page.index('id="digest-errors"') < page.index("</body>")
    assert "&lt;bad&gt;" in page and "<bad>" not in page
    assert "var seen=3" in page


def test_a_busy_port_is_a_clear_usage_error(project: Path) -> None:
    import socket

    from click.testing import CliRunner

    from digest.cli import main

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--project", str(project), "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot serve on 127.0.0.1:{port}" in result.output and "Traceback" not in result.output
