"""Reading a unit written after a number: a measure's symbol ("60W", "5 km", "2.5μm"), its name in words
("kilometres", "square feet", "1000 megawatt"), a currency's name ("Swiss francs", "50bn won") and a rate
that makes a compound unit ("$3 a month", "barrels a day", "cents per share"). The vocabulary is units.py's.
"""
from __future__ import annotations

import re

from factcli.extract.figures.patterns import STOP
from factcli.extract.figures.units import (
    AMBIGUOUS_CURRENCY,
    CURRENCY_WORDS,
    ISO_CODES,
    LOWER_SYMBOLS,
    MEASURES,
    TIME_UNITS,
    UNIT_NAMES,
    UNIT_SYMBOLS,
    currency_of_word,
    looks_plural,
    noun_unit,
    singular,
    unit_of_symbol,
)
from factcli.extract.words import alternation

# Letters (and the signs units use) glued to digits: "60W", "4.5mAh", "2.5μm", "10km²", "km/h".
GLUED = r"[A-Za-zμµ°º]+[²³23]?(?:/[A-Za-z]+[²³23]?)?"
# Symbols of two letters or more, after a space: "5 km", "40 mph", "3 sq ft", "10 µg/m3".
_SPACED_SYMBOL = re.compile(
    r"[ \t]+(" + alternation(sorted(s for s in UNIT_SYMBOLS if len(s) > 1)) + r")(?![\w²³/])")
# A measure's name, the longest first: "cubic metres", "miles an hour", "megawatt", "imperial gallons".
_NAMES = sorted({name for name, unit in UNIT_NAMES.items() if unit not in TIME_UNITS}, key=len, reverse=True)
_MEASURE_NAME = re.compile(r"[ \t]+(" + alternation(_NAMES) + r")\b(?!-)", re.IGNORECASE)
_CURRENCY_NAMES = sorted({*CURRENCY_WORDS, *(word + "s" for word in CURRENCY_WORDS), "pounds sterling", "lire"},
                         key=len, reverse=True)
_CURRENCY_NAME = re.compile(r"[ \t]+(" + alternation(_CURRENCY_NAMES) + r")\b(?!-)", re.IGNORECASE)
# "82 pounds (37 kg)", "weighed 82 pounds": pounds of weight, not sterling.
_METRIC_AFTER = re.compile(r"[ \t]*\([ \t]*[\d.,]+[ \t]*(?:kg|kilo|g\b|grams?)", re.IGNORECASE)
_WEIGHT_BEFORE = re.compile(r"\b(?:weigh|weighs|weighed|weighing|weight)\b", re.IGNORECASE)
# What a rate is per: "a month", "per share", "/barrel", "each day".
_PER = re.compile(r"(?:[ \t]+(per|an?|each|every)[ \t]+|/)([A-Za-z][a-z]*(?:[ \t]+[a-z]+)?)", re.IGNORECASE)
_NOT_RATE_AFTER = re.compile(r"[ \t]+(?:ago|earlier|later|before|after|previously|since)\b")
# Units a rate can be made of: money and measures; a count of people per day stays a count of people.
_RATE_BASES = frozenset({*ISO_CODES, *MEASURES, "cent", "penny", "point"}) - TIME_UNITS
_PER_TIME = frozenset({*TIME_UNITS, "annum", "night", "shift", "season", "game", "match", "race", "round"})


def unit_after(work: str, pos: int, value: float, scaled: bool, left: str) -> tuple[str, int] | None:
    """The unit written at `pos` after a number, and where it ends: a currency's name or a measure's symbol or
    name; None when there is none. `value` and `scaled` decide the currency names that are English words
    ("won"); `left` the text before the number, for pounds of weight."""
    word = _CURRENCY_NAME.match(work, pos)
    if word:
        name = word.group(1).lower()
        code = currency_of_word(name)
        if code and not (name in AMBIGUOUS_CURRENCY and not scaled and value < 1000):
            if code == "GBP" and name.startswith("pound") and (
                    _METRIC_AFTER.match(work, word.end()) or _WEIGHT_BEFORE.search(left)):
                return "pound", word.end()
            return code, word.end()
    symbol = _SPACED_SYMBOL.match(work, pos)
    if symbol:
        unit = unit_of_symbol(symbol.group(1), glued=False)
        if unit:
            return unit, symbol.end()
    name = _MEASURE_NAME.match(work, pos)
    if name:
        return UNIT_NAMES[" ".join(name.group(1).lower().split())], name.end()
    return None


def glued_unit(letters: str) -> str | None:
    """The unit of letters glued to digits ("60W", "4GB", "24hrs"), matched with their case first, then in lower
    case where only one unit has those letters ("5gb", "10KM")."""
    unit = unit_of_symbol(letters, glued=True)
    if unit is None and len(letters) > 1:
        unit = LOWER_SYMBOLS.get(letters.lower())
    return unit


def rate_after(work: str, pos: int, unit: str | None) -> tuple[str | None, int] | None:
    """A rate after a figure ("$50 a barrel", "3 cents per share", "400 bpd"): the compound unit ("USD per
    barrel") and where it ends; a bare number or a count keeps its unit but the rate stays in its text
    ("1,200 per day"). None when no rate follows."""
    per = _PER.match(work, pos)
    if per is None:
        return None
    joiner = (per.group(1) or "/").lower()
    words = per.group(2).split()
    first = words[0]
    lower = first.lower()
    if lower in STOP or not first.islower() and joiner != "/":
        return None
    if joiner in ("a", "an", "each", "every") and looks_plural(first):
        return None  # "a thousands", "each countries": not a rate
    end = per.start(2) + len(first)
    if len(words) > 1 and " ".join(words).lower() in UNIT_NAMES:
        lower, end = " ".join(words).lower(), per.end(2)
    if _NOT_RATE_AFTER.match(work, end):
        return None  # "$5bn a year ago", "a year earlier": when, not how often
    per_unit = UNIT_NAMES.get(lower) or unit_of_symbol(first, glued=False) or noun_unit(lower)
    if joiner in ("a", "an", "each", "every") and per_unit not in _PER_TIME and unit not in _RATE_BASES:
        return None  # "two games a season" is a rate, "500 people a village" is not read as one
    if unit in _RATE_BASES:
        return f"{unit} per {singular(per_unit) if per_unit not in MEASURES else per_unit}", end
    if per_unit in _PER_TIME:
        return unit, end
    return None
