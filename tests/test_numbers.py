"""parse_number: every way news prints a number gives the same value."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcli.extract.figures.numbers import parse_number

CASES = [
    ("7", 7),
    ("1,200", 1200),
    ("2,450,000", 2450000),
    ("7.4", 7.4),
    ("0.5", 0.5),
    (".25", 0.25),
    ("25 million", 25e6),
    ("1.5 billion", 1.5e9),
    ("3 trillion", 3e12),
    ("40 thousand", 40e3),
    ("12k", 12e3),
    ("5m", 5e6),
    ("3.5bn", 3.5e9),
    ("7.4tn", 7.4e12),
    ("$3.5bn", 3.5e9),
    ("US$58.24", 58.24),
    ("£250", 250),
    ("Â£2.5bn", 2.5e9),
    ("€12m", 12e6),
    ("$$7.4tn", 7.4e12),
    ("45%", 45),
    ("3.2 per cent", 3.2),
    ("four", 4),
    ("Eleven", 11),
    ("twenty-five", 25),
    ("ninety nine", 99),
    ("one hundred", 100),
    ("two hundred and six", 206),
    ("a hundred", 100),
    ("a million", 1e6),
    ("three million", 3e6),
    ("a dozen", 12),
    ("one-quarter", 0.25),
    ("a third", 1 / 3),
    ("a tenth", 0.1),
    ("two-thirds", 2 / 3),
    ("three quarters", 0.75),
    ("hundreds", 100),
    ("thousands", 1000),
    ("tens of thousands", 10000),
    ("½", 0.5),
]


@pytest.mark.parametrize("expression, value", CASES)
def test_parse_number(expression, value):
    assert parse_number(expression) == pytest.approx(value)


@pytest.mark.parametrize("expression", ["", "ship", "the", "5x", "MiG", "twenty ships", "4G", "one-two", "five six"])
def test_not_a_number(expression):
    assert parse_number(expression) is None


def _group(n: int) -> str:
    return f"{n:,}"


SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SUFFIXES = {"k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12}
UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    """English words for 0 <= n < 1000, hyphenated as newspapers write them."""
    hundreds, rest = divmod(n, 100)
    parts = [f"{UNITS[hundreds]} hundred"] if hundreds else []
    if rest or not parts:
        if rest < 10:
            tail = UNITS[rest]
        elif rest < 20:
            tail = TEENS[rest - 10]
        else:
            tail = TENS[rest // 10] + (f"-{UNITS[rest % 10]}" if rest % 10 else "")
        parts.append(("and " if parts else "") + tail)
    return " ".join(parts)


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_digits_round_trip(n):
    assert parse_number(_group(n)) == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=99))
def test_decimals_round_trip(whole, cents):
    assert parse_number(f"{whole}.{cents:02d}") == pytest.approx(whole + cents / 100)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from(sorted(SCALE_WORDS)), st.sampled_from(["", "$", "£", "€", "US$"]))
def test_scale_words_round_trip(whole, tenth, scale, currency):
    expression = f"{currency}{whole}.{tenth} {scale}" if tenth else f"{currency}{whole} {scale}"
    assert parse_number(expression) == pytest.approx((whole + tenth / 10) * SCALE_WORDS[scale])


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from(sorted(SUFFIXES)), st.sampled_from(["", "$", "£", "€", "Â£"]))
def test_suffixes_round_trip(whole, tenth, suffix, currency):
    expression = f"{currency}{whole}.{tenth}{suffix}" if tenth else f"{currency}{whole}{suffix}"
    assert parse_number(expression) == pytest.approx((whole + tenth / 10) * SUFFIXES[suffix])


@given(st.integers(min_value=0, max_value=999))
def test_number_words_round_trip(n):
    assert parse_number(_words(n)) == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from(sorted(SCALE_WORDS)))
def test_number_words_with_scale_round_trip(n, scale):
    assert parse_number(f"{_words(n)} {scale}") == n * SCALE_WORDS[scale]


@given(st.text(max_size=40))
def test_never_raises(expression):
    value = parse_number(expression)
    assert value is None or not math.isnan(value)
