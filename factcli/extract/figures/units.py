"""Normalising units: currencies to ISO 4217 codes, nouns to their singular.

A figure's unit is what a user filters on (`--unit USD`, `--unit ship`), so
"$", "US dollars" and "dollars" must all become "USD", and "ships" "ship".
"""
from __future__ import annotations

from functools import lru_cache

# Symbols and prefixes written before the amount.
CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD",
    "hk$": "HKD", "s$": "SGD", "r$": "BRL", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
    "rs": "INR", "rs.": "INR",
}
ISO_CODES = frozenset("""USD EUR GBP JPY CHF CNY ZAR AUD CAD INR NZD HKD SGD BRL RUB SEK NOK DKK NGN THB ILS UAH TRY
    MYR IDR PLN HUF AED SAR""".split())
# Currency names written after the amount; the adjective picks the dollar.
CURRENCY_WORDS = {
    "dollar": "USD", "us dollar": "USD", "american dollar": "USD", "australian dollar": "AUD",
    "canadian dollar": "CAD", "new zealand dollar": "NZD", "hong kong dollar": "HKD",
    "singapore dollar": "SGD", "pound": "GBP", "pound sterling": "GBP", "sterling": "GBP",
    "euro": "EUR", "rand": "ZAR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rouble": "RUB", "ruble": "RUB", "swiss franc": "CHF", "franc": "CHF",
    "krona": "SEK", "kronor": "SEK", "krone": "NOK", "reais": "BRL", "naira": "NGN", "baht": "THB",
    "shekel": "ILS", "hryvnia": "UAH", "lira": "TRY", "ringgit": "MYR", "rupiah": "IDR", "zloty": "PLN",
    "forint": "HUF", "dirham": "AED", "riyal": "SAR",
}
# Abbreviated measures, to the noun a user would type.
ABBREVIATIONS = {
    "km": "kilometre", "kms": "kilometre", "kg": "kilogram", "kgs": "kilogram", "cm": "centimetre",
    "mm": "millimetre", "ft": "foot", "lb": "lb", "lbs": "lb", "mph": "mile per hour",
    "km/h": "kilometre per hour", "kph": "kilometre per hour", "gb": "gigabyte", "mb": "megabyte",
    "tb": "terabyte", "mw": "megawatt", "gw": "gigawatt", "kw": "kilowatt", "kwh": "kilowatt hour",
    "ha": "hectare", "mins": "minute", "min": "minute", "hrs": "hour", "secs": "second",
    "p": "penny", "pc": "percent", "c": "degree celsius", "bpd": "barrel per day", "sq": "square",
    "ghz": "gigahertz", "mhz": "megahertz",
}
_IRREGULAR = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "police": "police", "staff": "staff",
    "tonne": "ton", "tonnes": "ton", "tons": "ton", "lives": "life", "wives": "wife",
    "knives": "knife", "halves": "half", "thieves": "thief", "leaves": "leaf", "shelves": "shelf",
    "wolves": "wolf", "series": "series", "species": "species", "data": "data", "media": "media",
    "personnel": "personnel", "cattle": "cattle", "aircraft": "aircraft", "crises": "crisis",
    "analyses": "analysis", "bases": "base", "indices": "index", "appendices": "appendix",
    "euros": "euro", "pence": "penny", "sheep": "sheep", "fish": "fish", "deer": "deer",
}
# Plurals that do not end in "s", the words that are their own plural included ("5,000 cattle").
_PLURALS_IRREGULAR = frozenset(k for k, v in _IRREGULAR.items() if not k.endswith("s")) - {
    "tonne", "data", "media"} | {"livestock", "poultry"}
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "'s", "’s", "ics")


@lru_cache(maxsize=8192)  # called for every word after a number; the same words recur
def singular(word: str) -> str:
    """The singular, lower-case form of a noun ("allies" -> "ally", "Republicans" -> "republican")."""
    w = word.lower().rstrip("'’")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 2:
        return w[:-1]
    return w


@lru_cache(maxsize=8192)  # called for every word after a number; the same words recur
def looks_plural(word: str) -> bool:
    """Whether a word can be the plural noun a count (> 1) is followed by."""
    w = word.lower().replace("’", "'")
    if "." in w:
        return False
    if w in _PLURALS_IRREGULAR or w.endswith("people"):
        return True
    if w.endswith("s'"):
        return len(w) > 3
    return len(w) > 2 and w.endswith("s") and not w.endswith(_NOT_PLURAL_ENDINGS)


def noun_unit(word: str) -> str:
    """The unit a counted noun gives: a currency's ISO code ("dollars" -> "USD"), else the singular noun."""
    return CURRENCY_WORDS.get(singular(word)) or singular(word)


def currency_of_word(words: str) -> str | None:
    """ISO code of a currency name ("euros", "US dollars", "rand"), else None."""
    words = " ".join(words.lower().split())
    if not words or words in CURRENCY_WORDS:
        return CURRENCY_WORDS.get(words)
    *adjectives, noun = words.split()
    return CURRENCY_WORDS.get(" ".join([*adjectives, singular(noun)]))
