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
    "₵": "GHS", "gh₵": "GHS", "gh¢": "GHS",
    "₴": "UAH", "₪": "ILS", "₸": "KZT", "৳": "BDT",
    # "₨" and "Rs" are the rupee of the country the story is about; see `currency_of_story`.
    "₨": "INR",
}
# Codes and abbreviations that spell English words in lower case ("try 5 times", "mad 2"): read only as
# written, in capitals or their own mixed case ("TRY 5bn", "RM5 billion", "Rp 15 trillion", "KSh 2bn").
CASED_CODES: dict[str, str] = {
    code: code
    for code in """GHS NGN ZAR KES UGX TZS ETB EGP MAD AED SAR QAR OMR KWD BHD TRY PLN HUF CZK SEK NOK DKK ISK
    MYR THB IDR VND BDT PKR LKR NPR UAH ILS KZT XOF XAF""".split()  # noqa: SIM905
}
CASED_CODES.update(
    {"RM": "MYR", "Rp": "IDR", "Tk": "BDT", "KSh": "KES", "Ksh": "KES", "USh": "UGX", "TSh": "TZS",
     "Dh": "AED", "Dhs": "AED"}
)

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
    "cedi": "GHS", "cedis": "GHS", "ghana cedis": "GHS", "ghanaian cedis": "GHS",
    "nigerian naira": "NGN", "rands": "ZAR", "south african rand": "ZAR",
    "kenyan shillings": "KES", "kenya shillings": "KES", "ugandan shillings": "UGX",
    "uganda shillings": "UGX", "tanzanian shillings": "TZS", "tanzania shillings": "TZS",
    "birr": "ETB", "ethiopian birr": "ETB", "egyptian pounds": "EGP", "lebanese pounds": "LBP",
    "uae dirhams": "AED", "emirati dirhams": "AED", "moroccan dirhams": "MAD",
    "saudi riyals": "SAR", "qatari riyals": "QAR", "omani rials": "OMR", "iranian rials": "IRR",
    "liras": "TRY", "turkish lira": "TRY", "turkish liras": "TRY",
    "zloty": "PLN", "zlotys": "PLN", "zlotych": "PLN", "złoty": "PLN", "polish zlotys": "PLN",
    "forint": "HUF", "forints": "HUF", "hungarian forints": "HUF",
    "koruna": "CZK", "korunas": "CZK", "czech crowns": "CZK", "czech korunas": "CZK",
    "krona": "SEK", "kronor": "SEK", "swedish crowns": "SEK", "swedish kronor": "SEK",
    "norwegian crowns": "NOK", "norwegian kroner": "NOK", "danish crowns": "DKK", "danish kroner": "DKK",
    "malaysian ringgit": "MYR", "thai baht": "THB", "indonesian rupiah": "IDR", "vietnamese dong": "VND",
    "taka": "BDT", "bangladeshi taka": "BDT", "indian rupees": "INR", "pakistani rupees": "PKR",
    "sri lankan rupees": "LKR", "nepalese rupees": "NPR",
    "hryvnia": "UAH", "hryvnias": "UAH", "ukrainian hryvnias": "UAH",
    "rouble": "RUB", "ruble": "RUB", "russian roubles": "RUB", "russian rubles": "RUB",
    "brazilian reais": "BRL", "japanese yen": "JPY", "chinese yuan": "CNY", "south korean won": "KRW",
    "kwacha": "ZMW", "cfa francs": "XOF",
    # Bare "pesos" is read from the country the story is about; see `currency_of_story`.
    "pesos": "MXN", "peso": "MXN", "mexican pesos": "MXN", "philippine pesos": "PHP", "chilean pesos": "CLP",
    "argentine pesos": "ARS", "argentinian pesos": "ARS", "colombian pesos": "COP",
    "swiss francs": "CHF", "francs suisses": "CHF",
    "roubles": "RUB", "rubles": "RUB", "lira": "TRY", "rand": "ZAR", "reais": "BRL",
    "dirhams": "AED", "dirham": "AED", "riyals": "SAR", "riyal": "SAR", "rials": "IRR", "rial": "IRR",
    "naira": "NGN",
    "shekels": "ILS", "shekel": "ILS",
    # Bare names several countries share are read from the story; see `currency_of_story`.
    "shillings": "KES", "kroner": "NOK", "krone": "NOK",
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
_CASED_ALT = "|".join(sorted(CASED_CODES, key=len, reverse=True))
SYMBOL_PATTERN = (
    rf"(?:(?i:{_SYMBOL_ALT})|(?:(?i:{_CODE_ALT})\.?|(?:{_CASED_ALT}))(?=[\s\u00a0]?\d))"
)
_INDIAN_SCALES = {"crore", "crores", "lakh", "lakhs", "cent"}
# Amounts in hundredths of the currency.
SUBUNITS = frozenset({"cents", "cent", "pence", "centimes"})
# Currencies whose hundredths English calls "cents".
CENT_CURRENCIES = frozenset({"USD", "HKD", "SGD", "AUD", "CAD", "NZD", "TWD", "EUR"})
# Bare currency names several countries share, and the places that tell which one a story means, with
# the currency to assume when it names none; datelines write places in capitals ("MANILA").
_SHARED: dict[str, tuple[str | None, dict[str, str]]] = {
    "peso": (
        None,
        {
            "PHP": r"Philippines?|Philippine|Filipinos?|Manila|Cebu|Davao",
            "MXN": r"Mexico|Mexican|Banxico",
            "CLP": r"Chile|Chilean|Santiago",
            "ARS": r"Argentina|Argentine|Argentinian|Buenos\s+Aires",
            "COP": r"Colombia|Colombian|Bogot[aá]",
        },
    ),
    "shilling": (
        None,
        {
            "KES": r"Kenya|Kenyan|Kenyans|Nairobi|Mombasa",
            "UGX": r"Uganda|Ugandan|Ugandans|Kampala",
            "TZS": r"Tanzania|Tanzanian|Tanzanians|Dar\s+es\s+Salaam|Dodoma",
            "SOS": r"Somalia|Somali|Mogadishu",
        },
    ),
    "dirham": (
        "AED",
        {
            "AED": r"UAE|Emirates|Emirati|Dubai|Abu\s+Dhabi|Sharjah",
            "MAD": r"Morocco|Moroccan|Rabat|Casablanca",
        },
    ),
    "riyal": ("SAR", {"SAR": r"Saudi|Saudis|Riyadh|Jeddah|Aramco", "QAR": r"Qatar|Qatari|Doha"}),
    "rial": (
        "IRR",
        {"IRR": r"Iran|Iranian|Iranians|Tehran", "OMR": r"Oman|Omani|Muscat", "YER": r"Yemen|Yemeni|Sanaa"},
    ),
    "krone": (
        None,
        {
            "NOK": r"Norway|Norwegian|Oslo|Equinor|Norges",
            "DKK": r"Denmark|Danish|Copenhagen|Danes",
            "SEK": r"Sweden|Swedish|Stockholm|Riksbank",
            "CZK": r"Czech|Czechia|Prague",
            "ISK": r"Iceland|Icelandic|Reykjavik",
        },
    ),
    "rupee": (
        "INR",
        {
            "INR": r"India|Indian|Indians|New\s+Delhi|Delhi|Mumbai|Bengaluru|Bangalore|Chennai|Kolkata|RBI",
            "PKR": r"Pakistan|Pakistani|Pakistanis|Islamabad|Karachi|Lahore",
            "LKR": r"Sri\s+Lanka|Sri\s+Lankan|Colombo",
            "NPR": r"Nepal|Nepali|Nepalese|Kathmandu",
            "MUR": r"Mauritius|Mauritian|Port\s+Louis",
        },
    ),
}
# The bare names, singular and plural, of each shared currency; "Rs" and "₨" are rupees written before.
_SHARED_NAMES: dict[str, str] = {
    "peso": "peso", "pesos": "peso", "shilling": "shilling", "shillings": "shilling",
    "dirham": "dirham", "dirhams": "dirham", "dh": "dirham", "dhs": "dirham", "riyal": "riyal",
    "riyals": "riyal", "rial": "rial", "rials": "rial", "krone": "krone", "kroner": "krone",
    "rupee": "rupee", "rupees": "rupee", "rs": "rupee", "rs.": "rupee", "₨": "rupee",
}
SHARED_NAMES = frozenset(_SHARED_NAMES)
_PLACES: dict[str, re.Pattern[str]] = {
    family: re.compile(
        r"\b(?:"
        + "|".join(f"(?P<{code}>{names}|{names.upper()})" for code, names in places.items())
        + r")\b"
    )
    for family, (_, places) in _SHARED.items()
}
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


def _alternation(words: list[str]) -> str:
    # Grouping by first letter lets the regex engine reject most positions on one character; within a
    # group, longest names first so that "Hong Kong dollars" wins over "Hong Kong".
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]).replace(r"\ ", r"\s+"))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in sorted(groups.items()))


WORD_PATTERN = "(?i:" + _alternation([w for w in WORDS if w not in _INDIAN_SCALES]) + r")\b"


def currency_of_symbol(symbol: str) -> str:
    """Return the ISO code of a currency symbol or code written before an amount."""
    cased = CASED_CODES.get(symbol)
    return cased if cased is not None else SYMBOLS.get(symbol.lower().rstrip("."), "USD")


def currency_of_word(word: str) -> str | None:
    """Return the ISO code of a currency name written after an amount."""
    return WORDS.get(" ".join(word.lower().split()))


def currency_of_story(name: str, text: str, at: int) -> str | None:
    """Return the currency a bare shared name ("pesos", "shillings", "Rs") at `at` means in this story.

    The country named nearest before `at` decides, else the first one named after it, else the
    currency most news means by the name (None when there is none, as for "pesos").
    """
    family = _SHARED_NAMES.get(name.lower())
    if family is None:
        return None
    best: str | None = None
    for m in _PLACES[family].finditer(text):
        if m.start() > at and best is not None:
            break
        best = m.lastgroup
        if m.start() > at:
            break
    return best if best is not None else _SHARED[family][0]
