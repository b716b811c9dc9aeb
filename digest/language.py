"""Detect the language of each paragraph with py3langid, whose model ships inside its package.

Most paragraphs of news copy announce their language through their function words ("the", "of", "said";
"le", "des", "selon"), which can be counted far faster than the classifier runs. A paragraph where one
language's function words are frequent and clearly outnumber every other language's takes that
language at once; any other paragraph goes to the classifier.
"""

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
# The shortcut is taken only on clear evidence. The margins below were chosen so that on every paragraph,
# sentence and pair of sentences of the seeds and the evaluation corpora, and on paragraphs joining two
# languages, the classifier agrees with the shortcut, at least 0.98 confident, wherever the shortcut answers.
# The fewest words a text needs, the share of them that must be the language's function words, the
# fewest words that belong to that language alone, and how far those must outnumber the runner-up's.
_MIN_WORDS = 8
_MIN_SHARE = 0.2
_MIN_OWN = 5
_MIN_LEAD = 4
_MIN_LISTED_LEAD = 2.5
# Frequent function words of news copy in each language written in Latin script.
_FUNCTION_WORDS = {
    "en": """the of and to a in is that for it was on with as he be by at from his are this have has had an
        but not they which or were their been its said will would who more than also after about we can could
        into over she her them there when what some other new last first because you did does all one
        two up out if our your my him these those such while where how should must just only then now both
        each any most being under between during before through against like us says told according""",
    "fr": """le la les de des du et en un une est que qui dans pour pas au aux sur par plus ne se ce il elle
        ils a avec son sa ses mais ou été sont cette leur nous vous comme était selon entre aussi après qu
        avait ont être fait dont ces sans lors depuis sous très où ainsi doit peut tout l d n c""",
    "de": """der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an
        werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben
        nur oder aber vor zur bis mehr durch man sei wurde sagte""",
    "es": """de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o
        este porque esta entre cuando muy sin sobre también hasta hay donde desde todo durante todos fue ha
        han dijo según""",
    "it": """di e il la che in a per un è del non una con i da si le della al sono lo gli come ma nel più
        anche alla dei delle ha nella questo se già dalla degli sul dal essere stato tra hanno suo sua loro
        ad era dopo ancora cui molto dell l nell dall sull""",
    "pt": """de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das
        tem à seu sua ou ser quando muito há nos já está também pelo pela até isso ela entre era depois sem
        mesmo aos ter seus quem nas disse segundo""",
    "nl": """de van een het en in is dat op te zijn voor met die niet aan er om ook als dan maar bij of uit
        nog worden door naar heeft hebben wordt werd kan al zal deze dit was meer over tot wel nu hij zij ze
        we geen jaar zegt volgens""",
}
# Each word maps to the set of languages listing it, as bits, so that one counting pass over a text
# yields both the words a language has alone (one bit set) and all the words it lists.
_BIT = {lang: 1 << n for n, lang in enumerate(_FUNCTION_WORDS)}
_LANGUAGES_OF: dict[str, int] = {}
for _lang, _words in _FUNCTION_WORDS.items():
    for _word in _words.split():
        _LANGUAGES_OF[_word] = _LANGUAGES_OF.get(_word, 0) | _BIT[_lang]
# The languages behind each set of bits, so that a shared word is credited without testing every bit.
_LANGUAGES_IN = {
    bits: tuple(lang for lang, bit in _BIT.items() if bits & bit) for bits in set(_LANGUAGES_OF.values())
}


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
    if threshold == MIN_CHARS:
        shortcut = _by_function_words(text[:SAMPLE_CHARS])
        if shortcut is not None:
            return shortcut
    lang, confidence = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang) if confidence >= MIN_CONFIDENCE else None


def _by_function_words(text: str) -> str | None:
    """Return the language whose function words clearly dominate `text`, or None if none does."""
    # Splitting at spaces is several times faster than a word regex; a function word rarely touches
    # punctuation, and one that does is simply not counted.
    words = text.lower().split()
    if len(words) < _MIN_WORDS:
        return None
    found: Counter[int] = Counter(filter(None, map(_LANGUAGES_OF.get, words)))
    # A word shared by two languages ("de", "in", "a") is no evidence for either.
    own = sorted(((found.get(bit, 0), lang) for lang, bit in _BIT.items()), reverse=True)
    (count, best), (runner_up, _) = own[0], own[1]
    if count < _MIN_OWN or count < _MIN_LEAD * runner_up:
        return None
    # Shared words count for every language that has them: a second language heard through its shared
    # words ("de", "la", "que") makes the text mixed, even when few of its own words appear.
    listed = dict.fromkeys(_BIT, 0)
    for languages, n in found.items():
        for lang in _LANGUAGES_IN[languages]:
            listed[lang] += n
    share = listed.pop(best)
    if share < _MIN_SHARE * len(words) or share < _MIN_LISTED_LEAD * max(listed.values()):
        return None
    return best


def load_classifier() -> None:
    """Load the classifier now rather than when the first paragraph needs it (about half a second)."""
    _identifier()


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier
