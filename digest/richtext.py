"""Render the short Markdown texts of digest.yaml (descriptions) as sanitised HTML."""

from __future__ import annotations

import markdown
import nh3
from markupsafe import Markup, escape

from digest.textsafe import xml_safe

# Longer texts are shown as plain text: Python-Markdown is super-linear on some inputs.
MAX_MARKDOWN_CHARS = 20_000
_TAGS = {"p", "a", "em", "strong", "code", "ul", "ol", "li", "br", "blockquote"}
_ATTRIBUTES = {"a": {"href", "title"}}
_SCHEMES = {"http", "https", "mailto"}


def markdown_html(text: str) -> Markup:
    """Return `text` rendered as Markdown and cleaned by an allow-list sanitiser."""
    text = xml_safe(text)
    if len(text) > MAX_MARKDOWN_CHARS or text.count("[") > 1_000 or text.count(">") > 1_000:
        return Markup(f"<p>{escape(text)}</p>")
    try:
        html = markdown.markdown(text, output_format="html")
    except RecursionError:
        return Markup(f"<p>{escape(text)}</p>")
    return Markup(
        nh3.clean(
            html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES, link_rel="nofollow noopener"
        )
    )
