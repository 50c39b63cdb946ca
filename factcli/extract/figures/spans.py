"""Reading one figure at a trigger: the number core with its scale, percent or currency, ranges and
ratios, and the exclusions (dates, labels, scores, names, multipliers) decided from the same window.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from factcli.extract.figures.bare import bare_unit
from factcli.extract.figures.counted import noun_phrase, phrase_of_tokens, read_noun
from factcli.extract.figures.measures import GLUED, glued_unit, rate_after, unit_after
from factcli.extract.figures.numbers import SCALES, SUFFIX_SCALES, parse_number
from factcli.extract.figures.patterns import (
    AFTER_ARTICLE,
    DIGITS,
    QUALIFIER_BEFORE,
    QUALIFIERS,
    SMALL_PATTERN,
    STOP,
    TOKEN,
    TRIGGER,
    TRIGGER_WORDS,
    WORDS,
)
from factcli.extract.figures.qualifiers import currency_before, qualifier_before
from factcli.extract.figures.units import ISO_CODES, TIME_UNITS, looks_plural, singular
from factcli.extract.records import Figure
from factcli.extract.words import alternation

# The text lower-cased as Latin-1 bytes with every byte but [a-z0-9] made a space: in it, a number core can
# only start after a space, which re finds far faster than word boundaries in the text itself.
_GAPS = bytes(c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789" else 0x20 for c in range(256))
_MAY_TRIGGER = re.compile(rf" (?=[0-9]|{alternation(TRIGGER_WORDS)}|an? +(?={AFTER_ARTICLE}))".encode())
# What that byte form loses, all beyond Latin-1: non-ASCII digits, and the letters that TRIGGER matches as ASCII
# ones case-insensitively ("ſ" as "s", the Kelvin sign as "k").
_BEYOND_LATIN1 = re.compile("[^\x00-\xff]")
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
# The far end of a range, right after "-" or "to".
_RANGE_END = re.compile(rf"(?P<d>{DIGITS})|(?i:(?P<w>{WORDS})\b)")
_SUFFIX = "|".join(sorted(SUFFIX_SCALES, key=len, reverse=True))
# Right after digits: glued letters, a scale word, a clock or a date continuation.
_AFTER_DIGITS = re.compile(
    rf"(?P<suffix>{_SUFFIX})\b(?![-'’](?![$£€\d]))|(?P<ordinal>st|nd|rd|th)\b"
    rf"|(?P<clock>[:.]\d\d|\s?(?:[ap]\.?m)\b\.?)|(?P<degree>[ \t]?°[CF]?)|(?P<decade>s|'s|’s)\b"
    rf"|(?P<glued>{GLUED})(?![\w²³])|(?P<slash>/\d)|(?P<dotnum>[.,]\d)",
    re.IGNORECASE,
)
_PART_OF_SCALE = re.compile(r"[ \t]+(?:of[ \t]+)?an?[ \t]+(thousand|million|billion|trillion|dozen)\b", re.IGNORECASE)
_RATIO = re.compile(rf"[ \t]+in[ \t]+(?:every[ \t]+)?(\d+|(?i:{SMALL_PATTERN}))\b(?![.,]\d)")
_DIMENSIONS = frozenset("high long wide deep tall away across thick".split())
_DEGREES = {"C": "degree celsius", "F": "degree fahrenheit"}
# Letters glued to digits that are no measure's symbol: pence ("533p"), "5pc", "30C".
_GLUED_LETTERS = {"p": "penny", "pc": "percent", "c": "degree celsius", "f": "degree fahrenheit"}
_SCALE_WORD = re.compile(r"(?:[ \t]+|-)(thousand|million|billion|trillion)\b(?!-)", re.IGNORECASE)
_HALF = re.compile(r"(?:[ \t]+|-)and(?:[ \t]+|-)a(?:[ \t]+|-)half\b", re.IGNORECASE)
_PERCENT = re.compile(r"[ \t]?%|[ \t]+(?:per[ \t]?cent|percent)(?:age[ \t]+points?)?\b|[ \t]+percentage[ \t]+points?\b",
                      re.IGNORECASE)


_RANGE = re.compile(r"-?[ \t]*(?:-|–|—|to|and|or)[ \t]*(?:US\$|\$+|£|€)?(?=\d|[a-z])", re.IGNORECASE)
_CODE_AFTER = re.compile(r"-\d+[A-Za-z]")
_CHINA = re.compile(r"\b(?:China|Chinese|yuan|renminbi|Beijing|Shanghai|Shenzhen|RMB)\b")
_AGO = re.compile(r"[ \t]+ago\b")
_SCORE = re.compile(r"[ \t]*[-–][ \t]*(\d{1,2})\b(?![-%])")
_CONTRAST_BEFORE = re.compile(r"\b(?:not|rather than|instead of|than)[ \t]+$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z.'’-]*")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")


_MONTH_NAMES = frozenset(_MONTHS.split("|"))
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:{_MONTHS})\b")
# Words before a number that make it a label, not a quantity ("Article 2", "number 10", "top 20").
_ID_WORDS = frozenset("""
article section chapter clause page room flight route line platform gate number no no. vol volume issue
episode season level grade round stage division district ward lot item rule paragraph part phase channel
tier act resolution category class model version v top bus highway road street avenue pier terminal
seeded seed ranked day week series
""".split())
_NOT_HALF_AFTER = frozenset("first second the a an other latter former top bottom back this that each one".split())
_BACK_REFERENCE_WORDS = frozenset("the these those all both other another".split())


@dataclass(slots=True)
class _Quantity:
    """One number as read: its value, the span it covers and what was glued to it."""

    value: float
    end: int
    unit: str | None = None
    scale: float = 1.0

    @property
    def scaled(self) -> bool:
        return self.scale != 1.0


def trigger_starts(work: str) -> list[int]:
    """Offsets, in order, that include every one where both TRIGGER and CORE match (a number core follows a
    non-word character), and some where they do not, which the caller's TRIGGER.match and CORE.match drop.
    Falls back to the plain scan for the rare text with characters the byte form cannot stand for."""
    if _BEYOND_LATIN1.search(work) and any(c in _FOLDS_TO_ASCII or c.isdecimal() and not c.isascii()
                                           for c in set(work)):
        return [m.start() for m in TRIGGER.finditer(work)]
    gaps = b" " + work.lower().encode("latin-1", "replace").translate(_GAPS)
    return [m.start() for m in _MAY_TRIGGER.finditer(gaps)]  # the space at gaps[i] is just before work[i]


def read_figure(work: str, match: re.Match, floor: int) -> Figure | None:
    """The figure whose number core is `match`, or None when it is not a figure; what it reads to the left
    stops at `floor`, the end of the figure before."""
    kind = match.lastgroup
    start = match.start()
    left = work[max(floor, start - 40):start]
    ratio = _RATIO.match(work, match.end()) if kind in ("d", "w") else None
    figure = _read_ratio(work, match, ratio, left) if ratio else None
    if figure:
        return figure
    if kind == "w" and match.end() - start == 3 and work[match.end():match.end() + 1] != "-" \
            and match.group().lower() == "one":
        return None  # "one" alone is an article or a pronoun far more often than a count
    currency = currency_before(left) if kind == "d" else None
    qty = _read_quantity(work, match, currency is not None)
    if qty is None:
        return None
    if currency:
        start -= len(currency[0])
        left = left[:len(left) - len(currency[0])]
        qty.unit = currency[1]
        if currency[0].strip() == "¥" and _CHINA.search(work, max(0, start - 300), start):
            qty.unit = "CNY"  # the yen's sign is the yuan's too: "¥" in a story about China
    previous = _word_before(left)
    lower = previous.lower()
    if kind == "d" and not currency and _is_label(work, match, previous, qty):
        return None
    elif kind in ("w", "frac") and match.group()[0].isupper() and not _starts_sentence(left):
        return None  # "the Six Nations", "Three Gorges Dam": a name
    elif kind == "w" and lower in _ID_WORDS:
        return None  # "number five", "seeded four"
    elif kind == "half" and lower in _NOT_HALF_AFTER:
        return None  # "the first half of the season"
    qualifier, qualifier_text = qualifier_before(left, lower)
    start -= len(qualifier_text)
    figure = Figure(text="", value=qty.value, start=start, end=qty.end, unit=qty.unit, qualifier=qualifier)
    if kind in ("vague", "few"):
        figure.qualifier = "at_least"
    if lower != "from":  # "from 49% to 74%" is a change: two figures
        _read_range(work, figure, kind, qualifier == "range")
    if qualifier == "range" and figure.high is None:
        figure.qualifier = "exact"
    if figure.unit is None and not qualifier_text and lower in ("not", "than", "of") and _CONTRAST_BEFORE.search(left):
        return None  # "120 days, not 60": the bare number only points back
    if not read_noun(work, figure, kind, lower):
        return None
    if kind == "w" and figure.value == 1 and figure.unit is None:
        return None  # "one" with nothing to count
    rate = rate_after(work, figure.end, figure.unit)
    if rate:
        figure.unit, figure.end = rate
    if figure.unit in TIME_UNITS and _AGO.match(work, figure.end):
        return None  # "two years ago" names a time, not a quantity
    if figure.unit == "time":
        return None  # "three times as many": a multiplier
    if figure.high is not None and _MONTH_AFTER.match(work, figure.end):
        return None  # "3-4 March": dates
    if figure.high is not None and figure.unit is None and figure.high <= 30 and qualifier != "range" \
            and kind == "d" and "-" in work[figure.start:figure.end]:
        return None  # "6-7 (4-7)", "0-30": scores
    if kind == "w" and figure.unit is None and figure.high is None and lower in _BACK_REFERENCE_WORDS:
        return None  # "all three, who ...", "the four": counts of people already named
    if figure.unit is None and kind == "d" and figure.high is None:
        figure.unit = bare_unit(work, figure.start, figure.end, figure.value, left[:len(left) - len(qualifier_text)])
    return figure


def _read_ratio(work: str, match: re.Match, ratio: re.Match, left: str) -> Figure | None:
    """"one in five adults": the fraction 0.2, about the adults."""
    numerator, denominator = parse_number(match.group()), parse_number(ratio.group(1))
    if not numerator or not denominator or not numerator < denominator <= 1000 or numerator > 20:
        return None  # "3 in 2019" is a date, not a ratio
    qualifier, qualifier_text = qualifier_before(left, _word_before(left).lower())
    figure = Figure(text="", value=numerator / denominator, start=match.start() - len(qualifier_text),
                    end=ratio.end(), qualifier=qualifier if qualifier != "range" else "exact")
    tokens, head, end = noun_phrase(work, figure.end, plural=True)
    if tokens:
        if singular(tokens[head]) in TIME_UNITS:
            return None  # "2 in 5 minutes" is a rate
        figure.end = end
        figure.about = phrase_of_tokens(work, tokens, end)
    return figure


def _word_before(left: str) -> str:
    """The word right before a number, as printed, or "" when something other than spaces comes between."""
    if left[-1:] not in (" ", "\t"):
        return ""
    parts = left.rsplit(None, 1)
    word = parts[-1].lstrip("([{“‘\"'") if parts else ""
    return word if _WORD.fullmatch(word) else ""


def _starts_sentence(left: str) -> bool:
    """Whether the text before a word ends a sentence or a line (so a capital there says nothing)."""
    stripped = left.rstrip(" \t\"'“‘(")
    return not stripped or stripped[-1] in ".!?:;\n—–-•*"


def _read_quantity(work: str, match: re.Match, after_currency: bool = False) -> _Quantity | None:
    """Value and end of the number at `match`, with any scale and percent or currency glued to it."""
    kind = match.lastgroup
    core = match.group(kind)
    end = match.end()
    if kind == "d":
        after = _AFTER_DIGITS.match(work, end)
        unit = None
        scale = 1.0
        if after:
            group = after.lastgroup
            if group == "suffix":
                suffix = after.group(group).lower()
                if suffix == "m" and not after_currency and _metre_not_million(work, after.end(), core):
                    unit = "meter"
                else:
                    scale = SUFFIX_SCALES[suffix]
                end = after.end()
            elif group == "degree":
                unit = _DEGREES.get(after.group(group)[-1], "degree")
                end = after.end()
            elif group == "glued":
                letters = after.group(group)
                unit = _GLUED_LETTERS.get(letters.lower()) or glued_unit(letters)
                if unit is None:
                    return None  # "4G", "3D", "5th-", model codes
                end = after.end()
            else:
                return None  # ordinal, clock, decade, ratio, version number
        elif work[end:end + 1].isalpha() or _CODE_AFTER.match(work, end):
            return None  # "4x100m", "777-200LR": a code
        elif len(core) == 4 and "," not in core and "." not in core and 1000 <= int(core) <= 2100:
            if not after_currency and not _PERCENT.match(work, end) and not _after_qualifier(work, match.start()) \
                    and not unit_after(work, end, float(core), False, ""):
                return None  # a year, unless an amount of something ("2000 km", "1000 megawatt")
        value = float(core.replace(",", "")) * scale
        qty = _Quantity(value=value, end=end, unit=unit, scale=scale)
    elif kind == "vague":
        qty = _Quantity(value=float(parse_number(core)), end=end, scale=0.0)
    elif kind == "few":  # "several thousand": at least the scale
        qty = _Quantity(value=float(parse_number(core.split()[-1])), end=end, scale=0.0)
    elif kind == "half":
        qty = _Quantity(value=0.5, end=end, scale=0.0)
    else:
        value = parse_number(core)
        if value is None:
            return None
        if kind == "frac" and not _fraction_stands(work, end):
            return None
        big = [SCALES[s] for s in SCALES if s in core.lower()]
        qty = _Quantity(value=value, end=end, scale=max(big) if big else (0.0 if kind == "frac" else 1.0))
    if kind in ("frac", "half"):
        of_scale = _PART_OF_SCALE.match(work, qty.end)  # "a quarter of a million", "half a billion"
        if of_scale:
            qty.scale = SCALES.get(of_scale.group(1).lower(), 12.0)
            qty.value *= qty.scale
            qty.end = of_scale.end()
    if not qty.scaled and qty.unit is None:
        scale_word = _SCALE_WORD.match(work, qty.end)
        if scale_word:
            qty.scale = SCALES[scale_word.group(1).lower()]
            qty.value *= qty.scale
            qty.end = scale_word.end()
    half = _HALF.match(work, qty.end)
    if half:
        qty.value += 0.5
        qty.end = half.end()
    percent = _PERCENT.match(work, qty.end)
    if percent:
        qty.unit = "percentage point" if "point" in percent.group().lower() else "percent"
        qty.end = percent.end()
    elif qty.unit is None:
        unit = unit_after(work, qty.end, qty.value, qty.scaled, work[max(0, match.start() - 80):match.start()])
        if unit:
            qty.unit, qty.end = unit
    return qty


def _metre_not_million(work: str, pos: int, core: str) -> bool:
    """Whether "100m" or "2.5m high" without a currency is a distance rather than millions: a whole number
    with no counted noun after it, or a decimal with a dimension after it."""
    token = TOKEN.match(work, pos)
    if token and looks_plural(token.group(1)):
        return False
    return "." not in core or bool(token and token.group(1).lower() in _DIMENSIONS)


def _after_qualifier(work: str, start: int) -> bool:
    """Whether a four-digit number in year range follows "about", "more than" and the like (an amount, not a year)."""
    before = work[max(0, start - 20):start].lower()
    return bool(QUALIFIER_BEFORE.search(before)) and not before.rstrip().endswith(("between", "over", "under",
                                                                                   "by", "from", "to", "since"))


def _fraction_stands(work: str, end: int) -> bool:
    """Whether "a third" is a fraction ("a third of", "a tenth the size") and not an ordinal ("a third term")."""
    if work.startswith("-", end):
        return False  # "a third-round loss"
    token = TOKEN.match(work, end)
    if token is None:
        return True
    return token.group(1).lower() in STOP


def _is_label(work: str, match: re.Match, word: str, qty: _Quantity) -> bool:
    """Whether digits are a date, an identifier or a score rather than a quantity; `word` is the one before."""
    end = match.end()
    if word.rstrip(".") in _MONTH_NAMES or (qty.unit is None and _MONTH_AFTER.match(work, end)):
        return True
    start = match.start()
    if (end - start == 2 and qty.unit is None and work[start - 1:start] in ("'", "’")
            and not work[start - 2:start - 1].isalnum()):
        return True  # "in '94": a year
    if word:
        lower = word.lower()
        if lower in _ID_WORDS:
            return True
        if (word[0].isupper() and lower not in STOP and lower not in QUALIFIERS and lower.strip(".") not in STOP
                and not word.endswith(("'s", "’s", "s'")) and qty.unit is None):
            return True
    score = _SCORE.match(work, end, end + 8)
    if score and "." not in match.group() and "," not in match.group():
        first, second = int(match.group().replace(",", "")), int(score.group(1))
        if first >= second and first < 100:
            return True
    return False


def _read_range(work: str, figure: Figure, kind: str, between: bool) -> None:
    """Extend a figure over "to 800", "-5%", "and 30" to make it a range."""
    if kind in ("vague", "few", "a", "frac", "half") or figure.unit not in (None, "percent", *ISO_CODES):
        return
    connector = _RANGE.match(work, figure.end)
    if not connector:
        return
    if connector.group().strip(" \t-").lower() == "and" and not between:
        return
    second = _RANGE_END.match(work, connector.end())
    if second is None:
        return
    qty = _read_quantity(work, second, figure.unit in ISO_CODES)
    if qty is None or qty.value is None:
        return
    low = figure.value
    if figure.unit and qty.unit and figure.unit != qty.unit or figure.unit == "percent" != qty.unit:
        return  # "6.4% to $42bn", "12.6% to 440,700": two figures
    if figure.unit is None and qty.unit in ("percent", *ISO_CODES):
        figure.unit = qty.unit
    if qty.scale > 1 and low * qty.scale <= qty.value:
        low *= qty.scale  # "2 to 3 million"
    if low >= qty.value:
        return
    word = connector.group().strip(" \t-").lower()
    if word == "or" and (second.lastgroup == "d") != (kind == "d"):
        return  # "two or 3": not one estimate
    figure.value, figure.high, figure.qualifier, figure.end = low, qty.value, "range", qty.end
