"""Tests for per-paragraph language detection."""

from __future__ import annotations

import pytest

from digest.language import _by_function_words, _identifier, detect_languages

EN = "The company said on Thursday that revenue from its cloud business rose 13 percent year-on-year."
FR = "Le groupe a annoncé jeudi que le chiffre d’affaires de son activité cloud avait progressé de 13 %."
DE = "Der Konzern teilte am Donnerstag mit, dass der Umsatz im Cloud-Geschäft um 13 Prozent gestiegen ist."
ZH = "阿里巴巴表示，未来三年将加大对人工智能的投资。"


def test_each_long_paragraph_is_detected() -> None:
    assert detect_languages([EN, FR, DE, ZH]) == ("en", "fr", "de", "zh")


def test_short_paragraph_takes_agreeing_neighbours() -> None:
    assert detect_languages([FR, "Résultats", FR]) == ("fr", "fr", "fr")


def test_short_paragraph_between_disagreeing_neighbours_takes_the_majority() -> None:
    assert detect_languages(["Summary:", FR, EN, EN]) == ("en", "fr", "en", "en")


def test_nothing_detectable_falls_back() -> None:
    assert detect_languages(["Key figures", "Q4"], fallback="de") == ("de", "de")
    assert detect_languages([]) == ()


# --- the function-word shortcut --------------------------------------------------------------------------

WIRE = {
    "en": "Shares of the company fell 4% in early trading after it said that profit for the quarter would be "
          "lower than analysts had expected, citing weaker demand in Europe and higher costs.",
    "fr": "Le ministre de l'économie a déclaré jeudi que la croissance serait plus faible que prévu cette "
          "année, selon un communiqué publié par le gouvernement après le conseil des ministres.",
    "de": "Der Konzern teilte am Donnerstag mit, dass der Gewinn im dritten Quartal deutlich gesunken ist "
          "und die Prognose für das Gesamtjahr nicht mehr zu halten sei, wie ein Sprecher sagte.",
    "es": "El Gobierno anunció el jueves que la economía crecerá menos de lo previsto este año, según un "
          "comunicado publicado por el ministerio, que también revisó a la baja sus previsiones de empleo.",
    "it": "Il governo ha annunciato giovedì che la crescita dell'economia sarà più debole del previsto "
          "quest'anno, secondo una nota del ministero, che ha anche rivisto le stime sull'occupazione.",
    "pt": "O governo anunciou na quinta-feira que a economia vai crescer menos do que o previsto este ano, "
          "segundo um comunicado do ministério, que também reviu em baixa as previsões de emprego.",
    "nl": "Het kabinet heeft donderdag bekendgemaakt dat de economie dit jaar minder hard groeit dan "
          "verwacht, volgens een verklaring van het ministerie, dat ook de ramingen voor werkgelegenheid "
          "heeft verlaagd.",
}


def test_function_words_never_contradict_the_classifier() -> None:
    for lang, text in WIRE.items():
        assert _by_function_words(text) in (lang, None)
        assert _identifier().classify(text) == (lang, pytest.approx(1.0, abs=0.05))
        assert detect_languages([text]) == (lang,)


def test_function_words_decide_languages_with_distinctive_ones() -> None:
    # Romance languages share "de", "la", "que": they mostly go to the classifier, which is still right.
    assert {lang: _by_function_words(text) for lang, text in WIRE.items() if lang in ("en", "de", "nl")} == {
        "en": "en", "de": "de", "nl": "nl"
    }
    half = WIRE["de"] + " " + WIRE["fr"]
    assert _by_function_words(half) is None


def test_function_words_do_not_decide_short_or_mixed_or_bare_text() -> None:
    # Too few words to judge.
    assert _by_function_words("Shares of the company fell 4%.") is None
    # A heading or table row has almost no function words.
    assert _by_function_words("Metric Trend Strategic Driver Cloud Revenue Significant Increase") is None
    # Two languages side by side: neither leads clearly, so the classifier decides.
    assert _by_function_words(WIRE["en"][:100] + " " + WIRE["fr"][:100]) is None
    # Proper names and figures are not evidence.
    assert _by_function_words("Alibaba Tencent Baidu JD.com Meituan 380 53 2025 Hangzhou Beijing AI") is None


def test_text_without_clear_function_words_still_reaches_the_classifier() -> None:
    table = "Revenue Q4 2024 Cloud Intelligence Group Taobao Tmall Group International Digital Commerce"
    assert _by_function_words(table) is None
    assert detect_languages([table], fallback="de") in (("en",), ("de",))


def test_load_classifier_loads_it_once() -> None:
    from digest import language

    language.load_classifier()
    language.load_classifier()
    assert language._identifier.cache_info().currsize == 1
