"""Turning printed number expressions into values.

News writes the same quantity many ways ("1,200", "1.2k", "twelve hundred",
"$3.5bn", "a third"); `parse_number` maps each to one float so figures can be
compared and filtered. The vocabularies here are also what `figures` builds
its patterns from, so the two never disagree about what a number is.
"""
from __future__ import annotations

import re
from functools import lru_cache

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Letters glued to digits that multiply ("5m", "$3.5bn", "10k").
SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
    "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}
# Plural magnitudes with no exact value: "hundreds of ..." is at least 100.
VAGUE = {"dozens": 12, "tens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}

_CURRENCY_MARKS = re.compile(r"^(?:[A-Z]{0,3}\$+|Â?£|Â?€|¥|₹|Rs\.?|USD|EUR|GBP|ZAR|JPY|CHF|CNY|AUD|CAD|INR)\s*")
_PERCENT = re.compile(r"\s*(?:%|per ?cent|percent)$", re.IGNORECASE)
_DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)([½¼¾⅓⅔]?)\s*([A-Za-z]*)$")
_WORD_SPLIT = re.compile(r"[\s-]+")


@lru_cache(maxsize=4096)
def parse_number(expression: str) -> float | None:
    """The value of one number expression, or None when it is not one. Cached: the same few words ("two",
    "a third") come back again and again."""
    expr = _PERCENT.sub("", _CURRENCY_MARKS.sub("", expression.strip()))
    if not expr:
        return None
    if expr in UNICODE_FRACTIONS:
        return UNICODE_FRACTIONS[expr]
    head, _, rest = expr.partition(" ")
    if head[:1].isdigit() or head[:1] == ".":
        return _parse_digits(head, rest)
    return parse_words(expr.lower())


def _parse_digits(head: str, rest: str) -> float | None:
    match = _DIGITS.match(head)
    if not match:
        return None
    value = float(match.group(1).replace(",", ""))
    value += UNICODE_FRACTIONS.get(match.group(2), 0.0)
    suffix = match.group(3).lower()
    if suffix:
        if suffix not in SUFFIX_SCALES:
            return None
        value *= SUFFIX_SCALES[suffix]
    if rest:
        scale = parse_words(rest.lower())
        if scale is None or scale < 100 or suffix:
            return None
        value *= scale
    return value


def parse_words(words: str) -> float | None:
    """Value of spelled-out numbers: "twenty-five", "a third", "two hundred and six", "hundreds"."""
    tokens = [t for t in _WORD_SPLIT.split(words.strip()) if t]
    if not tokens:
        return None
    if len(tokens) == 1 and tokens[0] in VAGUE:
        return float(VAGUE[tokens[0]])
    if len(tokens) == 3 and tokens[0] in VAGUE and tokens[1] == "of" and tokens[2] in VAGUE:
        return float(VAGUE[tokens[0]] * VAGUE[tokens[2]])  # "tens of thousands"
    if tokens[-1] in DENOMINATORS and len(tokens) <= 2:
        numerator = 1.0 if len(tokens) == 1 or tokens[0] in ("a", "an", "one") else SMALL.get(tokens[0])
        if numerator is None:
            return None
        return numerator / DENOMINATORS[tokens[-1]]
    return _parse_cardinal(tokens)


def _parse_cardinal(tokens: list[str]) -> float | None:
    total = current = 0.0
    seen = False
    previous = None  # the last small number word, to refuse "one two" while taking "twenty-five"
    for i, token in enumerate(tokens):
        if token in ("a", "an") and i == 0:
            current, seen = 1.0, True
        elif token == "and" and seen:
            continue
        elif token in SMALL:
            if previous is not None and not (previous >= 20 and previous % 10 == 0 and SMALL[token] < 10):
                return None
            current += SMALL[token]
            seen = True
            previous = SMALL[token]
            continue
        elif token == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif token == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif token in SCALES:
            total += (current or 1.0) * SCALES[token]
            current, seen = 0.0, True
        else:
            return None
        previous = None
    return total + current if seen else None
