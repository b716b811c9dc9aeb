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
    # Bare "pesos" is read from the country the story is about; see `peso_of_story`.
    "pesos": "MXN", "peso": "MXN", "mexican pesos": "MXN", "philippine pesos": "PHP", "chilean pesos": "CLP",
    "argentine pesos": "ARS", "argentinian pesos": "ARS", "colombian pesos": "COP",
    "swiss francs": "CHF", "francs suisses": "CHF",
    "roubles": "RUB", "rubles": "RUB", "lira": "TRY", "rand": "ZAR", "reais": "BRL",
    "dirhams": "AED", "riyals": "SAR", "naira": "NGN", "shekels": "ILS",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "hkd": "HKD", "inr": "INR",
    # Bare "cents" take the currency of the story's last amount; see figures.py.
    "cents": "USD", "cent": "USD", "pence": "GBP", "centimes": "EUR",
    "us cents": "USD", "u.s. cents": "USD", "hong kong cents": "HKD", "singapore cents": "SGD",
    "australian cents": "AUD", "canadian cents": "CAD", "new zealand cents": "NZD", "euro cents": "EUR",
    "crore": "INR", "crores": "INR", "lakh": "INR", "lakhs": "INR",
}

# Longest names first so that "Hong Kong dollars" wins over "dollars".
_SYMBOL_ALT = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True) if not s.isalpha())
_CODE_ALT = "|".join(sorted((s for s in SYMBOLS if s.isalpha()), key=len, reverse=True))
SYMBOL_PATTERN = rf"(?:(?i:{_SYMBOL_ALT})|(?i:(?:{_CODE_ALT})\.?)(?=[\s\u00a0]?\d))"
_INDIAN_SCALES = {"crore", "crores", "lakh", "lakhs", "cent"}
# Amounts in hundredths of the currency.
SUBUNITS = frozenset({"cents", "cent", "pence", "centimes"})
# Currencies whose hundredths English calls "cents".
CENT_CURRENCIES = frozenset({"USD", "HKD", "SGD", "AUD", "CAD", "NZD", "TWD", "EUR"})
# Countries named in a story, and the peso each uses; datelines write them in capitals ("MANILA").
_PESO_PLACES: dict[str, str] = {
    "PHP": r"Philippines?|Philippine|Filipinos?|Manila|Cebu|Davao",
    "MXN": r"Mexico|Mexican|Banxico",
    "CLP": r"Chile|Chilean|Santiago",
    "ARS": r"Argentina|Argentine|Argentinian|Buenos\s+Aires",
    "COP": r"Colombia|Colombian|Bogot[aá]",
}
_PESO_COUNTRIES = re.compile(
    r"\b(?:"
    + "|".join(f"(?P<{code}>{names}|{names.upper()})" for code, names in _PESO_PLACES.items())
    + r")\b"
)
# Words before a bare amount ("poured hundreds of billions", "worth 3 billion") that make it money.
MONEY_CUES = frozenset(
    """spend spends spent spending invest invests invested investing investment investments pour pours
    poured pouring raise raises raised raising cost costs costing worth value values valued valuing
    valuation pay pays paid paying payment budget budgets budgeted funding fund funds funded revenue
    revenues profit profits loss losses lose lost debt debts deficit deficits earn earned
    earns earnings income price priced capital capex subsidy subsidies loan loans lend lent borrow
    borrowed bailout fine fined tax taxes acquire acquired bid offer offered
    deal allocate allocated earmark earmarked inject injected squander squandered wiped owed owes""".split()  # noqa: SIM905
)
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


def peso_of_story(text: str, at: int) -> str | None:
    """Return the peso of the country named nearest before `at` (else first after), or None if none is."""
    best: str | None = None
    for m in _PESO_COUNTRIES.finditer(text):
        if m.start() > at and best is not None:
            break
        best = m.lastgroup
        if m.start() > at:
            break
    return best
