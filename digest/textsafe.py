"""Make text safe for XML and HTML output."""

from __future__ import annotations

import json
import re

from markupsafe import Markup

_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """Return `text` without the characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/F).

    Markup stays Markup: removing characters cannot create a tag.
    """
    # Every printable character is allowed in XML and nearly every string is printable apart from
    # its newlines: a C-level scan or two, then the text itself. Only the rare rest takes the regex.
    if text.isprintable() or str.replace(text, "\n", " ").isprintable():
        return text
    cleaned = _XML_INVALID.sub("", text)
    return Markup(cleaned) if isinstance(text, Markup) else cleaned


def json_dumps_safe(data: object, *, indent: int | None = None) -> str:
    """Return `data` as JSON whose text can never be read as markup (`<`, `>`, `&` escaped)."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
