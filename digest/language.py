"""Detect the language of each paragraph with py3langid, whose model ships inside its package."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

# Restricting the candidates makes detection faster and stops short English text being read as
# Latin, Frisian or Malay.
LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "zh", "ja", "ru", "ar")
# Below these lengths a paragraph says too little about its language and takes its neighbours'.
MIN_CHARS = 40
MIN_CHARS_NON_LATIN = 12
MIN_CONFIDENCE = 0.9
# The first characters of a paragraph are enough to tell its language; reading more only costs time.
SAMPLE_CHARS = 1000
_NON_LATIN = re.compile(r"[\u0370-\u1fff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def detect_languages(texts: Sequence[str], *, fallback: str = "en") -> tuple[str, ...]:
    """Return the language of each text; short or uncertain ones take their neighbours' or the majority's.

    Each text long enough to judge costs one classifier call. A short text takes the language of the
    detected texts on both sides when they agree, otherwise the majority language by characters, and
    `fallback` when nothing at all could be detected.
    """
    detected: list[str | None] = [_detect(text) for text in texts]
    weights: Counter[str] = Counter()
    for text, lang in zip(texts, detected, strict=True):
        if lang:
            weights[lang] += len(text)
    majority = min(weights, key=lambda lang: (-weights[lang], lang)) if weights else fallback
    result: list[str] = []
    for i, lang in enumerate(detected):
        if lang:
            result.append(lang)
            continue
        before = next((d for d in reversed(detected[:i]) if d), None)
        after = next((d for d in detected[i + 1 :] if d), None)
        result.append(before if before is not None and before == after else majority)
    return tuple(result)


def _detect(text: str) -> str | None:
    text = text.strip()
    threshold = MIN_CHARS_NON_LATIN if _NON_LATIN.search(text, 0, 200) else MIN_CHARS
    if len(text) < threshold:
        return None
    lang, confidence = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang) if confidence >= MIN_CONFIDENCE else None


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier
