"""Find who is quoted or reported as saying something, and what they said."""

from __future__ import annotations

import re

from digest.extract._coref import Person, resolve_references
from digest.extract._cues import (
    ACCORDING,
    INVERTIBLE,
    OBJECT_PRONOUNS,
    PARTICIPLES,
    find_cues,
    inverted_pronoun_cues,
)
from digest.extract._names import subject_after, subject_before
from digest.extract._orgs import (
    antecedent,
    corporate,
    is_org_reference,
    named_org,
    org_before,
    org_evidence,
)
from digest.extract._quotes import (
    Hit,
    Span,
    classify,
    direct_quotes,
    find_spans,
    indirect_quotes,
    inside,
    line,
    sentence_of,
)
from digest.extract._subject import Subject, tokens
from digest.models import Mention, Quote, Sentence, Speaker

_BYLINE = re.compile(
    r"(?m)^[ \t]*(?:By|BY|Par|(?:AI )?Journalist:|(?:Reporting|Writing|Editing|Additional reporting) by)"
    r"[ \t]+"
    r"([A-Z][^\n]{0,120})$|You are ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})"
)
_BYLINE_KEYS = ("By ", "BY ", "Par ", "Journalist:", "ing by ", "You are ")
_BYLINE_SPLIT = re.compile(r"\s*(?:[,;|]|\band\b|\bin\b)\s*")
_CAPS_BEFORE = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]+ ){1,2}\Z")
_CAPS_AFTER = re.compile(r"(?: [A-Z][\w'’-]+){1,2}\b")
_FRENCH_PRONOUN_CUE = re.compile(r"-(?:t-)?(il|elle)\b")
# "is expected to", "was told": a passive verb reports nothing its subject said.
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$")
_PASSIVE_FORMS = frozenset({"expected", "told", "thought", "believed", "estimated", "forecast", "projected"})


def extract_speakers(
    text: str, *, sentences: tuple[Sentence, ...], author: str | None
) -> tuple[tuple[Speaker, ...], tuple[Quote, ...]]:
    """Return the speakers of `text` in order of first mention and its quotes in order of position."""
    if not sentences:
        return (), ()
    starts = [s.start for s in sentences]
    breaks = [m.start() for m in re.finditer("\n", text)]
    spans = find_spans(text, breaks)
    kinds = [classify(text, s) for s in spans]
    live = [s for s, k in zip(spans, kinds, strict=True) if k in ("speech", "short")]
    live_opens = [s.open for s in live]
    hits, orgs = _cue_hits(text, sentences, starts, live, live_opens)
    people = _resolve(text, hits, _banned(text, author), orgs)
    names = [person.name for person in people]
    quotes = direct_quotes(text, sentences, starts, breaks, spans, kinds, hits, names)
    quotes.extend(indirect_quotes(text, sentences, hits, names, live, live_opens))
    quotes.sort(key=lambda q: (q.start, q.end))
    return _speakers(text, people), tuple(quotes)


def _cue_hits(
    text: str, sentences: tuple[Sentence, ...], starts: list[int], live: list[Span], opens: list[int]
) -> tuple[list[Hit], list[tuple[int, str]]]:
    hits: list[Hit] = []
    orgs: list[tuple[int, str]] = []
    found = find_cues(text)
    inverted_fr = inverted_pronoun_cues(text)
    if inverted_fr:
        found = sorted(found + inverted_fr)
    for pos, end, word in found:
        if inside(live, opens, pos) is not None:
            continue
        index = sentence_of(starts, pos)
        lo, hi = line(text, sentences[index], pos, end)
        if word in PARTICIPLES:
            hits.append(Hit(pos, end, word, index, None))
            continue
        french = _FRENCH_PRONOUN_CUE.search(word)
        if french is not None:
            s = pos + french.start(1)
            hits.append(Hit(pos, end, word, index, Subject("pronoun", s, s + len(french.group(1)), "il")))
            continue
        if word in ACCORDING:
            right = tokens(text, end, min(hi, end + 300))
            if right and right[0][2].lower() in OBJECT_PRONOUNS:
                # "Selon lui, ...", "according to her": the speaker named last.
                s, e = right[0][0], right[0][1]
                subject: Subject | None = Subject("pronoun", s, e, right[0][2], phrase_start=s, phrase_end=e)
            else:
                subject = subject_after(text, right)
            hits.append(Hit(pos, end, word, index, subject, inverted=True))
            continue
        if word in _PASSIVE_FORMS and _PASSIVE.search(text, max(0, pos - 12), pos):
            continue
        left = tokens(text, max(lo, pos - 240), pos)
        subject = subject_before(text, left)
        if subject is None or subject.kind == "single":
            org = org_before(text, left)
            if org is not None:
                orgs.append((pos, org))
        inverted = False
        if (subject is None or subject.kind == "role") and word in INVERTIBLE:
            after = subject_after(text, tokens(text, end, min(hi, end + 300)))
            if after is not None and (not left or left[-1][2] in (",", "”", '"', "»", ":")):
                subject, inverted = after, True
        hits.append(Hit(pos, end, word, index, subject, inverted))
    return hits, orgs


def _banned(text: str, author: str | None) -> set[str]:
    banned: set[str] = set()
    if author:
        banned.add(author.strip().lower())
    if not any(key in text for key in _BYLINE_KEYS):
        return banned
    for m in _BYLINE.finditer(text):
        found = m.group(1) or m.group(2) or ""
        banned.update(part.strip().lower() for part in _BYLINE_SPLIT.split(found) if part.strip())
    return banned


def _resolve(text: str, hits: list[Hit], banned: set[str], orgs: list[tuple[int, str]]) -> list[Person]:
    people: list[Person] = []
    by_name: dict[str, int] = {}
    things: set[str] = set()

    def add(subject: Subject, *, anonymous: bool = False) -> int | None:
        key = subject.name.lower()
        if key in banned or key in things:
            return None
        if key not in by_name and not anonymous and not subject.role and _is_thing(text, subject.name):
            things.add(key)
            orgs.append((subject.start, subject.name))
            return None
        if key not in by_name:
            by_name[key] = len(people)
            people.append(Person(subject.name, subject.role, subject.organization, anonymous))
        person = people[by_name[key]]
        person.role = person.role or subject.role
        person.organization = person.organization or subject.organization
        person.mentions.add((subject.start, subject.end))
        return by_name[key]

    for hit in hits:
        subject = hit.subject
        if subject is None:
            continue
        if subject.kind == "name" and " " in subject.name:
            hit.speaker = add(subject)
        elif subject.kind == "anonymous":
            hit.speaker = add(subject, anonymous=True)
        elif subject.kind == "partitive":
            hit.speaker = _group(people, subject)
            if hit.speaker is None:
                phrase = text[subject.start : subject.end]
                hit.speaker = add(Subject("anonymous", subject.start, subject.end, phrase), anonymous=True)
            else:
                people[hit.speaker].mentions.add((subject.start, subject.end))
    aliases = _aliases(people)
    for hit in hits:
        subject = hit.subject
        if subject is None or hit.speaker is not None or subject.kind not in ("name", "single"):
            continue
        known = aliases.get(subject.name.lower())
        if known is not None:
            hit.speaker = known
            people[known].mentions.add((subject.start, subject.end))
        elif subject.kind == "name":
            hit.speaker = add(subject)
        else:
            full = _full_name(text, subject)
            if full is not None:
                hit.speaker = add(full)
                if hit.speaker is not None:
                    people[hit.speaker].mentions.add((subject.start, subject.end))
                aliases = _aliases(people)
    _scan_mentions(text, people, _aliases(people))
    resolve_references(text, hits, people)
    orgs.sort()
    names = {p.name for p in people} | {w for p in people if not p.anonymous for w in p.name.split()}
    orgs[:] = [o for o in orgs if o[1] not in names]
    for person in people:
        first = min(person.mentions)[0] if person.mentions else 0
        if is_org_reference(person.organization):
            person.organization = antecedent(text, orgs, first, person.organization or "")
        elif person.organization is None and not person.anonymous and corporate(person.role):
            person.organization = antecedent(text, orgs, first, "its")
    for hit in hits:
        if hit.subject is None and hit.word in PARTICIPLES:
            before = [
                h for h in hits if h.sentence == hit.sentence and h.pos < hit.pos and h.speaker is not None
            ]
            hit.speaker = before[-1].speaker if before else None
    return people


def _group(people: list[Person], subject: Subject) -> int | None:
    """Return the unnamed group that "two of the sources" picks from: the last one named with that noun."""
    for index in range(len(people) - 1, -1, -1):
        person = people[index]
        earlier = min(person.mentions)[0] < subject.start
        if person.anonymous and earlier and subject.name in person.name.lower().split():
            return index
    return None


def _is_thing(text: str, name: str) -> bool:
    """Return whether `name` is used as an organisation, not a person ("Nimbus, which ...")."""
    return org_evidence(text, name) or org_evidence(text, name.split()[-1]) or named_org(text, name)


def _aliases(people: list[Person]) -> dict[str, int]:
    found: dict[str, int | None] = {}
    for index, person in enumerate(people):
        if person.anonymous:
            continue
        words = person.name.split()
        for form in {person.name, words[0], words[-1]}:
            key = form.lower()
            found[key] = index if found.get(key, index) == index else None
    return {k: v for k, v in found.items() if v is not None}


def _full_name(text: str, subject: Subject) -> Subject | None:
    word = subject.name
    pos = text.find(word)
    while pos >= 0:
        end = pos + len(word)
        if end >= len(text) or not (text[end].isalnum() or text[end] == "_"):
            # Look only around each occurrence: scanning the whole text for capitalised pairs is slow.
            before = _CAPS_BEFORE.search(text, max(0, pos - 80), pos)
            if before is not None:
                candidate = _name_from(text, before.start(), end)
                if candidate is not None:
                    return candidate
            after = _CAPS_AFTER.match(text, end)
            if after is not None and (pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "_")):
                candidate = _name_from(text, pos, after.end())
                if candidate is not None:
                    return candidate
        pos = text.find(word, pos + 1)
    return None


def _name_from(text: str, start: int, end: int) -> Subject | None:
    toks = tokens(text, start, end)
    subject = subject_before(text, toks)
    if subject is None or subject.kind != "name" or " " not in subject.name:
        return None
    return subject


def _scan_mentions(text: str, people: list[Person], aliases: dict[str, int]) -> None:
    owners = set(aliases.values())
    forms = sorted(
        {
            form
            for i in owners
            for form in (people[i].name, people[i].name.split()[0], people[i].name.split()[-1])
            if aliases.get(form.lower()) == i
        },
        key=len,
        reverse=True,
    )
    if not forms:
        return
    exact = {people[i].name: i for i in set(aliases.values())}
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b")
    for m in pattern.finditer(text):
        word = m.group()
        index = exact.get(word, aliases.get(word.lower()))
        if index is not None:
            people[index].mentions.add((m.start(), m.end()))


def _speakers(text: str, people: list[Person]) -> tuple[Speaker, ...]:
    out: list[tuple[int, Speaker]] = []
    for person in people:
        if not person.mentions:
            continue
        mentions = sorted(person.mentions)
        aliases = sorted(
            {
                form
                for s, e in mentions
                if (form := text[s:e]) != person.name
                and form.lower() not in ("he", "she", "il", "elle")
                and not person.anonymous
                and form[:1].isupper()
            }
        )
        speaker = Speaker(
            name=person.name,
            role=person.role,
            organization=person.organization,
            anonymous=person.anonymous,
            aliases=tuple(aliases),
            mentions=tuple(Mention(s, e) for s, e in mentions),
        )
        out.append((mentions[0][0], speaker))
    out.sort(key=lambda item: (item[0], item[1].name))
    return tuple(s for _, s in out)
