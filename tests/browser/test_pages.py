"""The built pages in a real browser: they render, sentence links land on a highlighted sentence,
axe-core finds no accessibility violations, and search finds claims and quotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser._site import NODE_MODULES, need_tool

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
SCHEMES = ("light", "dark")


def first_theme(site_dir: Path) -> str:
    data = json.loads((site_dir / "data" / "digest.json").read_text(encoding="utf-8"))
    return str(data["themes"][0]["slug"])


def first_article(site_dir: Path) -> str:
    first = (site_dir / "data" / "records.jsonl").read_text(encoding="utf-8").splitlines()[0]
    return str(json.loads(first)["id"])


def pages(site_dir: Path) -> dict[str, str]:
    return {
        "index": "index.html",
        "theme": f"themes/{first_theme(site_dir)}.html",
        "article": f"articles/{first_article(site_dir)}.html",
    }


def axe_violations(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(need_tool(AXE, "axe-core")))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("name", ["index", "theme", "article"])
def test_page_renders_with_its_heading_and_navigation(
    page: Any, base_url: str, site_dir: Path, screenshots: Path, name: str
) -> None:
    response = page.goto(base_url + pages(site_dir)[name])
    assert response is not None and response.status == 200
    assert page.locator("h1").first.inner_text().strip()
    assert page.locator("nav a").count() >= 5
    assert page.locator("main").count() == 1
    page.screenshot(path=str(screenshots / f"{name}.png"))
    page.screenshot(path=str(screenshots / f"{name}-full.png"), full_page=True)


def test_index_on_a_phone_has_no_horizontal_scroll(
    browser: Any, base_url: str, screenshots: Path
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    try:
        phone = context.new_page()
        phone.goto(base_url + "index.html")
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        phone.screenshot(path=str(screenshots / "index-phone.png"))
    finally:
        context.close()


def test_a_sentence_link_lands_on_a_highlighted_sentence(
    page: Any, base_url: str, site_dir: Path, screenshots: Path
) -> None:
    page.goto(base_url + pages(site_dir)["theme"])
    link = page.locator('main a[href*="articles/"][href*="#s"]').first
    href = link.get_attribute("href")
    assert href is not None
    link.click()
    page.wait_for_load_state()
    anchor = href.rsplit("#", 1)[1]
    assert page.evaluate("location.hash") == f"#{anchor}"
    target = page.locator(":target")
    assert target.count() == 1
    assert target.get_attribute("id") == anchor and "s" in (target.get_attribute("class") or "").split()
    background = target.evaluate("el => getComputedStyle(el).backgroundColor")
    plain = page.locator(f".s:not(#{anchor})").first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent") and background != plain
    assert target.evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }"
    ), "the highlighted sentence is not scrolled into view"
    page.screenshot(path=str(screenshots / "article-anchor.png"))


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", ["index", "theme", "article"])
def test_axe_finds_no_violations(page: Any, base_url: str, site_dir: Path, name: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + pages(site_dir)[name] + ("#s1" if name == "article" else ""))
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_finds_a_quotation_and_opens_its_sentence(
    page: Any, base_url: str, screenshots: Path, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + "search.html")
    box = page.locator(".pagefind-ui__search-input")
    box.wait_for(timeout=10_000)
    box.fill("Zhang")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10_000)
    assert page.locator(".pagefind-ui__result").count() >= 2  # both articles that quote him
    # Each article result lists the sentences that matched; the first opens its sentence.
    result = page.locator(".pagefind-ui__result-nested .pagefind-ui__result-link").first
    if scheme == "light":
        page.screenshot(path=str(screenshots / "search.png"))
    assert axe_violations(page) == []
    href = result.get_attribute("href") or ""
    assert "articles/" in href and "#s" in href, href
    result.click()
    page.wait_for_load_state()
    assert page.locator(":target").count() == 1
