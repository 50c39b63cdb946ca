"""Finding numeric claims ("figures") in news text.

A cheap scan finds where a number may start (digits, number words); a
pattern reads the number core there (digits, "twenty-five", "a third",
"hundreds of"), and short anchored patterns read outward from it: currency
and qualifier to the left; scale, percent, unit, range and the counted noun
to the right. Each candidate looks only at a bounded window, so the pass is
linear in the text, and the exclusions (dates, years, clock times, ordinals,
identifiers, scores, URLs, page chrome, back-references) are decided from
that same window.

`about` starts with the noun phrase read next to the number and goes on with
the words of its sentence and section heading that a user would search for;
`claimed_by` comes from the quote records, so that figures and quotes agree
on who said what.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factcli.numbers import DENOMINATORS, SCALES, SMALL, SUFFIX_SCALES, VAGUE, parse_number
from factcli.records import Figure, Quote
from factcli.text import enclosing, paragraph_spans, repair_for_extraction, sentence_spans
from factcli.units import (
    ABBREVIATIONS,
    CURRENCY_SYMBOLS,
    ISO_CODES,
    currency_of_word,
    looks_plural,
    noun_unit,
    singular,
)

_WN = "|".join(sorted([*SMALL, "hundred", "dozen", *SCALES], key=len, reverse=True))
_SMALL = "|".join(sorted(SMALL, key=len, reverse=True))
_DEN = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
_WORDS = rf"(?:{_SMALL})(?:(?:-|[ \t]+|(?<=hundred)[ \t]+and[ \t]+|(?<=thousand)[ \t]+and[ \t]+)(?:{_WN}))*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_PLURALS = "thousands|millions|billions"
# A number core, tried where _TRIGGER fires; what surrounds it is read by the patterns below.
_CORE = re.compile(
    rf"(?<![\w.,/:#@–-])(?P<d>{_DIGITS})"
    rf"|(?i:\b(?P<frac>(?:{_WN}|an?)[ \t-]+(?:{_DEN}))\b"
    rf"|\b(?P<vague>(?:tens|hundreds|{_SCALE_PLURALS}|dozens)(?:[ \t]+of[ \t]+(?:{_SCALE_PLURALS}))?)(?=[ \t]+of\b)"
    rf"|\b(?P<a>an?[ \t]+(?:hundred|thousand|million|billion|dozen)(?:[ \t]+(?:thousand|million|billion))?)\b"
    rf"|\b(?P<w>{_WORDS})\b"
    rf"|\b(?P<half>half)(?=[ \t]+(?:of|the|an?|its|their|his|her|our)\b)"
    rf"|\b(?P<few>(?:a[ \t]+few|a[ \t]+couple[ \t]+of|several)[ \t]+(?:hundred|thousand|million|billion))\b)"
)


def _trie(words: list[str]) -> str:
    """A regex alternation of words with common prefixes factored out, which re scans far faster."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


_TRIGGER_WORDS = [*SMALL, *VAGUE, "half", "several"]
_FIRST_LETTERS = "".join(sorted({w[0] for w in _TRIGGER_WORDS} | {w[0].upper() for w in _TRIGGER_WORDS} | set("aA")))
_AFTER_ARTICLE = _trie(["hundred", "thousand", "million", "billion", "dozen", "few", "couple", *DENOMINATORS])
# Where a number core may start: found first because it is cheap, then _CORE is tried there.
_TRIGGER = re.compile(
    rf"\d+|(?=[{_FIRST_LETTERS}])(?i:\b(?:{_trie(_TRIGGER_WORDS)}|an?[ \t]+(?={_AFTER_ARTICLE}))\b)")
# The text lower-cased as Latin-1 bytes with every byte but [a-z0-9] made a space: in it, a number core can
# only start after a space, which re finds far faster than word boundaries in the text itself.
_GAPS = bytes(c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789" else 0x20 for c in range(256))
_MAY_TRIGGER = re.compile(rf" (?=[0-9]|{_trie(_TRIGGER_WORDS)}|an? +(?={_AFTER_ARTICLE}))".encode())
# What that byte form loses, all beyond Latin-1: non-ASCII digits, and the letters that _TRIGGER matches as ASCII
# ones case-insensitively ("ſ" as "s", the Kelvin sign as "k").
_BEYOND_LATIN1 = re.compile("[^\x00-\xff]")
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
# The far end of a range, right after "-" or "to".
_RANGE_END = re.compile(rf"(?P<d>{_DIGITS})|(?i:(?P<w>{_WORDS})\b)")
_SUFFIX = "|".join(sorted(SUFFIX_SCALES, key=len, reverse=True))
# Right after digits: glued letters, a scale word, a clock or a date continuation.
_AFTER_DIGITS = re.compile(
    rf"(?P<suffix>{_SUFFIX})\b(?![-'’](?![$£€\d]))|(?P<ordinal>st|nd|rd|th)\b"
    rf"|(?P<clock>[:.]\d\d|\s?(?:[ap]\.?m)\b\.?)|(?P<degree>[ \t]?°[CF]?)|(?P<decade>s|'s|’s)\b"
    rf"|(?P<glued>[A-Za-z]+(?:/[a-z]+)?)\b|(?P<slash>/\d)|(?P<dotnum>[.,]\d)",
    re.IGNORECASE,
)
_PART_OF_SCALE = re.compile(r"[ \t]+(?:of[ \t]+)?an?[ \t]+(thousand|million|billion|trillion|dozen)\b", re.IGNORECASE)
_RATIO = re.compile(rf"[ \t]+in[ \t]+(?:every[ \t]+)?(\d+|(?i:{_SMALL}))\b(?![.,]\d)")
_DIMENSIONS = frozenset("high long wide deep tall away across thick".split())
_DEGREES = {"C": "degree celsius", "F": "degree fahrenheit"}
_SCALE_WORD = re.compile(r"(?:[ \t]+|-)(thousand|million|billion|trillion)\b(?!-)", re.IGNORECASE)
_HALF = re.compile(r"(?:[ \t]+|-)and(?:[ \t]+|-)a(?:[ \t]+|-)half\b", re.IGNORECASE)
_PERCENT = re.compile(r"[ \t]?%|[ \t]+(?:per[ \t]?cent|percent)(?:age[ \t]+points?)?\b|[ \t]+percentage[ \t]+points?\b",
                      re.IGNORECASE)
_CURRENCY_WORD = re.compile(
    r"[ \t]+((?:(?:US|American|Australian|Canadian|New Zealand|Hong Kong|Singapore|Swiss)[ \t]+)?"
    r"(?:dollars?|pounds?(?:[ \t]+sterling)?|sterling|euros?|rand|yen|yuan|renminbi|rupees?|roubles?|rubles?|"
    r"francs?|kronor|krona|krone|reais|naira|baht|shekels?|hryvnias?|lira|ringgit|rupiah|zlotys?|forints?|"
    r"dirhams?|riyals?))\b",
    re.IGNORECASE,
)
_MODIFIER = re.compile(r"-([a-z]+)(-olds?)?\b(?!-)")
_SPACED_ABBREVIATION = re.compile(r"[ \t]+(km|kg|mph|cm|mm|ft|lbs?|kWh|MW|GW|GB|MB|TB|ha|bpd|km/h)\b")
_RANGE = re.compile(r"-?[ \t]*(?:-|–|—|to|and|or)[ \t]*(?:US\$|\$+|£|€)?(?=\d|[a-z])", re.IGNORECASE)
_CODE_AFTER = re.compile(r"-\d+[A-Za-z]")
_RATE = re.compile(
    r"[ \t]+(?:per|a|an|each|every)[ \t]+(day|week|month|year|hour|minute|annum|capita|head|person|night|game)\b",
    re.IGNORECASE)
# Latin letters, accented ones included: names like "Çavuşoğlu" are words, and a plain class scans fast.
_LETTERS = "A-Za-zÀ-ÖØ-öø-ÿĀ-ſ"
_TOKEN = re.compile(rf"[ \t]+((?:[A-Z]\.){{2,}}|[{_LETTERS}][{_LETTERS}0-9]*(?:['’.-][{_LETTERS}0-9]+)*['’]?)")
_OF = re.compile(r"[ \t]+of\b", re.IGNORECASE)
_AGO = re.compile(r"[ \t]+ago\b")
_CURRENCY_BEFORE = re.compile(
    r"(?:(?:(?<![A-Za-z])([A-Z]{1,2}))?(\$+)|(£)|(€)|(¥)|(₹)|\b(Rs\.?)|\b([A-Z]{3}))[ \t]?$")
_QUALIFIERS = {
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx", "nearly": "approx",
    "almost": "approx", "some": "approx", "close to": "approx", "an estimated": "approx", "estimated": "approx",
    "circa": "approx", "approx.": "approx", "c.": "approx", "more than": "at_least",
    "over": "at_least", "at least": "at_least", "upwards of": "at_least", "in excess of": "at_least",
    "no fewer than": "at_least", "no less than": "at_least", "above": "at_least", "exceeding": "at_least",
    "just over": "at_least", "well over": "at_least", "just under": "at_most", "up to": "at_most",
    "less than": "at_most", "fewer than": "at_most", "as many as": "at_most", "as much as": "at_most",
    "under": "at_most", "at most": "at_most", "no more than": "at_most", "below": "at_most",
    "a maximum of": "at_most", "between": "range",
}
_QUALIFIER_ENDINGS = frozenset(q.split()[-1] for q in _QUALIFIERS)
_QUALIFIER_BEFORE = re.compile(
    r"(?:^|(?<=[^\w]))(" + "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True)) + r")[ \t]+$",
    re.IGNORECASE,
)
# "shot up to 345 million": after a verb of change, "up to" is where a value went, not a bound.
_CHANGE_UP_TO = re.compile(
    r"\b(?:shot|shoots|went|goes|go|going|gone|rose|rises|risen|grew|grows|grown|jumped|jumps|soared|soars|"
    r"climbed|climbs|surged|surges|moved|moves|increased|increases|edged|edges|crept|creeps|ramped|came|comes|come|"
    r"swelled|swollen|leapt|leaped|rocketed|spiked|bumped|pushed|pumped)[ \t]+up[ \t]+to[ \t]+$",
    re.IGNORECASE)
_WIN_OVER = re.compile(r"\b(?:won|win|wins|lead|victory|defeat|beat)[ \t]+over[ \t]+$", re.IGNORECASE)
_SCORE = re.compile(r"[ \t]*[-–][ \t]*(\d{1,2})\b(?![-%])")
_AGE_AFTER_NAME = re.compile(r"[A-Z][a-z]+,[ \t]$")
_AGE_END = (",", ".", ";", ")")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z]")
_CONTRAST_BEFORE = re.compile(r"\b(?:not|rather than|instead of|than)[ \t]+$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z.'’-]*")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_MONTH_NAMES = frozenset(_MONTHS.split("|"))
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:{_MONTHS})\b")
_COUNT_WORDS = ("number", "total", "tally", "count")
_NUMBER_OF = re.compile(rf"\b(?:{'|'.join(_COUNT_WORDS)})[ \t]+of[ \t]+((?:[A-Za-z-]+[ \t]*){{1,6}})", re.IGNORECASE)
_URL = re.compile(r"https?://\S+|www\.\S+|\]\([^)\s]*\)")
_LIST_HEADER = re.compile(r"(?:read more|related|related stories|related topics|more on this story|see also|"
                          r"most read|top stories|more from \w+)\W*$", re.IGNORECASE)
# The last character of a (stripped) line that ends a sentence.
_SENTENCE_ENDINGS = frozenset(".!?:;\"”’)")

# Words that end a noun phrase after a number, or that cannot be one.
_STOP = frozenset("""
a an the this that these those their his her its our my your which who whom whose what it they we he she
them there here of in on at by for to from with into onto over under per than as since after before during
between across against through within without including about around near like via off out up down upon
and or but nor so yet while if because when where whereas although though unless until till whether
is are was were be been being has have had having will would could should may might must can do does did
shall said says say told according also still already just only too very even ever later earlier ago away
more less most least each every all both some any many much few several other another such no not
now then today yesterday tomorrow last next year's others ours yours theirs lots plus minus versus
always perhaps besides towards afterwards thus sometimes nevertheless again instead apart
""".split())
# Plural nouns that, after "the two", point back at people or parties already named.
_BACK_REFERENCE_HEADS = frozenset("""
leaders men women nations countries sides suspects parties companies firms teams clubs players brothers
sisters sons daughters presidents governments groups candidates victims officials boys girls children
states powers allies rivals partners banks airlines carriers makers universities cities
""".split())
# Words before a number that make it a label, not a quantity ("Article 2", "number 10", "top 20").
_ID_WORDS = frozenset("""
article section chapter clause page room flight route line platform gate number no no. vol volume issue
episode season level grade round stage division district ward lot item rule paragraph part phase channel
tier act resolution category class model version v top bus highway road street avenue pier terminal
seeded seed ranked day week series
""".split())
_MEASURE_HEADS = frozenset("""
ton tonne kilogram gram mile kilometre kilometer metre meter litre liter gallon barrel acre hectare foot
inch yard pound ounce cubic square degree watt megawatt gigawatt point percentage
""".split())
_TIME_UNITS = frozenset("second minute hour day week month year decade century".split())
_NOT_MODIFIER = frozenset("""
nil all love off on to one way thirds third quarter quarters half fifths fifth tenth tenths fold
times time and or
""".split())
_NOT_HALF_AFTER = frozenset("first second the a an other latter former top bottom back this that each one".split())
# What "one-" counts in a quantity ("one-year ban", "one-match suspension"), besides time and measures.
_ONE_OF = frozenset("match game season race point seat member man day night term goal set".split())
# Irregular past tenses, which end a singular noun phrase ("a 100-year-old veteran met ...").
_PAST_VERBS = frozenset("""
met won lost took made became gave got went came saw ran led held told began fell rose paid sold built sent
spent kept felt brought bought found stood drew grew knew wrote broke chose spoke drove flew fought caught
taught sought meant struck stole threw wore swore
""".split())
# Function words that may stand between a count and its noun ("two other children", "three more years").
_COUNT_MODIFIERS = frozenset("other more additional further".split())
_BACK_REFERENCE_WORDS = frozenset("the these those all both other another".split())
_PERCENT_UNITS = ("percent", "percentage point")
_POINTERS = frozenset("them those these us which whom".split())
_DETERMINERS = frozenset("the their its his her our".split())
_COMPLEMENT = re.compile(r"[ \t]+(?:of|in|for|on)\b", re.IGNORECASE)
_BOUND_SUFFIX = re.compile(r"-(plus|odd)\b(?!-)", re.IGNORECASE)
_ANNIVERSARY = re.compile(r"[ \t]+(?:anniversary|birthday|centenary|jubilee)\b", re.IGNORECASE)
_MAX_NOUN_TOKENS = 5
# Longest stretch read as one sentence; longer ones are clipped around the figure.
_LONGEST_SENTENCE = 600
# How much text past a figure is split into sentences at once.
_SPLIT_WINDOW = 8000
_PRONOUN_SUBJECT = re.compile(r"\b(?:he|she|they)[ \t]+(?:\w+[ \t]+)?$", re.IGNORECASE)
# Without a \b in front, so that re skips to the verbs' first letters; _claim_verb checks the word start.
_CLAIM_VERB = re.compile(rf"""(?:{_trie(
    "said says announced announces claimed claims told tells added stated reported estimated estimates warned "
    "insisted pledged promised revealed confirmed disclosed declared predicted wrote".split())})\b""")
# How many words of the sentence and of the heading `about` carries besides its phrase.
_CONTEXT_WORDS = 10
# How far back a bare number looks for the counted noun of the figure before it.
_INHERIT_REACH = 60
_CONTEXT_REACH = 160
_HEADING_WORDS = 8
_CONTENT_WORD = re.compile(rf"[{_LETTERS}]{{2,}}(?:['’-][{_LETTERS}]+)*")
# Verbs that tell nothing about what is counted.
_VAGUE_VERBS = frozenset("""
said says say told added made make makes get gets got going come comes came take takes took
seen see sees seems think thinks thought know known like want wants just really well way thing things
""".split())
_NOT_CONTEXT = _STOP | _VAGUE_VERBS


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


def extract_figures(text: str, quotes: list[Quote], sentences: list[tuple[int, int]] | None = None
                    ) -> list[Figure]:
    """All numeric claims of one document, sorted by start. `quotes` are the document's quote records, which
    say who claims a figure; `sentences`, if the caller has them, are `sentence_spans(text)`, which saves
    splitting the text a second time."""
    work = repair_for_extraction(text)
    if "://" in work or "www." in work or "](" in work:
        work = _URL.sub(lambda m: " " * len(m.group()), work)
    skipped_lines, headings = _chrome_lines(work)
    heading_starts = [h[0] for h in headings]
    sentence_of = _Sentences(text, sentences)
    claims = _Claims(quotes, work)
    context = _Context(work)
    figures: list[Figure] = []
    pos = 0
    for start in _trigger_starts(work):
        if start < pos or not _TRIGGER.match(work, start):
            continue
        match = _CORE.match(work, start)
        if match is None:
            continue
        found = _read_figure(work, match, pos)
        pos = max(match.end(), found.end if found else 0)
        if found is None or enclosing(skipped_lines, found.start):
            continue
        if found.start > 0 and text[found.start - 1] == "Â" and work[found.start] in "£€":
            found.start -= 1  # keep the mojibake with its currency sign
        sentence = sentence_of.around(found.start)
        found.text = text[found.start:found.end]
        found.sentence = text[sentence[0]:sentence[1]]
        found.claimed_by = claims.speaker_for(found.start, sentence)
        if found.about is None:
            found.about = _counted_by_number_of(work, sentence[0], found)
        i = bisect.bisect_right(heading_starts, found.start) - 1
        heading = headings[i] if i >= 0 and headings[i][1] < sentence[0] else None
        found.about = context.about(found, sentence, heading)
        figures.append(found)
    _inherit_units(figures)
    return figures


def _trigger_starts(work: str) -> list[int]:
    """Offsets, in order, that include every one where both _TRIGGER and _CORE match (a number core follows a
    non-word character), and some where they do not, which the caller's _TRIGGER.match and _CORE.match drop.
    Falls back to the plain scan for the rare text with characters the byte form cannot stand for."""
    if _BEYOND_LATIN1.search(work) and any(c in _FOLDS_TO_ASCII or c.isdecimal() and not c.isascii()
                                           for c in set(work)):
        return [m.start() for m in _TRIGGER.finditer(work)]
    gaps = b" " + work.lower().encode("latin-1", "replace").translate(_GAPS)
    return [m.start() for m in _MAY_TRIGGER.finditer(gaps)]  # the space at gaps[i] is just before work[i]


class _Sentences:
    """The sentence around an offset. Text is split a window at a time, only where figures are, so that a
    megabyte without a line break stays cheap; long sentences are clipped around the figure."""

    def __init__(self, text: str, spans: list[tuple[int, int]] | None) -> None:
        self._text = text
        self._window = (0, len(text)) if spans is not None else (-1, -1)  # where the spans can be trusted
        self._spans = spans or []

    def around(self, offset: int) -> tuple[int, int]:
        if not self._window[0] <= offset < self._window[1]:
            self._split_window(offset)
        span = enclosing(self._spans, offset) or (offset, offset + 1)
        if span[1] - span[0] > _LONGEST_SENTENCE:
            half = _LONGEST_SENTENCE // 2
            span = (max(span[0], offset - half), min(span[1], offset + half))
        return span

    def _split_window(self, offset: int) -> None:
        text = self._text
        newline = text.rfind("\n", max(0, offset - _LONGEST_SENTENCE), offset)
        start = newline + 1 if newline >= 0 else max(0, offset - _LONGEST_SENTENCE)
        newline = text.find("\n", offset, offset + _SPLIT_WINDOW)
        end = newline if newline >= 0 else min(len(text), offset + _SPLIT_WINDOW)
        self._spans = sentence_spans(text, start, end)
        trusted_end = end
        if end < len(text) and text[end] != "\n" and len(self._spans) > 1:
            trusted_end = self._spans[-1][0]  # the last sentence may go on past the window
        self._window = (start, max(trusted_end, offset + 1))


def _read_figure(work: str, match: re.Match, floor: int) -> Figure | None:
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
    currency = _currency_before(left) if kind == "d" else None
    qty = _read_quantity(work, match, currency is not None)
    if qty is None:
        return None
    if currency:
        start -= len(currency[0])
        left = left[:len(left) - len(currency[0])]
        qty.unit = currency[1]
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
    qualifier, qualifier_text = _qualifier_before(left, lower)
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
    if not _read_noun(work, figure, kind, lower):
        return None
    if kind == "w" and figure.value == 1 and figure.unit is None:
        return None  # "one" with nothing to count
    rate = _RATE.match(work, figure.end)
    if rate:
        figure.end = rate.end()
    if figure.unit in _TIME_UNITS and _AGO.match(work, figure.end):
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
    if figure.unit is None and kind == "d" and _AGE_AFTER_NAME.search(left) and work.startswith(_AGE_END, figure.end):
        figure.unit = "year"  # "Ana Silva, 47, said": an age
    return figure


def _read_ratio(work: str, match: re.Match, ratio: re.Match, left: str) -> Figure | None:
    """"one in five adults": the fraction 0.2, about the adults."""
    numerator, denominator = parse_number(match.group()), parse_number(ratio.group(1))
    if not numerator or not denominator or not numerator < denominator <= 1000 or numerator > 20:
        return None  # "3 in 2019" is a date, not a ratio
    qualifier, qualifier_text = _qualifier_before(left, _word_before(left).lower())
    figure = Figure(text="", value=numerator / denominator, start=match.start() - len(qualifier_text),
                    end=ratio.end(), qualifier=qualifier if qualifier != "range" else "exact")
    tokens, head, end = _noun_phrase(work, figure.end, plural=True)
    if tokens:
        if singular(tokens[head]) in _TIME_UNITS:
            return None  # "2 in 5 minutes" is a rate
        figure.end = end
        figure.about = _phrase(work, tokens, end)
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
                    unit = "metre"
                else:
                    scale = SUFFIX_SCALES[suffix]
                end = after.end()
            elif group == "degree":
                unit = _DEGREES.get(after.group(group)[-1], "degree")
                end = after.end()
            elif group == "glued":
                unit = ABBREVIATIONS.get(after.group(group).lower())
                if unit is None:
                    return None  # "4G", "3D", "5th-", model codes
                end = after.end()
            else:
                return None  # ordinal, clock, decade, ratio, version number
        elif work[end:end + 1].isalpha() or _CODE_AFTER.match(work, end):
            return None  # "4x100m", "777-200LR": a code
        elif len(core) == 4 and "," not in core and "." not in core and 1000 <= int(core) <= 2100:
            if not after_currency and not _PERCENT.match(work, end) and not _after_qualifier(work, match.start()):
                return None
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
        word = _CURRENCY_WORD.match(work, qty.end)
        if word and currency_of_word(word.group(1)):
            qty.unit = currency_of_word(word.group(1))
            qty.end = word.end()
        else:
            abbreviation = _SPACED_ABBREVIATION.match(work, qty.end)
            if abbreviation:
                qty.unit = ABBREVIATIONS.get(abbreviation.group(1).lower())
                qty.end = abbreviation.end()
    return qty


def _metre_not_million(work: str, pos: int, core: str) -> bool:
    """Whether "100m" or "2.5m high" without a currency is a distance rather than millions: a whole number
    with no counted noun after it, or a decimal with a dimension after it."""
    token = _TOKEN.match(work, pos)
    if token and looks_plural(token.group(1)):
        return False
    return "." not in core or bool(token and token.group(1).lower() in _DIMENSIONS)


def _after_qualifier(work: str, start: int) -> bool:
    """Whether a four-digit number in year range follows "about", "more than" and the like (an amount, not a year)."""
    before = work[max(0, start - 20):start].lower()
    return bool(_QUALIFIER_BEFORE.search(before)) and not before.rstrip().endswith(("between", "over", "under",
                                                                                   "by", "from", "to", "since"))


def _fraction_stands(work: str, end: int) -> bool:
    """Whether "a third" is a fraction ("a third of", "a tenth the size") and not an ordinal ("a third term")."""
    if work.startswith("-", end):
        return False  # "a third-round loss"
    token = _TOKEN.match(work, end)
    if token is None:
        return True
    return token.group(1).lower() in _STOP


def _currency_before(left: str) -> tuple[str, str] | None:
    """The currency mark right before a number, as (printed mark, ISO code)."""
    tail = left[-1:] if left[-1:] not in (" ", "\t") else left.rstrip(" \t")[-1:]
    if not tail or not (tail in "$£€¥₹." or tail.isupper()):
        return None
    m = _CURRENCY_BEFORE.search(left, max(0, len(left) - 8))
    if not m:
        return None
    if m.group(2):
        prefix = (m.group(1) or "").lower()
        code = CURRENCY_SYMBOLS.get(prefix + "$")
        if code is None:
            return None
        return m.group(), code
    if m.group(8):
        return (m.group(), m.group(8)) if m.group(8) in ISO_CODES else None
    mark = next(g for g in m.groups()[2:7] if g)
    return m.group(), CURRENCY_SYMBOLS[mark.lower()]


def _qualifier_before(left: str, previous: str) -> tuple[str, str]:
    """The qualifier and its printed words (with the space after) right before a number."""
    if previous not in _QUALIFIER_ENDINGS:
        return "exact", ""
    m = _QUALIFIER_BEFORE.search(left, max(0, len(left) - 24))
    if not m:
        return "exact", ""
    phrase = m.group(1).lower()
    if phrase == "up to" and _CHANGE_UP_TO.search(left):
        return "exact", ""
    if phrase == "over" and _WIN_OVER.search(left):
        return "exact", ""
    return _QUALIFIERS[phrase], left[m.start(1):]


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
        if (word[0].isupper() and lower not in _STOP and lower not in _QUALIFIERS and lower.strip(".") not in _STOP
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


def _read_noun(work: str, figure: Figure, kind: str, previous: str) -> bool:
    """Fill unit, about and the end of the text from the words after the number; False when they show that it
    is no figure after all."""
    bound = _BOUND_SUFFIX.match(work, figure.end) if figure.high is None else None
    if bound:  # "50-plus members", "40-odd years"
        figure.qualifier = "at_least" if bound.group(1).lower() == "plus" else "approx"
        figure.end = bound.end()
    pos = figure.end
    bare = kind in ("d", "w") and figure.unit is None
    modifier = _MODIFIER.match(work, pos) if bare else None
    if modifier:
        if modifier.group(1) in _NOT_MODIFIER:
            return False  # "two-time champion", "2-nil", "one-off": not a count of anything
        return _read_modifier(work, figure, modifier, previous)
    if figure.unit is not None:
        counted = figure.unit not in ISO_CODES and figure.unit not in _PERCENT_UNITS and figure.value != 1
        tokens, _, end = _noun_phrase(work, pos, plural=counted)
        figure.about = _phrase(work, tokens, end if tokens else pos)
        return True
    fraction = kind in ("frac", "half") and figure.value < 1
    if not fraction:
        tokens, head, end = _noun_phrase(work, pos, plural=figure.value != 1)
        if head is not None:
            if previous in ("the", "these", "those") and kind == "w" \
                    and tokens[head].lower().rstrip("'’") in _BACK_REFERENCE_HEADS:
                return False  # "the two leaders": a count of what was already named
            if kind == "d" and head > 0 and all(t[0].isupper() for t in tokens):
                return False  # "8 Venus Williams (US)": a rank before a name
            figure.unit = noun_unit(tokens[head])
            figure.end = end
            complement = _complement(work, end)
            measured = figure.unit in _MEASURE_HEADS and complement
            figure.about = complement.strip() if measured else _phrase(work, tokens, end, complement)
            return True
    if kind == "d" and figure.qualifier == "exact" and _NAME_AFTER.match(work, pos):
        return False  # "2 Andy Roddick": a rank or a label before a name
    of = _OF.match(work, pos)
    if of:
        tokens, head, end = _noun_phrase(work, of.end(), plural=not fraction, allow_determiner=True)
        if tokens and tokens[0].lower() in _POINTERS:
            figure.end = end
            figure.unit = _noun_pointed_back(work, figure.start)
        elif head is not None and not fraction:
            figure.unit = noun_unit(tokens[head])
            figure.end = end
            figure.about = _phrase(work, tokens, end)
        elif tokens:
            figure.about = _phrase(work, tokens, end)
    elif fraction:
        tokens, _, end = _noun_phrase(work, pos, plural=False, allow_determiner=True)
        figure.about = _phrase(work, tokens, end) if tokens else None
    if figure.unit is None and previous in ("aged", "age", "ages"):
        figure.unit = "year"
    return True


def _read_modifier(work: str, figure: Figure, modifier: re.Match, previous: str) -> bool:
    """A hyphenated size or duration ("60-day extension", "12-member jury"): the unit is the modifier's noun."""
    noun = modifier.group(1)
    if noun.endswith("ed") or _ANNIVERSARY.match(work, modifier.end()):
        return False  # "three-cornered" is an adjective; a "nine-year anniversary" an ordinal
    if previous in ("this", "that", "these", "those"):
        return False  # "this two-month period" points back
    if figure.value == 1 and noun not in _TIME_UNITS and noun not in _MEASURE_HEADS and noun not in _ONE_OF:
        return False  # "one-stop", "one-liners", "one-click": compounds, not counts
    figure.unit = singular(noun)
    figure.end = modifier.end()
    if modifier.group(2) == "-olds":
        return True  # "eight-year-olds" is itself the noun
    tokens, _, end = _noun_phrase(work, figure.end, plural=False)
    if tokens:
        figure.end = end
        figure.about = _phrase(work, tokens, end)
        if noun == "strong":
            figure.unit = singular(tokens[-1])  # "a 300-strong crowd" counts people in the crowd
    return True


def _noun_phrase(work: str, pos: int, plural: bool, allow_determiner: bool = False
                 ) -> tuple[list[str], int | None, int]:
    """Words of the noun phrase at `pos`: (tokens, index of the head or None, end offset).

    With `plural`, the head is the first plural-looking word ("two Sukhoi Su-27 fighter jets") and there is no
    phrase without one; otherwise the phrase runs to a function word or a verb form, three words at most.
    """
    tokens: list[str] = []
    end = pos
    for i in range(_MAX_NOUN_TOKENS):
        token = _TOKEN.match(work, end)
        if token is None:
            break
        word = token.group(1)
        lower = word.lower()
        if allow_determiner and i == 0 and lower in _POINTERS:
            return [word], None, token.end()
        if lower in _STOP and not (allow_determiner and i == 0 and lower in _DETERMINERS) \
                and not (plural and i == 0 and lower in _COUNT_MODIFIERS):
            break
        if not plural and tokens and (lower.endswith(("ing", "ed", "ly")) or lower in _PAST_VERBS
                                      or word[0].isupper() and tokens[-1][0].islower()):
            break  # a verb, or a capital after a lower-case word: the phrase is over
        tokens.append(word)
        end = token.end()
        if plural and looks_plural(word):
            return tokens, len(tokens) - 1, end
        if not plural and len(tokens) == 3:
            break
    if plural:
        return [], None, pos
    return tokens, (len(tokens) - 1 if tokens else None), end


def _phrase(work: str, tokens: list[str], end: int, complement: str | None = None) -> str | None:
    """The noun phrase's content words and what it is of ("fighter jets", "wheat exports of Ukraine");
    `complement` is _complement(work, end) when the caller has read it already."""
    if complement is None:
        complement = _complement(work, end)
    words = " ".join([t for t in tokens if t.lower() not in _STOP]) + complement
    return words.strip() or None


def _complement(work: str, pos: int) -> str:
    """' grain' for ' of grain', ' client assets' for ' in client assets': what a measure is of."""
    m = _COMPLEMENT.match(work, pos)
    if not m:
        return ""
    tokens, _, _ = _noun_phrase(work, m.end(), plural=False, allow_determiner=True)
    words = [t for t in tokens if t.lower() not in _STOP]
    return " " + " ".join(words) if words else ""


def _counted_by_number_of(work: str, sent_start: int, figure: Figure) -> str | None:
    """What a bare figure counts, when its sentence says so before it ("the number of people ... rose to 345m");
    sets the unit from it too."""
    before = work[max(sent_start, figure.start - 400):figure.start]
    if "of" not in before:
        return None
    lowered = before.lower()
    if not any(word in lowered for word in _COUNT_WORDS):
        return None  # a cheap test first: _NUMBER_OF needs one of them
    matches = list(_NUMBER_OF.finditer(before))
    if not matches:
        return None
    words = []
    for word in matches[-1].group(1).split():
        if word.lower() in _STOP:
            break
        words.append(word)
    plural = next((w for w in words if looks_plural(w)), None)
    if plural and figure.unit is None:
        figure.unit = singular(plural)
    return " ".join(words) or None


def _inherit_units(figures: list[Figure]) -> None:
    """Give bare numbers the counted noun of the figure before them in the same sentence ("up to 1,200 per day")."""
    for i, figure in enumerate(figures):
        if figure.unit is not None or figure.value < 1:
            continue
        for prev in reversed(figures[max(0, i - 3):i]):
            if prev.sentence == figure.sentence and figure.start - prev.end <= _INHERIT_REACH:
                if prev.unit and prev.unit not in ISO_CODES and prev.unit not in _TIME_UNITS \
                        and prev.unit not in _PERCENT_UNITS:
                    figure.unit = prev.unit
                break


def _noun_pointed_back(work: str, start: int) -> str | None:
    """The plural noun that "123 of them" counts: the last one before it in the sentence."""
    before = work[max(0, start - 150):start]
    end_of_sentence = max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind("\n"))
    for word in reversed(_CONTENT_WORD.findall(before, end_of_sentence + 1)):
        if word.islower() and word not in _STOP and looks_plural(word):
            return singular(word)
    return None


def _is_heading(line: str) -> bool:
    """Whether an unpunctuated line names a topic ("Turkey extends grain deal"), not "Posted 3 hours ago"."""
    return sum(1 for w in _CONTENT_WORD.findall(line) if w.lower() not in _NOT_CONTEXT) >= 3


def _chrome_lines(work: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Lines to skip (page furniture such as "20 Posts", lists of links after "Read more:") and headings."""
    skipped, headings = [], []
    in_list = False
    for start, end in paragraph_spans(work):
        line = work[start:end]
        ends_sentence = line[-1] in _SENTENCE_ENDINGS
        if _LIST_HEADER.match(line):
            in_list = True
        elif in_list and not ends_sentence:
            skipped.append((start, end))
        else:
            in_list = False
            words = line.count(" ") + 1
            if words <= 3 and not ends_sentence:
                skipped.append((start, end))
            elif not ends_sentence and words <= 25 and _is_heading(line):
                headings.append((start, end))
    return skipped, headings


def _context_words(work: str, start: int, end: int) -> list[str]:
    """The words of work[start:end] that tell what a figure is about."""
    return [w for w in _CONTENT_WORD.findall(work, start, end) if w.lower() not in _NOT_CONTEXT]


class _Context:
    """Makes `about` findable: the phrase read next to the number, then the words of its sentence nearest to it
    and of its section heading ("fighters — Wagner recruitment drive Prigozhin")."""

    def __init__(self, work: str) -> None:
        self._work = work
        self._heading: tuple[tuple[int, int] | None, list[str]] = (None, [])

    def about(self, figure: Figure, sentence: tuple[int, int], heading: tuple[int, int] | None) -> str | None:
        work = self._work
        left = _context_words(work, max(sentence[0], figure.start - _CONTEXT_REACH), figure.start)
        right = _context_words(work, figure.end, min(sentence[1], figure.end + _CONTEXT_REACH))
        half = _CONTEXT_WORDS // 2
        words = left[-max(half, _CONTEXT_WORDS - len(right)):] + right[:max(half, _CONTEXT_WORDS - len(left))]
        words += self._heading_words(heading)
        own = set(_CONTENT_WORD.findall(f"{work[figure.start:figure.end]} {figure.about or ''}".lower()))
        first: dict[str, str] = {}  # each word once, as first printed
        for word in words:
            first.setdefault(word.lower(), word)
        context = [word for lower, word in first.items() if lower not in own]
        if not context:
            return figure.about
        return f"{figure.about} — {' '.join(context)}" if figure.about else " ".join(context)

    def _heading_words(self, heading: tuple[int, int] | None) -> list[str]:
        if heading is None:
            return []
        if self._heading[0] != heading:
            self._heading = (heading, _context_words(self._work, heading[0], heading[1])[:_HEADING_WORDS])
        return self._heading[1]


def _claim_verb(work: str, start: int, end: int) -> re.Match | None:
    """The first verb of saying in work[start:end] that is a whole word."""
    for verb in _CLAIM_VERB.finditer(work, start, end):
        at = verb.start()
        if at == 0 or not (work[at - 1].isalnum() or work[at - 1] == "_"):
            return verb
    return None


class _Claims:
    """Who claims a figure: the speaker of the quote around it, else of a quote in its sentence, else a
    speaker the quotes name who is the subject of a verb of saying before it ("Prigozhin announced ...")."""

    def __init__(self, quotes: list[Quote], work: str) -> None:
        self._quotes = sorted(quotes, key=lambda q: q.start)
        self._starts = [q.start for q in self._quotes]
        self._work = work
        names = sorted({q.speaker for q in quotes if q.speaker})  # sorted: the same claimant on every run
        self._surnames = {name: name.split()[-1] for name in names if len(name.split()[-1]) > 2}

    def speaker_for(self, offset: int, sentence: tuple[int, int]) -> str | None:
        if not self._quotes:
            return None
        near = self._near(offset, sentence[1])
        inside = [q for q in near if q.start <= offset < q.end]
        if inside:
            named = [q for q in inside if q.speaker]
            if named:
                return min(named, key=lambda q: q.end - q.start).speaker
            if all(q.kind != "indirect" for q in inside):
                return None  # words in quotation marks from someone the text does not name
            return self._subject_of_saying(sentence[0], offset)
        in_sentence = [q for q in near if q.speaker and q.start < sentence[1] and q.end > sentence[0]]
        if in_sentence:
            return min(in_sentence, key=lambda q: min(abs(q.start - offset), abs(q.end - offset))).speaker
        return self._subject_of_saying(sentence[0], offset)

    def _subject_of_saying(self, start: int, offset: int) -> str | None:
        if not self._surnames:
            return None
        verb = _claim_verb(self._work, start, offset)
        if verb is None:
            return None
        before = self._work[start:verb.start()]
        named = [(name, surname) for name, surname in self._surnames.items() if surname in before]
        if not named:
            return None
        # "in which he said": the name nearest before; "X, boss of Y, announced": the subject, named first
        nearest = _PRONOUN_SUBJECT.search(before) is not None
        best, best_at = None, -1
        for name, surname in named:
            at = before.rfind(surname) if nearest else before.find(surname)
            if at >= 0 and (best is None or (at > best_at if nearest else at < best_at)):
                best, best_at = name, at
        return best

    def _near(self, offset: int, sentence_end: int) -> list[Quote]:
        """Of the last 200 quotes that start up to 2000 after `offset`, those that can hold it or overlap its
        sentence (which is shorter than 2000, so a quote ending 2000 before `offset` cannot)."""
        i = bisect.bisect_right(self._starts, offset + 2000)
        return self._quotes[max(0, i - 200):bisect.bisect_left(self._starts, sentence_end, 0, i)]
