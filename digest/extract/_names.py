"""Who says it: the subject of a speech cue, as a name, a pronoun, a role or an unnamed source."""

from __future__ import annotations

from digest.extract._anonymous import anonymous, anonymous_before_clause
from digest.extract._cues import GENERIC_ORGS, PRONOUNS, is_head, words
from digest.extract._person import name_subject, nameish, split_phrase
from digest.extract._subject import (
    ORG_REFERENCE,
    Subject,
    Token,
    comma_segments,
    organization,
    strip_possessive,
)

# Words between a subject and its verb: "Zhang also said", "Bain recently warned", "he has argued".
_SKIP = words(
    """also later previously recently has had have once then further again separately additionally earlier
    repeatedly publicly privately explicitly reportedly is was would will quickly often has long already
    has_ similarly subsequently"""
)
_QUOTE_MARKS = frozenset('“”"«»')
_WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")
_DETERMINERS = words("the its their his her our le la les l' l’ son sa ses leur")
_ARTICLES = frozenset({"a", "an", "the", "le", "la", "les", "un", "une"})
_POSSESSIVES = frozenset({"its", "their", "son", "sa", "ses", "leur"})
# Titles whose "of" names a constituency, not an employer.
_POLITICAL = words(
    """sen sen. senator rep rep. representative gov gov. governor mayor congressman congresswoman minister
    secretary député députée maire"""
)
_OF = frozenset({"of", "at", "from", "with", "de", "du", "des", "chez"})


def subject_before(text: str, toks: list[Token]) -> Subject | None:
    """Return the subject ending `toks`, the words between a sentence start and a cue verb."""
    # The subject never reaches back into a quotation ("“...,” Wu Yongming, CEO of Alibaba, said").
    cut = next((k for k in range(len(toks) - 1, -1, -1) if toks[k][2] in _QUOTE_MARKS), -1)
    toks = toks[cut + 1 :]
    while toks and (toks[-1][2].lower() in _SKIP or toks[-1][2].lower() in _WEEKDAYS):
        if toks[-1][2].lower() in _WEEKDAYS and len(toks) > 1 and toks[-2][2] == "on":
            toks.pop()
        toks.pop()
    if not toks:
        return None
    s, e, last = toks[-1]
    low = last.lower()
    if low in PRONOUNS:
        return Subject("pronoun", s, e, last, phrase_start=s, phrase_end=e)
    if last == ",":
        return _appositive_subject(text, toks[:-1]) or anonymous_before_clause(text, toks[:-1])
    if len(toks) >= 2 and toks[-2][2].lower() in ("the", "this") and is_head(low):
        return Subject("definite", toks[-2][0], e, low, phrase_start=toks[-2][0], phrase_end=e)
    clause = toks[_last_comma(toks) + 1 :]
    anon = anonymous(text, clause)
    if anon is not None:
        return anon
    i = len(toks)
    while i > 0 and nameish(toks[i - 1][2]):
        i -= 1
    subject = name_subject(text, toks[i:])
    if subject is not None and subject.role and not subject.organization and i > 0:
        generic = toks[i - 1][2]
        if generic.lower() in GENERIC_ORGS and generic[:1].isupper():
            # "Airline spokesperson Maria Santos": the airline the story is about, resolved later.
            subject = Subject(
                subject.kind,
                subject.start,
                subject.end,
                subject.name,
                subject.role,
                generic,
                toks[i - 1][0],
                subject.phrase_end,
            )
    if (
        subject is not None
        and subject.role
        and not subject.organization
        and i > 0
        and toks[i - 1][2].lower() in _POSSESSIVES
    ):
        # "Its state secretary Brad Gandy said": the organisation named before, resolved later.
        subject = Subject(
            subject.kind,
            subject.start,
            subject.end,
            subject.name,
            subject.role,
            ORG_REFERENCE,
            toks[i - 1][0],
            subject.phrase_end,
        )
    if (subject is None or subject.kind == "single") and 0 < i < len(toks):
        return _name_of_org(text, clause, i - (len(toks) - len(clause))) or subject
    return subject


def _name_of_org(text: str, clause: list[Token], org_at: int) -> Subject | None:
    """Return the person of "Analyst Dylan Park of research firm SemiWatch said", with the organisation."""
    cut = next((k for k in range(min(org_at, len(clause)) - 1, -1, -1) if clause[k][2].lower() in _OF), None)
    if cut is None or cut == 0 or not nameish(clause[cut - 1][2]):
        return None
    k = cut
    while k > 0 and nameish(clause[k - 1][2]):
        k -= 1
    if k > 0 and clause[k - 1][2].lower() in _ARTICLES:
        # "for Africa and the Middle East at Standard Chartered": a place, not a person.
        return None
    person = name_subject(text, clause[k:cut])
    if person is None or person.kind != "name":
        return None
    org = organization(text, clause[cut + 1 :])
    if org is None or (person.role or "").lower().rstrip(".") in _POLITICAL:
        # "Sen. Amy Klobuchar of Minnesota": a politician's "of" names a place, not an employer.
        org = person.organization
    return Subject(
        "name", person.start, person.end, person.name, person.role, org, person.phrase_start, clause[-1][1]
    )


def subject_after(text: str, toks: list[Token]) -> Subject | None:
    """Return the subject starting `toks`, the words after an inverted cue ("said Zhang, ...")."""
    if not toks:
        return None
    s, e, first = toks[0]
    low = first.lower()
    if low in PRONOUNS:
        return Subject("pronoun", s, e, first, phrase_start=s, phrase_end=e)
    clause = toks[: _first_comma(toks)]
    if low in _ARTICLES or low in _POSSESSIVES:
        titled = _role_then_name(text, toks, clause)
        if titled is not None:
            return titled
    if low == "the" and len(toks) > 1 and is_head(toks[1][2].lower()):
        return Subject("definite", s, toks[1][1], toks[1][2].lower(), phrase_start=s, phrase_end=toks[1][1])
    anon = anonymous(text, clause, anchored=True)
    if anon is not None:
        return anon
    i = 0
    while i < len(toks) and nameish(toks[i][2]):
        i += 1
    subject = name_subject(text, toks[:i])
    if subject is None or i >= len(toks) or toks[i][2] != ",":
        return subject
    rest = toks[i + 1 :]
    seg = rest[: _first_comma(rest)]
    role, org = appositive_role(text, seg)
    if role is None:
        return subject
    end = seg[-1][1]
    return Subject(
        subject.kind if subject.kind != "single" else "name",
        subject.start,
        subject.end,
        subject.name,
        subject.role or role,
        subject.organization or org,
        subject.phrase_start,
        end,
    )


def _role_then_name(text: str, toks: list[Token], clause: list[Token]) -> Subject | None:
    """Return the person of "said the transport secretary, Heidi Alexander" or "a déclaré le ministre, X"."""
    if len(clause) >= len(toks) or toks[len(clause)][2] != ",":
        return None
    role, org = appositive_role(text, clause)
    if role is None:
        return None
    rest = toks[len(clause) + 1 :]
    i = 0
    while i < len(rest) and nameish(rest[i][2]):
        i += 1
    person = name_subject(text, rest[:i])
    if person is None or person.kind not in ("name", "single"):
        return None
    end = (
        person.end - 1
        if person.name.endswith(".") and len(person.name.rsplit(None, 1)[-1]) > 3
        else person.end
    )
    return Subject(
        "name",
        person.start,
        end,
        text[person.start : end],
        person.role or role,
        person.organization or org,
        toks[0][0],
        rest[i - 1][1],
    )


def appositive_role(text: str, seg: list[Token]) -> tuple[str | None, str | None]:
    """Return (role, organisation) of an appositive such as "a senior analyst at Pangoal"."""
    words = [t[2].lower() for t in seg]
    if not seg or len(seg) > 14:
        return None, None
    ref: str | None = None
    lo = 1 if words[0] in _ARTICLES else 0
    if words[0] in _POSSESSIVES:
        # "its chief executive": the organisation is the one the story just named; resolved later.
        lo, ref = 1, ORG_REFERENCE
    if lo >= len(seg):
        return None, None
    if words[lo].endswith(("'s", "’s")):
        if seg[lo][2][:1].isupper():
            rest = seg[lo + 1 :]
            if rest and all(t[2][:1].islower() for t in rest) and is_head(words[-1]) and len(rest) <= 6:
                # "Chelsea's co-sporting director": every lower-case word before the head is the post.
                return text[rest[0][0] : rest[-1][1]], strip_possessive(seg[lo][2])
            role, org, name = split_phrase(text, seg[lo:])
            return (role, org) if role and not name else (None, None)
        if lo == 1 and words[0] == "the" and len(seg) > 2:
            # "the campaign's director": a reference to an organisation named earlier.
            ref = text[seg[0][0] : seg[lo][1] - 2]
            lo += 1
    # The employer follows "at"; a "for" or "of" before it names the post's region or portfolio
    # ("chief economist for Africa and the Middle East at Standard Chartered").
    cut = next((k for k in range(lo, len(seg)) if words[k] in ("at", "chez")), None)
    if cut is None:
        cut = next((k for k in range(lo, len(seg)) if words[k] in ("with", "for", "from")), None)
    if cut is None:
        cut = next((k for k in range(lo, len(seg)) if words[k] in ("of", "de", "du", "des")), len(seg))
    role_toks = seg[lo:cut]
    if not role_toks or len(role_toks) > 10 or not any(is_head(w) for w in words[lo:cut]):
        return None, None
    tail = len(role_toks)
    while tail > 1 and role_toks[tail - 1][2][:1].isupper():
        tail -= 1
    if cut == len(seg) and tail < len(role_toks) and role_toks[tail - 1][2][:1].islower():
        # "déléguée syndicale centrale CGT": a name after the lower-case post is the organisation.
        body = role_toks[:tail]
        return text[body[0][0] : body[-1][1]], text[role_toks[tail][0] : role_toks[-1][1]]
    role = text[role_toks[0][0] : role_toks[-1][1]]
    return role, organization(text, seg[cut + 1 :]) or ref


def _last_comma(toks: list[Token]) -> int:
    for k in range(len(toks) - 1, -1, -1):
        if toks[k][2] in (",", ";", ":", "“", "”", '"', "(", ")", "—", "–"):
            return k
    return -1


def _first_comma(toks: list[Token]) -> int:
    for k, t in enumerate(toks):
        if t[2] in (",", ";", ":", "“", "”", '"', "(", ")", "—", "–", "."):
            return k
    return len(toks)


def _appositive_subject(text: str, toks: list[Token]) -> Subject | None:
    segments = comma_segments(toks)
    for back in range(1, min(4, len(segments)) + 1):
        seg = segments[-back]
        if not seg:
            continue
        if all(nameish(t[2]) for t in seg):
            subject = name_subject(text, seg)
        else:
            subject = _name_of_org(text, seg, len(seg))
        if subject is None or subject.kind == "role":
            continue
        # A lone capitalised word between commas ("D-Mass.", "Calif.") is rarely the subject
        # when a full name stands before it.
        if subject.kind == "single" and back < min(4, len(segments)) and _has_name(text, segments[:-back]):
            continue
        role, org = subject.role, subject.organization
        for after in segments[len(segments) - back + 1 :]:
            if role is None:
                role, org = appositive_role(text, after)
        start = subject.phrase_start
        if len(segments) > back:
            before = segments[-back - 1]
            pre = name_subject(text, before) if before and all(nameish(t[2]) for t in before) else None
            if pre is not None and pre.kind == "role":
                role, org = role or pre.role, org or pre.organization
                start = pre.phrase_start
            elif pre is None and _described(before):
                # "The transport secretary, Heidi Alexander, said"; "Its chief executive, Hu Wei, said".
                pre_role, pre_org = appositive_role(text, before)
                if pre_role is not None:
                    role, org = role or pre_role, org or pre_org
                    start = before[0][0]
        kind = "name" if (subject.kind == "single" and role) else subject.kind
        return Subject(kind, subject.start, subject.end, subject.name, role, org, start, toks[-1][1])
    return None


def _has_name(text: str, segments: list[list[Token]]) -> bool:
    for seg in segments[-3:]:
        if seg and all(nameish(t[2]) for t in seg):
            subject = name_subject(text, seg)
            if subject is not None and subject.kind == "name":
                return True
    return False


def _described(seg: list[Token]) -> bool:
    """Return whether `seg` opens like a description: "The transport secretary", "Chelsea's director"."""
    if not seg:
        return False
    word = seg[0][2]
    return word.lower() in _DETERMINERS or (word[:1].isupper() and word.endswith(("'s", "’s")))
