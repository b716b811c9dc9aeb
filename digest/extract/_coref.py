"""Who "he", "she", "il" and "the aide" are: the nearest fitting speaker before them."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from digest.extract._cues import HONORIFICS, is_head
from digest.extract._names import subject_before
from digest.extract._quotes import Hit
from digest.extract._subject import tokens

_SINGULAR = frozenset({"a", "an", "one", "un", "une"})
# A title and a capitalised name: "Chief technology officer Marco Bellini", "Meteorologist Ryan Dunn".
_TITLED = re.compile(r"(?<![\w.-])([A-Za-z][\w.-]*) (?:[A-Z][\w'’-]+ ){1,2}[A-Z][\w'’-]+")
_WINDOW = 400


@dataclass(slots=True)
class Person:
    """A speaker being resolved: mutable while mentions and references are gathered."""

    name: str
    role: str | None
    organization: str | None
    anonymous: bool
    mentions: set[tuple[int, int]] = field(default_factory=set)


def resolve_references(text: str, hits: list[Hit], people: list[Person]) -> None:
    """Give each pronoun or "the <role>" cue the nearest earlier speaker it can refer to."""
    refs = [
        h
        for h in hits
        if h.subject is not None and h.speaker is None and h.subject.kind in ("pronoun", "definite")
    ]
    if not refs:
        return
    named = sorted((s, e, i) for i, p in enumerate(people) for s, e in p.mentions)
    for hit in refs:
        subject = hit.subject
        assert subject is not None
        k = bisect.bisect_left(named, (subject.start, -1, -1)) - 1
        while k >= 0 and not _fits(subject.kind, subject.name, people[named[k][2]]):
            k -= 1
        nearest = named[k][0] if k >= 0 else -1
        if subject.kind == "pronoun":
            titled = _titled_person(text, max(nearest + 1, subject.start - _WINDOW), subject.start)
            if titled is not None:
                index = next((i for i, p in enumerate(people) if p.name == titled.name), len(people))
                if index == len(people):
                    people.append(titled)
                people[index].mentions |= titled.mentions
                named.append((*min(titled.mentions), index))
                named.sort()
                k = bisect.bisect_left(named, (subject.start, -1, -1)) - 1
        if k < 0:
            continue
        hit.speaker = named[k][2]
        people[hit.speaker].mentions.add((subject.start, subject.end))


def _fits(kind: str, word: str, person: Person) -> bool:
    if person.anonymous:
        words = person.name.lower().split()
        # "A senior aide ... said. '...,' he said": a single unnamed source; never "two people".
        return words[0] in _SINGULAR and (kind == "pronoun" or word in words)
    return kind == "pronoun" or word in (person.role or "").lower()


def _titled_person(text: str, start: int, end: int) -> Person | None:
    """Return the last person named with a title between `start` and `end` who is not yet a speaker."""
    found: Person | None = None
    for m in _TITLED.finditer(text, start, end):
        title = m.group(1).lower().rstrip(".")
        if not (is_head(title) or title in HONORIFICS):
            continue
        line = text.rfind("\n", 0, m.start()) + 1
        subject = subject_before(text, tokens(text, max(line, m.start() - 60), m.end()))
        if subject is None or subject.kind != "name":
            continue
        found = Person(
            subject.name, subject.role, subject.organization, False, {(subject.start, subject.end)}
        )
    return found
