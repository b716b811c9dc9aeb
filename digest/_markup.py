"""Turn an article body (plain text, Markdown or stray HTML) into plain lines that keep their block markers.

Nothing here runs or renders HTML: tags are removed by pattern and their text kept, except the content of
`<script>`, `<style>` and comments, which is never text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

# Markers a line can carry: "" (plain text), "heading", "list", "table", "image", "linkdef".
Marker = str


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the body: its index, the raw text, the plain text and its block marker."""

    number: int
    raw: str
    text: str
    marker: Marker = ""


_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_HIDDEN_HTML = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)

_ATX = re.compile(r"#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$|#{1,6}$")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|`{3,}.*|~{3,}.*)$")
_LIST = re.compile(r"(?:[-*+•·▪●◦‣■□➢►]|\d{1,3}[.)]|[a-z][.)](?=[ \t]+[A-Z]))[ \t]+(?=\S)")
_QUOTE = re.compile(r"(?:>[ \t]?)+")
_PIPE_SEPARATOR = re.compile(r"\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_CELL_GAP = re.compile(r"\t+| {3,}")
_IMAGE_LINE = re.compile(r"!\[[^\]]*\]\([^)]*\)$")
_LINKDEF = re.compile(r"\[[^\]]+\]:[ \t]*\S+")

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_INLINE_IMAGE = re.compile(r"!\[([^\[\]]{0,1000})\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\[\]]{1,1000})\](?:\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])")
_CODE = re.compile(r"`+([^`]+?)`+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MULTISPACE = re.compile(r"[ \t]{2,}")


def normalize_body(body: str) -> tuple[str, list[tuple[int, str]]]:
    """Return `body` in NFC with one kind of space and no invisible characters, scripts or comments.

    Also return each script, style sheet or comment taken out, with the 0-based line it started on.
    """
    if not unicodedata.is_normalized("NFC", body):
        body = unicodedata.normalize("NFC", body)
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    body = _INVISIBLE.sub("", body)
    body = _SPACES.sub(" ", body)
    hidden: list[tuple[int, str]] = []
    if "<" in body and _HIDDEN_HTML.search(body):
        for match in _HIDDEN_HTML.finditer(body):
            hidden.append((body.count("\n", 0, match.start()), match.group(0)))
        # Keep the line count so that diagnostics still name the right line.
        body = _HIDDEN_HTML.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    return body, hidden


def plain_lines(body: str) -> list[Line]:
    """Return the non-blank lines of `body` as plain text with their block markers."""
    raw_lines = body.split("\n")
    lines: list[Line] = []
    fenced = False
    for number, raw in enumerate(raw_lines):
        stripped = raw.strip()
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced:
            if stripped:
                lines.append(Line(number, stripped, stripped))
            continue
        if not stripped:
            continue
        if _SETEXT.match(stripped) and lines and lines[-1].number == number - 1 and not lines[-1].marker:
            prev = lines[-1]
            lines[-1] = Line(prev.number, prev.raw, prev.text, "heading")
            continue
        if _RULE.match(stripped) or ("|" in stripped and _PIPE_SEPARATOR.match(stripped)):
            continue
        line = _block(number, stripped)
        if line.text or line.marker in ("image", "linkdef"):
            lines.append(line)
    return lines


def _block(number: int, raw: str) -> Line:
    text = raw
    quote = _QUOTE.match(text)
    if quote:
        text = text[quote.end() :]
    if text.startswith("#"):
        atx = _ATX.match(text)
        if atx:
            return Line(number, raw, inline_text(atx.group(1) or ""), "heading")
    if _IMAGE_LINE.match(text):
        return Line(number, raw, "", "image")
    if text.startswith("[") and _LINKDEF.match(text):
        return Line(number, raw, "", "linkdef")
    item = _LIST.match(text)
    if item:
        return Line(number, raw, inline_text(text[item.end() :]), "list")
    if text.count("|") >= 2 and (text.startswith("|") or text.endswith("|")):
        cells = [inline_text(cell) for cell in text.strip("|").split("|")]
        return Line(number, raw, " | ".join(cell for cell in cells if cell), "table")
    if "\t" in text or "   " in text:
        cells = [inline_text(cell) for cell in _CELL_GAP.split(text)]
        cells = [cell for cell in cells if cell]
        # Three spaces inside prose happen by accident; a tab or three cells make a table row.
        if len(cells) >= (2 if "\t" in text else 3):
            return Line(number, raw, " | ".join(cells), "table")
    return Line(number, raw, inline_text(text))


def inline_text(text: str) -> str:
    """Return `text` with Markdown inline markup and HTML tags removed, their text kept."""
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
        text = _BREAK_TAG.sub(" ", text)
        text = _TAG.sub("", text)
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
        text = _SPACES.sub(" ", text)
    if "[" in text:
        text = _INLINE_IMAGE.sub("", text)
        text = _LINK.sub(r"\1", text)
    if "`" in text:
        text = _CODE.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _STRONG.sub(r"\2", text)
        text = _STAR.sub(r"\1", text)
        text = _UNDERSCORE.sub(r"\1", text)
    if "~" in text:
        text = _STRIKE.sub(r"\1", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "  " in text or "\t" in text:
        text = _MULTISPACE.sub(" ", text)
    return text.strip()
