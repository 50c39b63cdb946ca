"""What stands left of a number: a currency sign or code, and a qualifier ("about", "more than",
"between", "up to").
"""
from __future__ import annotations

import re

from factcli.extract.figures.patterns import QUALIFIER_BEFORE, QUALIFIERS
from factcli.extract.figures.units import (
    CURRENCY_SYMBOLS,
    ISO_CODES,
)

_SIGNS = "£€¥₹₩₽₺₪₦₴₱฿₫"
_CURRENCY_BEFORE = re.compile(
    rf"(?:(?:(?<![A-Za-z])([A-Z]{{1,2}}|Can|CN))?(\$+)|(CN¥|[{_SIGNS}])|\b(Rs\.?|Rmb|RMB|SFr|Dh|KSh)"
    rf"|\b([A-Z]{{3}}))[ \t]?$")


_QUALIFIER_ENDINGS = frozenset(q.split()[-1] for q in QUALIFIERS)
# "shot up to 345 million": after a verb of change, "up to" is where a value went, not a bound.
_CHANGE_UP_TO = re.compile(
    r"\b(?:shot|shoots|went|goes|go|going|gone|rose|rises|risen|grew|grows|grown|jumped|jumps|soared|soars|"
    r"climbed|climbs|surged|surges|moved|moves|increased|increases|edged|edges|crept|creeps|ramped|came|comes|come|"
    r"swelled|swollen|leapt|leaped|rocketed|spiked|bumped|pushed|pumped)[ \t]+up[ \t]+to[ \t]+$",
    re.IGNORECASE)


_WIN_OVER = re.compile(r"\b(?:won|win|wins|lead|victory|defeat|beat)[ \t]+over[ \t]+$", re.IGNORECASE)


def currency_before(left: str) -> tuple[str, str] | None:
    """The currency mark right before a number, as (printed mark, ISO code)."""
    tail = left[-1:] if left[-1:] not in (" ", "\t") else left.rstrip(" \t")[-1:]
    if not tail or not (tail in _SIGNS or tail in "$." or tail.isalpha()):
        return None
    m = _CURRENCY_BEFORE.search(left, max(0, len(left) - 8))
    if not m:
        return None
    if m.group(2):
        code = CURRENCY_SYMBOLS.get((m.group(1) or "").lower() + "$")
        return (m.group(), code) if code else None
    if m.group(5):
        return (m.group(), m.group(5)) if m.group(5) in ISO_CODES else None
    mark = (m.group(3) or m.group(4)).lower()
    return m.group(), CURRENCY_SYMBOLS[mark]


def qualifier_before(left: str, previous: str) -> tuple[str, str]:
    """The qualifier and its printed words (with the space after) right before a number."""
    if previous not in _QUALIFIER_ENDINGS:
        return "exact", ""
    m = QUALIFIER_BEFORE.search(left, max(0, len(left) - 24))
    if not m:
        return "exact", ""
    phrase = m.group(1).lower()
    if phrase == "up to" and _CHANGE_UP_TO.search(left):
        return "exact", ""
    if phrase == "over" and _WIN_OVER.search(left):
        return "exact", ""
    return QUALIFIERS[phrase], left[m.start(1):]
