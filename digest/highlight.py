"""Mark figures, dates, quotes and speaker mentions inside an article's sentences as safe HTML."""

from __future__ import annotations

import bisect

from markupsafe import Markup, escape

from digest.models import ArticleRecord

# Kind -> (element, class, label read out by screen readers and shown in the legend).
KINDS = {
    "quote": ("q", "hl-quote", "quotation"),
    "figure": ("mark", "hl-figure", "figure"),
    "date": ("mark", "hl-date", "date"),
    "speaker": ("mark", "hl-speaker", "speaker"),
}

# A span is (start, -end, kind, order, title): sorting the tuples orders spans by start, longest
# first, then kind, and keeps spans equal in all three in the order they were found.
_Span = tuple[int, int, str, int, str]
_Node = tuple[_Span, list["_Node"]]


def sentence_html(record: ArticleRecord) -> tuple[Markup, ...]:
    """Return the HTML of each sentence of `record`, with its extracted items marked."""
    art = record.article
    spans: list[_Span] = []
    for fig in record.figures:
        detail = f"{fig.kind}: {fig.value:g} {fig.unit or ''}".strip() if fig.value is not None else fig.kind
        spans.append((fig.start, -fig.end, "figure", len(spans), detail))
    for expr in record.dates:
        spans.append((expr.start, -expr.end, "date", len(spans), f"{expr.type} {expr.value or 'unresolved'}"))
    for quote in record.quotes:
        if quote.direct:
            title = f"quote by {quote.speaker or 'unknown speaker'}"
            spans.append((quote.start, -quote.end, "quote", len(spans), title))
    for speaker in record.speakers:
        for mention in speaker.mentions:
            spans.append((mention.start, -mention.end, "speaker", len(spans), speaker.name))
    spans.sort()
    starts = [s[0] for s in spans]
    text = art.text
    out = []
    for sentence in art.sentences:
        # Spans are sorted by start, so a sentence's spans are one slice: no scan over the article.
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end, lo=first)
        if first == last:
            out.append(escape(text[sentence.start : sentence.end]))
            continue
        inside = [s for s in spans[first:last] if -s[1] <= sentence.end]
        out.append(Markup(_render(text, sentence.start, sentence.end, _nest(inside))))
    return tuple(out)


def _nest(spans: list[_Span]) -> list[_Node]:
    """Return spans as a tree; a span crossing an earlier one's end is dropped."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    for span in spans:
        end = -span[1]
        while stack and span[0] >= -stack[-1][0][1]:
            stack.pop()
        if stack and end > -stack[-1][0][1]:
            continue
        node: _Node = (span, [])
        (stack[-1][1] if stack else roots).append(node)
        stack.append(node)
    return roots


def _render(text: str, start: int, end: int, nodes: list[_Node]) -> str:
    parts: list[str] = []
    pos = start
    for (span_start, neg_end, kind, _, title), children in nodes:
        span_end = -neg_end
        parts.append(escape(text[pos:span_start]))
        element, css, label = KINDS[kind]
        inner = _render(text, span_start, span_end, children)
        parts.append(f'<{element} class="{css}" title="{escape(label + ": " + title)}">{inner}</{element}>')
        pos = span_end
    parts.append(escape(text[pos:end]))
    return "".join(parts)
