"""Turn a SourceDoc into an Article: boilerplate removed, paragraphs, languages, sentences, flags.

The clean text follows one rule: paragraphs are joined by exactly one blank line ("\\n\\n"), and a
paragraph holds no line break except between the rows of a table. Lines of the body become paragraphs
as a reader sees them: in a body written one paragraph per line (most pasted web copy) every line is a
paragraph; in a hard-wrapped body (Markdown with blank lines between paragraphs and lines cut near a
fixed width) the lines of a paragraph are joined with a space, as Markdown renders them. A line that
starts in lower case after a line without closing punctuation continues it in either kind of body.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from digest._markup import Line, normalize_body, plain_lines
from digest.boilerplate import Boilerplate, find_boilerplate, headingish, is_label
from digest.language import detect_languages
from digest.models import Article, Diagnostic, Paragraph, Removed, Sentence, SourceDoc
from digest.segment import split_sentences

_END_PUNCT = tuple(".!?;:…\"”’)")
_SENTENCE_KINDS = ("text", "list", "disclaimer")
# The fewest consecutive short unpunctuated lines that read as a plain-text table.
_MIN_TABLE_ROWS = 3
_TABLE_ROW_MAX = 120


@dataclass(slots=True)
class _Block:
    kind: str
    text: str
    first: int
    last: int
    lines: int = 1


def clean_article(doc: SourceDoc) -> Article:
    """Return the cleaned Article of `doc`."""
    body, hidden = normalize_body(doc.body)
    lines = plain_lines(body)
    found = find_boilerplate(lines, title=doc.title, author=doc.author)
    blocks = _blocks(lines, found)
    text, paragraphs = _assemble(blocks, doc.language or "en")
    sentences = _sentences(text, paragraphs)
    removed = _removed(lines, found, hidden)
    flags = set(found.flags)
    if removed:
        flags.add("boilerplate_removed")
    if any(p.kind == "disclaimer" for p in paragraphs):
        flags.add("has_disclaimer")
    if len({p.language for p in paragraphs}) > 1:
        flags.add("mixed_language")
    majority = _majority(text, paragraphs, fallback=doc.language or "en")
    return Article(
        id=doc.id,
        path=doc.path,
        title=doc.title,
        text=text,
        source=doc.source,
        url=doc.url,
        author=doc.author,
        published=doc.published,
        language=doc.language or majority,
        tags=doc.tags,
        flags=tuple(sorted(flags)),
        removed=removed,
        paragraphs=paragraphs,
        sentences=sentences,
        sha256=doc.sha256,
        diagnostics=doc.diagnostics + _diagnostics(doc, lines, found, text, majority),
    )


def _blocks(lines: Sequence[Line], found: Boilerplate) -> list[_Block]:
    """Group the kept lines into paragraphs and give each its kind."""
    wrapped = _is_hard_wrapped(lines, found)
    blocks: list[_Block] = []
    previous: Line | None = None
    for i, line in enumerate(lines):
        if i in found.reasons:
            previous = None
            continue
        kind = _line_kind(line, i, found)
        last = blocks[-1] if blocks else None
        adjacent = previous is not None and last is not None and line.number == previous.number + 1
        # A Markdown table's separator row sits between its header and its first row.
        near = previous is not None and line.number <= previous.number + 2
        if near and last is not None and kind == "table" and last.kind == "table":
            last.text += "\n" + line.text
        elif adjacent and last is not None and kind == "text" and _continues(last, line.text, wrapped):
            last.text += " " + line.text
        else:
            blocks.append(_Block(kind, line.text, line.number, line.number))
            previous = line
            continue
        last.last = line.number
        last.lines += 1
        previous = line
    if not wrapped:
        blocks = _plain_tables(blocks)
    for n, block in enumerate(blocks):
        if block.kind == "text" and block.lines == 1 and headingish(block.text):
            following = blocks[n + 1] if n + 1 < len(blocks) else None
            if following is not None and following.kind in ("text", "list", "table", "disclaimer") and not (
                following.kind == "text" and following.lines == 1 and headingish(following.text)
            ):
                block.kind = "heading"
    return blocks


def _line_kind(line: Line, index: int, found: Boilerplate) -> str:
    if line.marker in ("heading", "list", "table"):
        return line.marker
    if index in found.disclaimers:
        return "disclaimer"
    if is_label(line.text):
        return "section"
    return "text"


def _continues(block: _Block, text: str, wrapped: bool) -> bool:
    if block.kind not in ("text", "list", "disclaimer") or (block.text.endswith(_END_PUNCT) and not wrapped):
        return False
    return wrapped or text[:1].islower()


def _is_hard_wrapped(lines: Sequence[Line], found: Boilerplate) -> bool:
    """Return whether the body's paragraphs are cut into lines near a fixed width."""
    plain = [(i, line) for i, line in enumerate(lines) if not line.marker and i not in found.reasons]
    if len(plain) < 3:
        return False
    numbers = {line.number for _, line in plain}
    open_lines = sum(
        1 for _, line in plain if not line.text.endswith(_END_PUNCT) and line.number + 1 in numbers
    )
    short = sum(1 for _, line in plain if len(line.text) <= 100)
    return open_lines * 2 >= len(plain) and short * 10 >= len(plain) * 9 and any(
        len(line.text) >= 50 for _, line in plain
    )


def _plain_tables(blocks: list[_Block]) -> list[_Block]:
    """Merge runs of short unpunctuated lines with no blank line between them into table blocks."""
    out: list[_Block] = []
    run: list[_Block] = []

    def flush() -> None:
        if len(run) >= _MIN_TABLE_ROWS:
            out.append(_Block("table", "\n".join(b.text for b in run), run[0].first, run[-1].last, len(run)))
        else:
            out.extend(run)
        run.clear()

    for block in blocks:
        row = (
            block.kind == "text"
            and block.lines == 1
            and len(block.text) <= _TABLE_ROW_MAX
            and len(block.text.split()) >= 2
            and headingish(block.text)
        )
        if row and run and block.first != run[-1].last + 1:
            flush()
        if row:
            run.append(block)
        else:
            flush()
            out.append(block)
    flush()
    return out


def _assemble(blocks: Sequence[_Block], fallback: str) -> tuple[str, tuple[Paragraph, ...]]:
    languages = detect_languages([b.text for b in blocks], fallback=fallback)
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    offset = 0
    for block, language in zip(blocks, languages, strict=True):
        if parts:
            offset += 2
        paragraphs.append(Paragraph(offset, offset + len(block.text), block.kind, language))
        parts.append(block.text)
        offset += len(block.text)
    return "\n\n".join(parts), tuple(paragraphs)


def _sentences(text: str, paragraphs: Sequence[Paragraph]) -> tuple[Sentence, ...]:
    """Split each paragraph; headings, section labels and table rows are one sentence each."""
    out: list[Sentence] = []
    for index, para in enumerate(paragraphs):
        if para.kind in _SENTENCE_KINDS:
            spans = split_sentences(text, para.start, para.end)
        else:
            spans = _rows(text, para.start, para.end)
        out.extend(Sentence(s, e, para.language, index) for s, e in spans)
    return tuple(out)


def _rows(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    spans = []
    begin = start
    while begin < end:
        stop = text.find("\n", begin, end)
        stop = end if stop < 0 else stop
        if stop > begin:
            spans.append((begin, stop))
        begin = stop + 1
    return tuple(spans)


def _removed(lines: Sequence[Line], found: Boilerplate, hidden: list[tuple[int, str]]) -> tuple[Removed, ...]:
    items = [(lines[i].number, 0, Removed(lines[i].raw, reason)) for i, reason in found.reasons.items()]
    items += [(number, 1, Removed(snippet, "hidden html")) for number, snippet in hidden]
    return tuple(item for _, _, item in sorted(items, key=lambda t: (t[0], t[1])))


def _majority(text: str, paragraphs: Sequence[Paragraph], *, fallback: str) -> str:
    """Return the language holding most characters of the text paragraphs (of all, if none is text)."""
    chosen = [p for p in paragraphs if p.kind == "text"] or list(paragraphs)
    weights: Counter[str] = Counter()
    for para in chosen:
        weights[para.language] += para.end - para.start
    return min(weights, key=lambda lang: (-weights[lang], lang)) if weights else fallback


def _diagnostics(
    doc: SourceDoc, lines: Sequence[Line], found: Boilerplate, text: str, majority: str
) -> tuple[Diagnostic, ...]:
    out: list[Diagnostic] = []
    if not text:
        out.append(Diagnostic(doc.path, "nothing is left of the body after cleaning", line=doc.body_line))
    kept = len(text)
    dropped = sum(len(lines[i].text) for i in found.reasons)
    if text and dropped > kept:
        out.append(Diagnostic(doc.path, f"cleaning removed more than half of the body ({dropped} of "
                              f"{dropped + kept} characters)", line=doc.body_line))
    persona = [i for i, reason in found.reasons.items() if reason == "ai persona"]
    if persona:
        first = lines[min(persona)].number
        out.append(Diagnostic(doc.path, "an editorial persona or writing prompt was removed from the body",
                              line=doc.body_line + first))
    if doc.language and text and majority != doc.language:
        out.append(Diagnostic(doc.path, f"the front matter says language {doc.language!r} but most of the "
                              f"text reads as {majority!r}", line=doc.body_line))
    return tuple(out)
