"""xml_safe: characters XML forbids are removed, everything else is returned as it came."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from digest.textsafe import xml_safe


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "",
        "line one\nline two",
        "tab\tand\r\nreturn",
        "“quoted” · non-ASCII ✓",
        "\U0001f600",
        "\ufdd0",
    ],
)
def test_allowed_text_comes_back_unchanged(text: str) -> None:
    assert xml_safe(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\x00b", "ab"),
        ("bell\x07\nnext line", "bell\nnext line"),
        ("lone \ud800 surrogate", "lone  surrogate"),
        ("non\ufffe\uffffcharacters", "noncharacters"),
        ("form\x0cfeed\x1f", "formfeed"),
    ],
)
def test_forbidden_characters_are_removed(text: str, expected: str) -> None:
    assert xml_safe(text) == expected


def test_markup_stays_markup_whether_or_not_anything_is_removed() -> None:
    assert isinstance(xml_safe(Markup("<b>ok</b>\n")), Markup)
    cleaned = xml_safe(Markup("<b>o\x00k</b>"))
    assert isinstance(cleaned, Markup)
    assert cleaned == "<b>ok</b>"
