"""Turn a slug, a file name or a name into an id that is safe as a file name on every platform."""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_SLUG_LENGTH = 100

# Letters that NFKD does not decompose into an ASCII base letter plus accents.
_SPECIAL = str.maketrans(
    {
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
        "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ı": "i",
    }
)
_UNSAFE = re.compile(r"[^a-z0-9_]+")
_EDGES = re.compile(r"^[-_]+|[-_]+$")
# Windows refuses these names with any extension ("con.html" included).
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{n}" for n in range(10)] + [f"lpt{n}" for n in range(10)]
)


def slugify(text: str) -> str:
    """Return `text` as lowercase ASCII letters, digits, `-` and `_`; possibly empty.

    Accents are dropped ("é" becomes "e"); every other character, including `.`, `/` and bidi
    controls, becomes a separator, so no `..`, path or hidden name can come out.
    """
    text = unicodedata.normalize("NFC", text).translate(_SPECIAL)
    ascii_text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    ).lower()
    slug = _UNSAFE.sub("-", ascii_text)
    slug = _EDGES.sub("", slug[:MAX_SLUG_LENGTH])
    if slug in _RESERVED:
        slug += "_"
    return slug


def fallback_slug(path: str) -> str:
    """Return a stable id derived from `path`, for files whose name gives an empty slug."""
    return "article-" + hashlib.sha256(path.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def name_slug(name: str) -> str:
    """Return `name` (a theme's) as lowercase ASCII letters and digits joined by `-`; possibly empty."""
    out = "".join(ch.lower() if ch.isascii() and ch.isalnum() else "-" for ch in name)
    return "-".join(part for part in out.split("-") if part)


def off_listing(slug: str, kind: str) -> str:
    """Return `slug`, unless it would take the path of its folder's listing page (index.html)."""
    return f"{slug}-{kind}" if slug == "index" else slug
