"""Units as kinds of quantity, and a figure's value as the interval it claims.

Two figures can only disagree when they measure the same kind of quantity: durations in seconds, days,
months and years compare (two months is 60 days); money compares within one currency; counts compare
when they count the same noun. A unit "X per Y" is a rate and compares only with rates of the same
kinds. Values are converted to the family's base unit before they are compared.

A printed number claims less than its digits: "30,000" is 30,000 give or take half its last non-zero
place (at most a tenth of it), "about 45 million" another tenth either way, "more than 800" anything
from 800 up. Two figures agree when their intervals meet.
"""
from __future__ import annotations

import math

# Shares are a family of their own.
SHARES = {"percent": ("share", 1.0)}
# Smaller coins, as fractions of their currency ("950p" is 9.5 GBP).
SUBUNITS = {"penny": ("GBP", 0.01)}
# "about" claims this share either side of its value (on top of rounding).
APPROXIMATE = 0.1


def measure(unit: str | None) -> tuple[str, float] | None:
    """The family a unit belongs to and its size in the family's base unit; None when it cannot be compared.

    Measures take their dimension and size from extraction's unit vocabulary, so whatever a figure's unit can be,
    compare converts it; ISO currency codes are families of their own; any other noun counts things ("ship" is a
    family of one).
    """
    if not unit:
        return None
    from factcli.extract.figures.units import UNIT_SIZES

    if unit in UNIT_SIZES:  # "mile per hour" is a speed before it is a length over a duration
        return UNIT_SIZES[unit]
    if " per " in unit:
        top, _, bottom = unit.partition(" per ")
        over, under = measure(top), measure(bottom)
        if over is None or under is None:
            return None
        return f"{over[0]} per {under[0]}", over[1] / under[1]
    if unit in SHARES:
        return SHARES[unit]
    if unit in SUBUNITS:
        return SUBUNITS[unit]
    if len(unit) == 3 and unit.isalpha() and unit.isupper():
        return f"money in {unit}", 1.0
    return f"count of {unit}", 1.0


def base_unit(family: str, units: list[str]) -> tuple[str, float]:
    """The unit a group's values are shown in: the smallest of its units, so that values stay whole."""
    sizes = {unit: m[1] for unit in units if (m := measure(unit)) is not None and m[0] == family}
    unit = min(sizes, key=lambda u: (sizes[u], u))
    return unit, sizes[unit]


# Rounding widens a value by at most this share of it: "100" may be 95, not 50.
MOST_ROUNDING = 0.1


def rounding(value: float) -> float:
    """Half the place of a number's last significant digit, at most a tenth of it: 30,000 -> 3,000, 2.5 -> 0.05,
    120 -> 5."""
    if value == 0 or not math.isfinite(value):
        return 0.5
    magnitude = abs(value)
    place = 1.0
    if magnitude == int(magnitude):
        whole = int(magnitude)
        while whole and whole % 10 == 0:
            whole //= 10
            place *= 10
    else:
        text = repr(magnitude).rstrip("0")
        decimals = len(text.split(".")[1]) if "." in text and "e" not in text else 6
        place = 10.0 ** -decimals
    return min(place / 2, magnitude * MOST_ROUNDING)


def interval(value: float, high: float | None, qualifier: str, factor: float) -> tuple[float, float]:
    """The values a figure allows, in its family's base unit."""
    low, top = value - rounding(value), (high if high is not None else value)
    top += rounding(top)
    if qualifier == "approx":
        low, top = low - abs(value) * APPROXIMATE, top + abs(top) * APPROXIMATE
    elif qualifier == "at_least":
        top = math.inf
    elif qualifier == "at_most":
        low = -math.inf
    return low * factor, top * factor


def gap(one: tuple[float, float], other: tuple[float, float]) -> float:
    """How far apart two intervals are, as a share of the larger value (0 when they meet, towards 1)."""
    lower, upper = sorted((one, other))
    if upper[0] <= lower[1]:
        return 0.0
    return (upper[0] - lower[1]) / max(abs(upper[0]), abs(lower[1]), 1e-12)
