"""Pick the check-worthy sentences of an article and say what kind of claim each makes."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Literal

from digest.extract import _hedges as h
from digest.models import Claim, Figure, Paragraph, Quote, Sentence, Speaker, TimeExpr

_SKIP_PARAGRAPHS = frozenset({"heading", "section", "disclaimer"})
_STRONG_FIGURES = frozenset({"money", "percent"})
_POINTS = frozenset({"bp", "pp"})
# Stripping the punctuation off whitespace-split words is several times faster than a word regex.
_ASCII_SPACES = str.maketrans(dict.fromkeys("!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~", " "))
_PUNCT = "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”‘’«»…—–•·'"
_TERMINAL = frozenset(".!?\"'”’)»…")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")
_NAME = r"[A-Z][\w&.'’-]*"
_RUN = rf"{_NAME}(?:\s+(?:{_NAME}|of|&|and|de|du))*"
_FILLER = r"(?:[a-z]+ly\s+|itself\s+|has\s+|have\s+|had\s+|also\s+)?"
# "Alibaba said", "Bain recently warned", and with an apposition "Alibaba, the online retailer, said".
_PREPOSED = re.compile(
    rf"({_RUN})(?:(?:,[^,]{{1,80}}){{1,2}},)?\s+{_FILLER}(?:{h.CUE_VERBS})\b"
)
_POSTPOSED = re.compile(rf"\b(?:{h.POSTPOSED_CUES})\s+({_RUN})(?=\s*(?:[,.;]|$|\s+(?:in|on|at|that)\b))")
_ACCORDING = re.compile(rf"\b[Aa]ccording to\s+(?:the\s+)?({_RUN}|(?:some\s+|many\s+)?(?:{h.GROUPS}))")
_GROUP = re.compile(
    rf"\b((?:[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal|[Oo]ther|[Ff]ew)\s+)?({h.GROUPS}|{h.GROUPS.title()})\b"
    rf"(?:\s+(?:[a-z]+ly|have|had|also|now|still|recently|who\s+\w+))?\s+(?:{h.CUE_VERBS})\b"
)
# An unnamed single source, holding the claim before or after the cue verb.
_SINGLE = (
    rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w-]+\s+){{0,3}}?({h.SINGLE_SOURCES})\b"
)
_SINGLE_BEFORE = re.compile(rf"{_SINGLE}(?:,[^,]{{1,90}},|\s+(?:at|for|with|from|in)\s+[^,]{{1,60}}?)?\s+"
                            rf"(?:{h.POSTPOSED_CUES}|told)\b")
_SINGLE_AFTER = re.compile(rf"\b(?:{h.POSTPOSED_CUES})\s+{_SINGLE}")
# A cue right after the name, perhaps past an apposition: "Zhang said", "Jiang Han, an analyst at X, said".
_CUE_AFTER = re.compile(rf"(?:,[^,]{{1,90}}){{0,2}},?\s+{_FILLER}(?:{h.CUE_VERBS})\b")
_CUE_BEFORE = re.compile(rf"\b(?:{h.POSTPOSED_CUES})\s+$")
_MIN_WORDS = 5
_ASSERTING = h.STATEMENT_WORDS | h.CUE_WORDS | h.HEDGE_WORDS


def extract_claims(
    text: str,
    *,
    sentences: tuple[Sentence, ...],
    paragraphs: tuple[Paragraph, ...],
    figures: tuple[Figure, ...],
    dates: tuple[TimeExpr, ...],
    speakers: tuple[Speaker, ...],
    quotes: tuple[Quote, ...],
) -> tuple[Claim, ...]:
    """Return one claim for each check-worthy sentence of `text`, in text order."""
    starts = [s.start for s in sentences]
    figs = _by_sentence(starts, sentences, [(f.start, f.end) for f in figures])
    times = _by_sentence(starts, sentences, [(d.start, d.end) for d in dates])
    said = _quotes_by_sentence(starts, sentences, quotes)
    mentions = _mentions_by_sentence(starts, sentences, speakers)
    claims: list[Claim] = []
    for index, sentence in enumerate(sentences):
        in_range = sentence.paragraph < len(paragraphs)
        kind_of_block = paragraphs[sentence.paragraph].kind if in_range else "text"
        if kind_of_block in _SKIP_PARAGRAPHS:
            continue
        body = text[sentence.start : sentence.end]
        fig_ids = figs.get(index, ())
        if kind_of_block == "table" and (not fig_ids or _is_first_in(sentence, paragraphs)):
            continue
        claim = _claim(body, index, sentence, fig_ids, times.get(index, ()), figures, said.get(index),
                       mentions.get(index, ()), row=kind_of_block == "table")
        if claim is not None:
            claims.append(claim)
    return tuple(claims)


def _claim(
    body: str,
    index: int,
    sentence: Sentence,
    fig_ids: tuple[int, ...],
    date_ids: tuple[int, ...],
    figures: tuple[Figure, ...],
    quote: Quote | None,
    names: tuple[tuple[int, int, str], ...],
    *,
    row: bool = False,
) -> Claim | None:
    lower = body.lower()
    if lower.isascii():
        words = lower.translate(_ASCII_SPACES).split()
    else:
        words = [word.strip(_PUNCT) for word in lower.split()]
    wordset = frozenset(words)
    groups = _phrase_groups(f" {lower} ", wordset)
    if "reader" in groups or _addresses_reader(body, lower):
        return None
    # A change stated in basis or percentage points is a statistic as much as a percentage is.
    kinds = {"percent" if figures[i].unit in _POINTS else figures[i].kind for i in fig_ids}
    future = "future" in groups or not wordset.isdisjoint(h.FUTURE_WORDS)
    assess = "assess" in groups or not wordset.isdisjoint(h.ASSESSMENT_WORDS)
    speaker = quote.speaker if quote is not None else None
    attribution = speaker or _attribution(body, wordset, names)
    signal = bool(fig_ids or date_ids or quote or attribution or future or assess)
    signal = signal or not wordset.isdisjoint(_ASSERTING) or _names_actor(body)
    shortest = 3 if fig_ids or date_ids or quote or attribution else _MIN_WORDS
    if not signal or len(words) < shortest or (not row and _is_label(body, len(words))):
        return None
    kind: Literal["statistic", "forecast", "statement", "assessment"]
    if kinds & _STRONG_FIGURES:
        kind = "forecast" if future else "statistic"
    elif future:
        kind = "forecast"
    elif "count" in kinds:
        kind = "statistic"
    elif assess:
        kind = "assessment"
    else:
        kind = "statement"
    return Claim(
        text=body,
        start=sentence.start,
        end=sentence.end,
        sentence=index,
        kind=kind,
        speaker=speaker,
        attribution=attribution,
        hedged="hedge" in groups or _hedged(lower, wordset, body, fig_ids, figures),
        figures=fig_ids,
        dates=date_ids,
    )


def _phrase_groups(padded: str, wordset: frozenset[str]) -> set[str]:
    """Return the groups ("future", "hedge", ...) of the cue phrases found in the padded sentence."""
    found: set[str] = set()
    for key in wordset & h.PHRASE_KEYS:
        for phrase, group in h.PHRASES[key]:
            if group not in found and phrase in padded:
                found.add(group)
    return found


def _addresses_reader(body: str, lower: str) -> bool:
    if body.rstrip("”’\"' ").endswith("?"):
        return True
    if "you" not in lower:
        return False
    # Quoted speech may say "you"; only the writer's own words addressing the reader disqualify.
    outside = _QUOTED.sub(" ", body).lower()
    return bool(re.search(r"\b(?:you|your|yours)\b", outside))


def _is_label(body: str, n_words: int) -> bool:
    """Return True for headings, table rows and lead-ins that slipped into running text."""
    stripped = body.rstrip()
    if stripped.endswith(":") or ("@" in stripped and n_words < 6):
        return True
    if stripped[-1] in _TERMINAL:
        return False
    if n_words < 16:
        return True
    capitals = sum(1 for word in stripped.split() if word[:1].isupper())
    return capitals * 2 > len(stripped.split())


def _names_actor(body: str) -> bool:
    first, _, rest = body.partition(" ")
    if first[:1].isupper() and first.strip("“\"'‘(") not in h.NOT_ACTORS:
        return True
    return any(word[:1].isupper() for word in rest.split())


def _hedged(
    lower: str, wordset: frozenset[str], body: str, fig_ids: tuple[int, ...], figures: tuple[Figure, ...]
) -> bool:
    if wordset & h.HEDGE_WORDS:
        return True
    if "may" in wordset and h.MAY_MODAL.search(body):
        return True
    if "up to" in lower and h.UP_TO_FIGURE.search(body):
        return True
    return any(figures[i].approx in ("up to", "as much as") for i in fig_ids)


def _attribution(body: str, wordset: frozenset[str], names: tuple[tuple[int, int, str], ...]) -> str | None:
    """Return who the sentence says holds its claim: a person, an organisation or a group."""
    has_cue = bool(wordset & h.CUE_WORDS)
    for start, end, name in names if has_cue or "according" in wordset else ():
        if _holds(body, start, end):
            return name
    if "according" in wordset and (match := _ACCORDING.search(body)):
        return _actor(match.group(1))
    if not has_cue:
        return None
    candidates: list[tuple[int, str]] = []
    for pattern in (_PREPOSED, _POSTPOSED):
        for match in pattern.finditer(body):
            actor = _actor(match.group(1))
            if actor:
                candidates.append((match.start(), actor))
                break
    if not wordset.isdisjoint(h.GROUP_WORDS) and (group := _GROUP.search(body)) is not None:
        candidates.append((group.start(), ((group.group(1) or "") + group.group(2)).lower()))
    for pattern in (_SINGLE_BEFORE, _SINGLE_AFTER) if not wordset.isdisjoint(h.SINGLE_WORDS) else ():
        if (single := pattern.search(body)) is not None:
            candidates.append((single.start(), single.group(1)))
    return min(candidates)[1] if candidates else None


def _holds(body: str, start: int, end: int) -> bool:
    """Return True if the name at body[start:end] is the one who says or holds the sentence."""
    if body.startswith(("'s", "’s"), end):
        return False
    before = body[max(0, start - 20) : start].lower()
    if "according to" in before or _CUE_BEFORE.search(before):
        return True
    return _CUE_AFTER.match(body, end) is not None


def _actor(run: str) -> str | None:
    words = run.replace("’s", "").replace("'s", "").split()
    while words and words[0].strip("“\"‘(") in h.NOT_ACTORS:
        words = words[1:]
    while words and words[-1] in {"of", "&", "and", "de", "du"}:
        words = words[:-1]
    if not words:
        return None
    actor = " ".join(words).strip(",.;“”\"")
    if actor.lower() in h.GROUPS.split("|"):
        return actor.lower()
    return actor or None


def _is_first_in(sentence: Sentence, paragraphs: tuple[Paragraph, ...]) -> bool:
    return sentence.paragraph < len(paragraphs) and sentence.start <= paragraphs[sentence.paragraph].start


def _sentence_of(starts: Sequence[int], sentences: tuple[Sentence, ...], start: int, end: int) -> int | None:
    index = bisect_right(starts, start) - 1
    if index < 0 or end > sentences[index].end:
        return None
    return index


def _by_sentence(
    starts: Sequence[int], sentences: tuple[Sentence, ...], spans: list[tuple[int, int]]
) -> dict[int, tuple[int, ...]]:
    found: dict[int, list[int]] = {}
    for item, (start, end) in enumerate(spans):
        index = _sentence_of(starts, sentences, start, end)
        if index is not None:
            found.setdefault(index, []).append(item)
    return {index: tuple(items) for index, items in found.items()}


def _quotes_by_sentence(
    starts: Sequence[int], sentences: tuple[Sentence, ...], quotes: tuple[Quote, ...]
) -> dict[int, Quote]:
    """Map each sentence a quote overlaps to that quote, preferring quotes with a known speaker."""
    found: dict[int, Quote] = {}
    for quote in quotes:
        first = max(bisect_right(starts, quote.start) - 1, 0)
        index = first
        while index < len(sentences) and sentences[index].start < quote.end:
            if sentences[index].end > quote.start:
                held = found.get(index)
                if held is None or (held.speaker is None and quote.speaker is not None):
                    found[index] = quote
            index += 1
    return found


def _mentions_by_sentence(
    starts: Sequence[int], sentences: tuple[Sentence, ...], speakers: tuple[Speaker, ...]
) -> dict[int, tuple[tuple[int, int, str], ...]]:
    found: dict[int, list[tuple[int, int, str]]] = {}
    for speaker in speakers:
        for mention in speaker.mentions:
            index = _sentence_of(starts, sentences, mention.start, mention.end)
            if index is not None:
                offset = sentences[index].start
                item = (mention.start - offset, mention.end - offset, speaker.name)
                found.setdefault(index, []).append(item)
    return {index: tuple(sorted(items)) for index, items in found.items()}
