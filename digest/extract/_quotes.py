"""Quotations: pair the marks into spans, tell speech from titles and scare quotes, attribute them."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from digest.extract._cues import ACCORDING, NO_INDIRECT, PARTICIPLES, words
from digest.extract._subject import Subject
from digest.models import Quote, Sentence

_DOUBLE = re.compile(r"[“”\"«»]")
_OPENERS = frozenset("“«")
_CLOSERS = frozenset("”»")
_SMALL = words("a an the of and or for to in on at by with from de du des la le et of’ vs")
_PERSONA = re.compile(r"You are [A-Z]")
# Verbs that quote the word someone used for a thing: "called the plan “free money”".
_NAMING = words("called calls calling dubbed described describes describing branded termed dénonce")


@dataclass(frozen=True, slots=True)
class Span:
    """A quotation: `start`/`end` of the text inside the marks, `open`/`close` of the marks themselves.

    `close` equals `end` when the quotation runs on to the end of its paragraph unclosed, as wire copy
    does when the next paragraph continues it.
    """

    start: int
    end: int
    open: int
    close: int
    continued: bool = False


def find_spans(text: str, breaks: list[int]) -> list[Span]:
    """Return the quotations of `text` in order; `breaks` are the sorted offsets of paragraph breaks."""
    spans: list[Span] = []
    opened = -1
    for m in _DOUBLE.finditer(text):
        pos = m.start()
        mark = m.group()
        if opened >= 0 and _para_end(breaks, opened, len(text)) < pos:
            spans.append(_span(text, opened, _para_end(breaks, opened, len(text)), continued=True))
            opened = -1
        if opened < 0:
            if mark not in _CLOSERS:
                opened = pos
        elif mark not in _OPENERS:
            spans.append(_span(text, opened, pos))
            opened = -1
    if opened >= 0:
        spans.append(_span(text, opened, _para_end(breaks, opened, len(text)), continued=True))
    if "‘" in text:
        spans.extend(_single_spans(text, breaks, spans))
        spans.sort(key=lambda s: s.start)
    return [s for s in spans if s.end > s.start]


def _para_end(breaks: list[int], pos: int, length: int) -> int:
    k = bisect.bisect_right(breaks, pos)
    return breaks[k] if k < len(breaks) else length


def _span(text: str, opened: int, closed: int, *, continued: bool = False) -> Span:
    start, end = opened + 1, closed
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return Span(start, end, opened, closed if continued else closed + 1, continued)


def _single_spans(text: str, breaks: list[int], doubles: list[Span]) -> list[Span]:
    out: list[Span] = []
    pos = text.find("‘")
    while pos >= 0:
        inside = any(s.open < pos < s.close for s in doubles)
        stop = _para_end(breaks, pos, len(text))
        close = text.find("’", pos + 1, stop)
        # A closing mark followed by a letter is an apostrophe ("it’s").
        while close >= 0 and close + 1 < len(text) and text[close + 1].isalpha():
            close = text.find("’", close + 1, stop)
        if close < 0:
            pos = text.find("‘", pos + 1)
            continue
        if not inside:
            out.append(_span(text, pos, close))
        pos = text.find("‘", close + 1)
    return out


def classify(text: str, span: Span) -> str:
    """Return "speech", "short" (a fragment needing a speaker nearby), "title" or "persona"."""
    body = text[span.start : span.end]
    if _PERSONA.match(body):
        return "persona"
    words = body.split()
    ends_sentence = body.rstrip("”’\"' ").endswith((".", "!", "?", "…"))
    if not ends_sentence and _is_title(words):
        return "title"
    if len(words) <= 4 and not any(ch in body for ch in ".!?;"):
        return "short"
    return "speech"


def _is_title(words: list[str]) -> bool:
    if len(words) < 2 or len(words) > 12:
        return False
    capital = 0
    for word in words:
        bare = word.strip("()[],:;-–—'’")
        if not bare:
            continue
        if bare[0].isupper() or bare[0].isdigit():
            capital += 1
        elif bare.lower() not in _SMALL:
            return False
    return capital >= 2 and words[0][:1].isupper()


_THAT = re.compile(r"(?:([^,.;:“”\"«»]{0,90}?)\s)?(?:that|que|qu['’])\s*")
_ADJUNCT = words(
    """in on at during late earlier last this to reporters investors analysts journalists lawmakers reuters
    bloomberg afp ap cnbc monday tuesday wednesday thursday friday saturday sunday yesterday today
    previously recently also"""
)
_TOLD_OBJECTS = words("reporters investors analysts journalists lawmakers reuters bloomberg afp ap cnbc")
_CLAUSE_TRIM = ' \t\n,.;:!?”"»’'


@dataclass(slots=True)
class Hit:
    """A speech cue in the text, with its subject and the speaker it resolves to."""

    pos: int
    end: int
    word: str
    sentence: int
    subject: Subject | None
    inverted: bool = False
    speaker: int | None = None
    used: bool = False


def sentence_of(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def inside(spans: list[Span], opens: list[int], pos: int) -> Span | None:
    k = bisect.bisect_right(opens, pos) - 1
    if k >= 0 and spans[k].open < pos < spans[k].close:
        return spans[k]
    return None


def line(text: str, sentence: Sentence, pos: int, end: int) -> tuple[int, int]:
    """Return the bounds of the sentence around `pos`, never across a line break."""
    lo = max(sentence.start, text.rfind("\n", sentence.start, pos) + 1)
    hi = text.find("\n", end, sentence.end)
    return lo, sentence.end if hi < 0 else hi


def direct_quotes(
    text: str,
    sentences: tuple[Sentence, ...],
    starts: list[int],
    breaks: list[int],
    spans: list[Span],
    kinds: list[str],
    hits: list[Hit],
    names: list[str],
) -> list[Quote]:
    resolved = [h for h in hits if h.speaker is not None]
    found: list[tuple[Span, Hit | None]] = []
    for span, kind in zip(spans, kinds, strict=True):
        if kind not in ("speech", "short"):
            continue
        first = sentence_of(starts, span.open)
        last = sentence_of(starts, max(span.open, span.close - 1))
        near = [h for h in resolved if first <= h.sentence <= last]
        hit = min(near, key=lambda h: _distance(span, h)) if near else None
        if _owned_by_thing(text, span, hits, first, last, hit):
            # "The union called it “a slap in the face”": the quotation is the organisation's.
            found.append((span, None))
            continue
        if hit is None and kind == "short":
            # A fragment after a speech verb whose subject is no person ("PayLoop said it remained
            # "well capitalized""): a quotation all the same, without a speaker.
            verb = next(
                (h for h in hits if h.sentence == first and h.subject and 0 <= span.open - h.end < 160), None
            )
            if verb is not None and verb.subject is not None and verb.subject.kind in ("single", "name"):
                found.append((span, None))
            continue
        if hit is not None:
            hit.used = True
        else:
            hit = _context_hit(text, sentences, breaks, span, first, last, resolved)
        found.append((span, hit))
    quotes: list[Quote] = []
    for k, (span, hit) in enumerate(found):
        speaker = names[hit.speaker] if hit is not None and hit.speaker is not None else None
        if speaker is None and span.continued and k + 1 < len(found) and found[k + 1][1] is not None:
            nxt = found[k + 1][1]
            speaker = names[nxt.speaker] if nxt is not None and nxt.speaker is not None else None
        cue = hit.word if hit is not None else None
        sentence = sentence_of(starts, span.start)
        quotes.append(Quote(text[span.start : span.end], span.start, span.end, sentence, speaker, cue, True))
    return quotes


def _owned_by_thing(text: str, span: Span, hits: list[Hit], first: int, last: int, best: Hit | None) -> bool:
    """Return whether the cue nearest before `span` has a subject that is no person (a group, a body)."""
    before = [
        h
        for h in hits
        if first <= h.sentence <= last
        and h.end <= span.open
        and span.open - h.end < 160
        and h.word not in PARTICIPLES
    ]
    if not before:
        return False
    cue = before[-1]
    if cue.speaker is not None or span.open - cue.end > 40:
        return False
    if cue.subject is None:
        # "Critics called the scheme “free money”": naming verbs quote a word whoever the subject is,
        # though not a name ("which it calls “Lattice”").
        owned = cue.word in _NAMING and not all(w[:1].isupper() for w in text[span.start : span.end].split())
    else:
        owned = cue.subject.kind not in ("pronoun", "definite") and not cue.inverted
    return owned and (best is None or _distance(span, cue) < _distance(span, best))


def _distance(span: Span, hit: Hit) -> int:
    if hit.pos >= span.close:
        return hit.pos - span.close
    return max(0, span.open - hit.end) + 1


def _context_hit(
    text: str,
    sentences: tuple[Sentence, ...],
    breaks: list[int],
    span: Span,
    first: int,
    last: int,
    resolved: list[Hit],
) -> Hit | None:
    """Return the cue of the neighbouring sentence that introduces or closes the quotation."""
    paragraph = bisect.bisect_right(breaks, span.open)
    before = [h for h in resolved if h.sentence < first and bisect.bisect_right(breaks, h.pos) == paragraph]
    after = [
        h for h in resolved if h.sentence == last + 1 and bisect.bisect_right(breaks, h.pos) == paragraph
    ]
    # The speaker named in the next sentence ("..., the juror said.") beats one named two sentences back.
    if before and (before[-1].sentence == first - 1 or not after):
        return before[-1]
    if first > 0 and text[: sentences[first - 1].end].rstrip().endswith(":"):
        earlier = [h for h in resolved if h.sentence == first - 1]
        if earlier:
            return earlier[-1]
    return after[0] if after else None


def indirect_quotes(
    text: str,
    sentences: tuple[Sentence, ...],
    hits: list[Hit],
    names: list[str],
    live: list[Span],
    opens: list[int],
) -> list[Quote]:
    quotes: list[Quote] = []
    for hit in hits:
        if (
            hit.speaker is None
            or hit.used
            or hit.word in NO_INDIRECT
            or (hit.subject is None and hit.word not in PARTICIPLES)
        ):
            continue
        lo, hi = line(text, sentences[hit.sentence], hit.pos, hit.end)
        span = _clause(text, hit, lo, hi)
        if span is None:
            continue
        start, end = _trim(text, *span)
        stop = next((h.pos for h in hits if h.word in PARTICIPLES and start < h.pos < end), None)
        if stop is not None:
            start, end = _trim(text, start, stop)
        if len(text[start:end].split()) < 3 or inside(live, opens, start) is not None:
            continue
        name = names[hit.speaker]
        quotes.append(Quote(text[start:end], start, end, hit.sentence, name, hit.word, False))
    return quotes


def _clause(text: str, hit: Hit, lo: int, hi: int) -> tuple[int, int] | None:
    subject = hit.subject
    if hit.word in PARTICIPLES:
        m = _THAT.match(text, hit.end, hi)
        return (m.end(), hi) if m is not None and not m.group(1) else None
    assert subject is not None
    if hit.inverted:
        if hit.word in ACCORDING and text[subject.phrase_end : subject.phrase_end + 1] == ",":
            return subject.phrase_end + 1, hi
        return lo, hit.pos
    right = text[hit.end : hi].lstrip()
    if not right or right[0] in ':“"«‘':
        return None
    m = _THAT.match(text, hit.end, hi)
    if m is not None and (
        not m.group(1)
        or m.group(1).split()[0].lower() in _ADJUNCT
        # "told The Associated Press that ...": the object of "told" stands before "that".
        or (hit.word in ("told", "tells") and len(m.group(1).split()) <= 6)
    ):
        return m.end(), hi
    first = right.split()[0].lower().strip(",")
    if hit.word in ("told", "tells"):
        if first not in _TOLD_OBJECTS:
            return None
        return hit.end + text[hit.end : hi].find(right.split()[0]) + len(right.split()[0]), hi
    if right[0] in ".,;" or first in _ADJUNCT:
        return (lo, subject.phrase_start) if subject.phrase_start > lo else None
    return hit.end, hi


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _CLAUSE_TRIM:
        start += 1
    while end > start and text[end - 1] in _CLAUSE_TRIM:
        end -= 1
    return start, end
