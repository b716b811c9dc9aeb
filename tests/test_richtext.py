"""Markdown from digest.yaml is rendered through an allow-list sanitiser."""

from __future__ import annotations

import pytest

from digest.richtext import markdown_html


def test_renders_inline_markdown() -> None:
    assert str(markdown_html("What *five* outlets [said](https://example.org/)")) == (
        '<p>What <em>five</em> outlets <a href="https://example.org/" rel="nofollow noopener">said</a></p>'
    )


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        "<svg onload=alert(1)>",
    ],
)
def test_strips_scripts_handlers_and_unsafe_urls(hostile: str) -> None:
    html = str(markdown_html(hostile)).lower()
    assert "<script" not in html and "onerror" not in html and "onload" not in html
    assert "javascript:" not in html and "data:" not in html and "<svg" not in html


def test_pathological_markdown_falls_back_to_escaped_text() -> None:
    html = str(markdown_html("[" * 20_000))
    assert html.startswith("<p>[[[") and len(html) > 20_000
