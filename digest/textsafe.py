"""Make text safe for XML and HTML output."""

from __future__ import annotations

import re

_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """Return `text` without the characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/F)."""
    return _XML_INVALID.sub("", text)
