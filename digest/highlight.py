"""Mark figures, dates, quotes and speaker mentions inside an article's sentences as safe HTML."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from markupsafe import Markup, escape

from digest.models import ArticleRecord

# Kind -> (element, class, label read out by screen readers and shown in the legend).
KINDS = {
    "quote": ("q", "hl-quote", "quotation"),
    "figure": ("mark", "hl-figure", "figure"),
    "date": ("mark", "hl-date", "date"),
    "speaker": ("mark", "hl-speaker", "speaker"),
}


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    kind: str
    title: str


def sentence_html(record: ArticleRecord) -> tuple[Markup, ...]:
    """Return the HTML of each sentence of `record`, with its extracted items marked."""
    art = record.article
    spans: list[_Span] = []
    for fig in record.figures:
        detail = f"{fig.kind}: {fig.value:g} {fig.unit or ''}".strip() if fig.value is not None else fig.kind
        spans.append(_Span(fig.start, fig.end, "figure", detail))
    for expr in record.dates:
        spans.append(_Span(expr.start, expr.end, "date", f"{expr.type} {expr.value or 'unresolved'}"))
    for quote in record.quotes:
        if quote.direct:
            spans.append(
                _Span(quote.start, quote.end, "quote", f"quote by {quote.speaker or 'unknown speaker'}")
            )
    for speaker in record.speakers:
        for mention in speaker.mentions:
            spans.append(_Span(mention.start, mention.end, "speaker", speaker.name))
    spans.sort(key=lambda s: (s.start, -s.end, s.kind))
    starts = [s.start for s in spans]
    out = []
    for sentence in art.sentences:
        # Spans are sorted by start, so a sentence's spans are one slice: no scan over the article.
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end, lo=first)
        inside = [s for s in spans[first:last] if s.end <= sentence.end]
        out.append(_render(art.text, sentence.start, sentence.end, _nest(inside)))
    return tuple(out)


def _nest(spans: list[_Span]) -> list[tuple[_Span, list]]:  # type: ignore[type-arg]
    """Return spans as a tree; a span crossing an earlier one's end is dropped."""
    roots: list[tuple[_Span, list]] = []  # type: ignore[type-arg]
    stack: list[tuple[_Span, list]] = []  # type: ignore[type-arg]
    for span in spans:
        while stack and span.start >= stack[-1][0].end:
            stack.pop()
        if stack and span.end > stack[-1][0].end:
            continue
        node: tuple[_Span, list] = (span, [])  # type: ignore[type-arg]
        (stack[-1][1] if stack else roots).append(node)
        stack.append(node)
    return roots


def _render(text: str, start: int, end: int, nodes: list[tuple[_Span, list]]) -> Markup:  # type: ignore[type-arg]
    parts: list[str] = []
    pos = start
    for span, children in nodes:
        parts.append(str(escape(text[pos : span.start])))
        element, css, label = KINDS[span.kind]
        inner = _render(text, span.start, span.end, children)
        parts.append(
            f'<{element} class="{css}" title="{escape(label + ": " + span.title)}">{inner}</{element}>'
        )
        pos = span.end
    parts.append(str(escape(text[pos:end])))
    return Markup("".join(parts))
