"""Tests for per-paragraph language detection."""

from __future__ import annotations

from digest.language import detect_languages

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
