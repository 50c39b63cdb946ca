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

# unit -> (family, how many of the family's base unit it is)
_FAMILIES = {
    "duration": {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 7 * 86400,
                 "fortnight": 14 * 86400, "month": 30 * 86400, "quarter": 91 * 86400, "year": 365 * 86400,
                 "decade": 3650 * 86400, "century": 36500 * 86400},
    "mass": {"milligram": 1e-3, "gram": 1, "kilogram": 1e3, "ton": 1e6, "tonne": 1e6, "lb": 453.59237,
             "ounce": 28.349523125, "stone": 6350.29318},
    "length": {"millimetre": 1e-3, "millimeter": 1e-3, "centimetre": 1e-2, "centimeter": 1e-2, "metre": 1,
               "meter": 1, "kilometre": 1e3, "kilometer": 1e3, "inch": 0.0254, "foot": 0.3048, "yard": 0.9144,
               "mile": 1609.344, "nautical mile": 1852},
    "area": {"square metre": 1, "square meter": 1, "square kilometre": 1e6, "square kilometer": 1e6,
             "hectare": 1e4, "acre": 4046.8564224, "square mile": 2589988.110336, "square foot": 0.09290304},
    "volume": {"millilitre": 1e-3, "milliliter": 1e-3, "litre": 1, "liter": 1, "gallon": 3.785411784,
               "barrel": 158.987294928, "cubic metre": 1e3, "cubic meter": 1e3},
    "data": {"byte": 1, "kilobyte": 1e3, "megabyte": 1e6, "gigabyte": 1e9, "terabyte": 1e12, "petabyte": 1e15},
    "power": {"watt": 1, "kilowatt": 1e3, "megawatt": 1e6, "gigawatt": 1e9},
    "energy": {"watt hour": 1, "kilowatt hour": 1e3, "megawatt hour": 1e6, "gigawatt hour": 1e9,
               "terawatt hour": 1e12},
    "frequency": {"hertz": 1, "kilohertz": 1e3, "megahertz": 1e6, "gigahertz": 1e9},
    "temperature difference": {"degree celsius": 1},
    "share": {"percent": 1},
}
UNITS = {unit: (family, factor) for family, units in _FAMILIES.items() for unit, factor in units.items()}
# Smaller coins, as fractions of their currency ("950p" is 9.5 GBP).
SUBUNITS = {"penny": ("GBP", 0.01)}
# "about" claims this share either side of its value (on top of rounding).
APPROXIMATE = 0.1


def measure(unit: str | None) -> tuple[str, float] | None:
    """The family a unit belongs to and its size in the family's base unit; None when it cannot be compared.

    ISO currency codes are families of their own; any other noun counts things ("ship" is a family of one).
    """
    if not unit:
        return None
    if " per " in unit:
        top, _, bottom = unit.partition(" per ")
        over, under = measure(top), measure(bottom)
        if over is None or under is None:
            return None
        return f"{over[0]} per {under[0]}", over[1] / under[1]
    if unit in UNITS:
        return UNITS[unit]
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
