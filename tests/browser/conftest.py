"""Fixtures for the browser tests: the committed project built and served, and headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser._site import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site, serving

SCREENSHOTS = ROOT / "tests" / "screenshots"


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the committed project built into a temporary directory."""
    return build_site(ROOT, tmp_path_factory.mktemp("browser") / "site")


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """Yield the address the built site is served at."""
    with serving(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Yield Debian's Chromium driven by Playwright; skip only if it truly cannot start."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as exc:
        pytest.skip(f"playwright for Python is not installed: {exc}")
    if not CHROMIUM.is_file():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except Error as exc:
            pytest.skip(f"Chromium at {CHROMIUM} cannot start here: {str(exc).splitlines()[0]}")
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """Yield a fresh page in a desktop-sized window."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Return the directory screenshots are saved in (ignored by git)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
