"""Recognise text about who or what wrote the article: editorial personas, prompts, generation notes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest._markup import Line

_I = re.IGNORECASE
_PERSONA = re.compile(
    r"(?:ai|virtual|digital|robot|automated|synthetic)[- ](?:journalist|reporter|writer|author|editor"
    r"|columnist|analyst|correspondent|anchor|presenter)s?\s*[:|–—-]\s*(?P<name>.+)",
    _I,
)
_PERSONA_END = re.compile(
    r"view (?:the )?(?:\w+'?s? )?(?:editorial )?(?:perspective|profile|bio(?:graphy)?|persona)\b.*", _I
)
_PERSONA_BIO = re.compile(r"\b(?:speciali[sz]\w*|expertise|expert in|focus(?:es|ed|ing)? on|passionate about"
                           r"|background in|years of experience|covering)\b", _I)
_PROMPT = re.compile(
    r"[\"“]?you are (?:[A-Z][\w'’.-]*,? ){1,4}an? "
    r"|[\"“]?you are an? (?:ai|senior|seasoned|expert|experienced|helpful|professional)\b",
    _I,
)
_PROMPT_ORDER = re.compile(
    r"\b(?:write|focus on|always|never|your (?:approach|task|goal|tone|role)|respond|adopt)\b", _I
)
GENERATED = re.compile(
    r"(?:ai[- ])?(?:generated|rewritten|synthesi[sz]ed) (?:article|content|text|story|version)\s*:?", _I
)
GENERATED_NEEDLES = ("generated", "written", "produced", "created", "drafted")
GENERATED_NOTE = re.compile(
    r"\b(?:was|were|has been|is) (?:\w+ )?(?:generated|written|produced|created|drafted) (?:\w+ )?"
    r"(?:by|with|using)(?: the (?:help|assistance|use) of)? (?:an? )?(?:ai|artificial intelligence|generative"
    r"|(?:a )?(?:large )?language model)\b",
    _I,
)


def is_prompt(text: str) -> bool:
    """Return whether `text` is an instruction addressed to a writing persona ("You are a seasoned ...")."""
    return bool(_PROMPT.match(text) and _PROMPT_ORDER.search(text))


def find_personas(lines: Sequence[Line], reasons: dict[int, str], flags: set[str], names: list[str]) -> None:
    """Mark an editorial persona block: its header, its description, and the link or prompt that closes it."""
    for i, line in enumerate(lines):
        header = _PERSONA.fullmatch(line.text) if len(line.text) <= 120 else None
        if header is None:
            continue
        flags.add("ai_persona")
        names.append(header.group("name").strip())
        reasons[i] = "ai persona"
        window = range(i + 1, min(i + 6, len(lines)))
        closing = [j for j in window if _PERSONA_END.fullmatch(lines[j].text)]
        last = closing[0] if closing else i
        for j in range(i + 1, last + 1):
            reasons[j] = "ai persona"
        for j in range(last + 1, min(last + 3, len(lines))):
            text = lines[j].text
            bio = _PERSONA_BIO.search(text) and len(text) <= 300
            if bio or is_prompt(text):
                reasons[j] = "ai persona"
