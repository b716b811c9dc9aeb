"""Decide which lines of an article body are page furniture rather than the story, and why.

Every rule describes something any news page shows (share bars, comment boxes, bylines, related-link
blocks, pasted editorial personas) and works on the plain text of one line plus a little context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest._markup import Line
from digest._persona import GENERATED, GENERATED_NEEDLES, GENERATED_NOTE, find_personas, is_prompt
from digest._widgets import (
    BYLINE,
    DATE_LIKE,
    DATELINE,
    INITIALS,
    LONG_LINES,
    NAME_THEN_TIME,
    NEEDLES,
    URGE,
    WIDGET_MAX,
    WIDGETS,
)

_I = re.IGNORECASE
_DISCLAIMER_NEEDLES = (
    "disclaimer", "disclosure", "avertissement", "purposes only", "advice", "views expressed",
)
_DISCLAIMER = re.compile(
    r"^(?:disclaimer|disclosure|avertissement)\s*:"
    r"|for (?:informational|information|educational) purposes only"
    r"|does not (?:constitute|represent) (?:\w+ ){0,4}advice|not (?:financial|investment) advice"
    r"|views expressed .{0,80}(?:are|do not)",
    _I,
)
_LABEL = re.compile(r"[\w'’][\w'’ &/-]{0,40}:")
_BREADCRUMB = re.compile(r"\w[\w &-]*(?: ?[>»›/|] ?\w[\w &-]*)+")
_JOINERS = frozenset(
    ("because", "and", "but", "or", "nor", "so", "yet", "although", "though", "whereas", "which", "who",
     "whose", "that", "if", "unless", "since", "while", "whilst", "whether", "than")
)
_FUNCTION_END = frozenset(
    ("the", "a", "an", "of", "to", "and", "in", "for", "with", "by", "on", "at", "as", "from", "that", "or",
     "but", "is", "are", "was")
)
_END_PUNCT = tuple(".!?;,:…")
_SEPARATOR = re.compile(r"\s*[-–—|:]\s*\S.{0,40}")


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """What to drop: a reason per line index, the flags raised, and which kept lines are disclaimers."""

    reasons: dict[int, str]
    flags: frozenset[str]
    disclaimers: frozenset[int]


def find_boilerplate(lines: Sequence[Line], *, title: str, author: str | None) -> Boilerplate:
    """Return the reason each boilerplate line of `lines` should be dropped, and the article's flags."""
    reasons: dict[int, str] = {}
    flags: set[str] = set()
    names = [author] if author else []
    find_personas(lines, reasons, flags, names)
    for i, line in enumerate(lines):
        if i not in reasons:
            reason = _line_reason(line, names)
            if reason == "generated article marker":
                flags.add("machine_generated")
            elif reason == "ai persona":
                flags.add("ai_persona")
            if reason:
                reasons[i] = reason
    _find_context(lines, reasons, title=title)
    disclaimers = set()
    for i, line in enumerate(lines):
        if i in reasons:
            continue
        low = line.text.lower()
        if any(n in low for n in _DISCLAIMER_NEEDLES) and _DISCLAIMER.search(line.text):
            disclaimers.add(i)
        if any(n in low for n in GENERATED_NEEDLES) and GENERATED_NOTE.search(line.text):
            disclaimers.add(i)
            flags.add("machine_generated")
    return Boilerplate(reasons, frozenset(flags), frozenset(disclaimers))


def key(text: str) -> str:
    """Return `text` folded for comparison: case, quotes, dashes and spacing ignored."""
    text = text.casefold()
    if not text.isascii():
        # A few replace() calls run several times faster than str.translate with a mapping.
        for curly, plain in _FOLD:
            if curly in text:
                text = text.replace(curly, plain)
    return " ".join(text.split()).strip(" .:")


_FOLD = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"))


def headingish(text: str) -> bool:
    """Return whether `text` is shaped like a heading: short, capitalised, no closing punctuation."""
    return (
        0 < len(text) <= 100
        and not text.endswith(_END_PUNCT)
        and not text[0].islower()
        and len(text.split()) <= 12
    )


def is_label(text: str) -> bool:
    """Return whether `text` is a section label such as "Summary:" with nothing after it."""
    # The pattern allows at most 42 characters ending in a colon; test that before splitting.
    return (
        text.endswith(":")
        and len(text) <= 42
        and len(text.split()) <= 4
        and _LABEL.fullmatch(text) is not None
    )


def _line_reason(line: Line, names: list[str]) -> str | None:
    text = line.text
    if line.marker == "image":
        return "image"
    if line.marker == "linkdef":
        return "link reference"
    if len(text) <= WIDGET_MAX:
        for reason, pattern in WIDGETS:
            # A link label never ends like a sentence ("More on that later.").
            if pattern.fullmatch(text) and not (reason == "related links" and text.endswith(".")):
                return reason
        if GENERATED.fullmatch(text):
            return "generated article marker"
        dateline = DATELINE.fullmatch(text)
        if dateline and (not dateline.group("rest") or DATE_LIKE.search(dateline.group("rest"))):
            return "dateline"
        byline = BYLINE.fullmatch(text)
        if byline:
            names.extend(n.strip() for n in re.split(r",| and | & ", byline.group("names")))
            return "byline"
        timed = NAME_THEN_TIME.fullmatch(text)
        if timed:
            names.append(timed.group("name"))
            return "byline"
        if len(text) <= 60 and any(key(text) == key(name) for name in names):
            return "byline"
        if INITIALS.fullmatch(text) and any(_initials(name) == text for name in names):
            return "avatar initials"
    if len(text) <= 400:
        low = text.lower()
        for reason, pattern in LONG_LINES:
            if any(n in low for n in NEEDLES[reason]) and pattern.fullmatch(text):
                # "Letters received in the comment period" is news; a call to comment asks or urges.
                if reason == "call to comment" and "?" not in text and not URGE.match(text):
                    continue
                return reason
    if is_prompt(text):
        return "ai persona"
    return None


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isalpha()).upper()


def _find_context(lines: Sequence[Line], reasons: dict[int, str], *, title: str) -> None:
    """Mark what only its neighbours give away: repeats, kickers, fragments, empty sections, link blocks."""
    title_key = key(title)
    kept = [i for i in range(len(lines)) if i not in reasons]
    seen_text = False
    last_heading = ""
    previous = ""
    for n, i in enumerate(kept):
        text = lines[i].text
        k = key(text)
        following = [lines[j] for j in kept[n + 1 : n + 4]]
        reason = None
        # Table rows and list items repeat and run short by nature; only free lines are judged by shape.
        free = lines[i].marker in ("", "heading")
        if not free:
            pass
        elif not seen_text and title_key and _repeats_title(k, title_key):
            reason = "repeated headline"
        elif title_key and k == title_key:
            reason = "repeated heading"
        elif not seen_text and following and _is_kicker(text, following[0].text, title_key):
            reason = "section label"
        elif k and k == previous:
            reason = "repeated heading" if headingish(text) else "repeated paragraph"
        elif headingish(text) and k == last_heading:
            reason = "repeated heading"
        elif is_label(text) and _is_empty_section(lines, i, reasons):
            reason = "empty section"
        elif _is_fragment(text, following):
            reason = "dangling fragment"
        if reason:
            reasons[i] = reason
            continue
        previous = k
        if headingish(text) or lines[i].marker == "heading":
            last_heading = k
        elif not is_label(text):
            seen_text = True
    for i in sorted(reasons):
        if reasons[i] == "related links" and len(lines[i].text.split()) <= 6 and ": " not in lines[i].text:
            _extend_related(lines, reasons, i + 1)


def _extend_related(lines: Sequence[Line], reasons: dict[int, str], start: int) -> None:
    """Drop the headline links listed under a "You may also like" heading."""
    def linkish(j: int) -> bool:
        text = lines[j].text
        return (headingish(text) or lines[j].marker == "list") and len(text.split()) <= 15

    for j in range(start, len(lines)):
        # A heading followed by story text is a real section, not one more link.
        before_text = j + 1 < len(lines) and j + 1 not in reasons and not linkish(j + 1)
        if j in reasons or not linkish(j) or before_text:
            return
        reasons[j] = "related links"


def _repeats_title(k: str, title_key: str) -> bool:
    """Return whether the folded line is the title, alone or followed by " – Outlet"."""
    rest = k[len(title_key) :]
    return k == title_key or (k.startswith(title_key) and _SEPARATOR.fullmatch(rest) is not None)


def _is_kicker(text: str, following: str, title_key: str) -> bool:
    if _BREADCRUMB.fullmatch(text) and any(c in text for c in ">»›/|"):
        return True
    short = len(text.split()) <= 2 and headingish(text)
    return short and bool(title_key) and key(following).startswith(title_key)


def _is_empty_section(lines: Sequence[Line], i: int, reasons: dict[int, str]) -> bool:
    nxt = i + 1
    if nxt >= len(lines):
        return True
    return is_label(lines[nxt].text) or reasons.get(nxt) == "generated article marker"


def _is_fragment(text: str, following: Sequence[Line]) -> bool:
    """Return whether `text` is a stray 1-3 word piece of a sentence, like a broken pull quote."""
    # Splitting no further than a fourth word is enough to tell, and cheap on a long paragraph.
    words = text.split(maxsplit=3)
    if not 1 <= len(words) <= 3 or text.endswith(_END_PUNCT) or is_label(text):
        return False
    first, last = words[0].casefold(), words[-1].casefold()
    lowercase = text[0].islower() and not text[1:2].isupper()
    if lowercase or first in _JOINERS or (len(words) > 1 and last in _FUNCTION_END):
        return True
    if not following:
        return True
    # A teaser cut from a sentence start in the next paragraphs.
    return any(
        (line.text.startswith(text + " ") or f". {text} " in line.text) and not headingish(line.text)
        for line in following[:2]
    )
