"""Currency tables: symbols and words as written in English and French news, mapped to ISO 4217."""

from __future__ import annotations

import re

# Symbols and codes written before the amount ("US$1.2bn", "HK$ 10.05 billion", "€10m", "Rs 500 crore").
SYMBOLS: dict[str, str] = {
    "us$": "USD", "u.s.$": "USD", "$": "USD", "usd": "USD",
    "hk$": "HKD", "hkd": "HKD",
    "s$": "SGD", "sgd": "SGD",
    "a$": "AUD", "au$": "AUD", "aud": "AUD",
    "c$": "CAD", "ca$": "CAD", "cad": "CAD",
    "nz$": "NZD", "nzd": "NZD",
    "nt$": "TWD", "twd": "TWD",
    "r$": "BRL", "brl": "BRL",
    "mx$": "MXN", "mxn": "MXN",
    "€": "EUR", "eur": "EUR",
    "£": "GBP", "gbp": "GBP",
    # "¥" is the yen unless the text says yuan; see `currency_after`.
    "¥": "JPY", "jpy": "JPY",
    "rmb": "CNY", "cny": "CNY",
    "₹": "INR", "rs": "INR", "inr": "INR",
    "₩": "KRW", "krw": "KRW",
    "₽": "RUB", "rub": "RUB",
    "₺": "TRY",
    "₫": "VND",
    "₱": "PHP", "php": "PHP",
    "₦": "NGN",
    "chf": "CHF",
}

# Currency names written after the amount ("380 billion yuan", "53 milliards de dollars").
WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "u.s. dollars": "USD", "us dollars": "USD",
    "american dollars": "USD",
    "hong kong dollars": "HKD", "hong kong dollar": "HKD",
    "singapore dollars": "SGD", "australian dollars": "AUD", "canadian dollars": "CAD",
    "new zealand dollars": "NZD", "taiwan dollars": "TWD", "new taiwan dollars": "TWD",
    "yuan": "CNY", "yuans": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY",
    "euro": "EUR", "euros": "EUR",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "livres": "GBP", "livres sterling": "GBP",
    "yen": "JPY", "yens": "JPY",
    "won": "KRW", "wons": "KRW",
    "rupee": "INR", "rupees": "INR", "roupies": "INR",
    "rupiah": "IDR", "ringgit": "MYR", "baht": "THB", "dong": "VND",
    "pesos": "MXN", "mexican pesos": "MXN", "philippine pesos": "PHP",
    "swiss francs": "CHF", "francs suisses": "CHF",
    "roubles": "RUB", "rubles": "RUB", "lira": "TRY", "rand": "ZAR", "reais": "BRL",
    "dirhams": "AED", "riyals": "SAR", "naira": "NGN", "shekels": "ILS",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "hkd": "HKD", "inr": "INR",
    "cents": "USD", "cent": "USD", "pence": "GBP", "centimes": "EUR",
    "crore": "INR", "crores": "INR", "lakh": "INR", "lakhs": "INR",
}

# Longest names first so that "Hong Kong dollars" wins over "dollars".
_SYMBOL_ALT = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True) if not s.isalpha())
_CODE_ALT = "|".join(sorted((s for s in SYMBOLS if s.isalpha()), key=len, reverse=True))
SYMBOL_PATTERN = rf"(?:(?i:{_SYMBOL_ALT})|(?i:(?:{_CODE_ALT})\.?)(?=[\s\u00a0]?\d))"
_INDIAN_SCALES = {"crore", "crores", "lakh", "lakhs", "cent"}
# Amounts in hundredths of the currency.
SUBUNITS = frozenset({"cents", "cent", "pence", "centimes"})
WORD_PATTERN = (
    "(?i:"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(WORDS, key=len, reverse=True)
        if w not in _INDIAN_SCALES
    )
    + r")\b"
)


def currency_of_symbol(symbol: str) -> str:
    """Return the ISO code of a currency symbol or code written before an amount."""
    return SYMBOLS.get(symbol.lower().rstrip("."), "USD")


def currency_of_word(word: str) -> str | None:
    """Return the ISO code of a currency name written after an amount."""
    return WORDS.get(" ".join(word.lower().split()))
