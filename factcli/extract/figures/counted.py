"""What a figure counts: the noun phrase after the number (its unit when the noun is plural),
"the number of X", nouns pointed back to, and units that bare numbers inherit.
"""
from __future__ import annotations

import re

from factcli.extract.figures.patterns import CONTENT_WORD, STOP, TOKEN
from factcli.extract.figures.units import (
    ISO_CODES,
    MEASURES,
    TIME_UNITS,
    looks_plural,
    noun_unit,
    singular,
)
from factcli.extract.records import Figure

_MODIFIER = re.compile(r"-([a-z]+)(-olds?)?\b(?!-)")
_OF = re.compile(r"[ \t]+of\b", re.IGNORECASE)
# A unit in the singular between a number and a noun, unhyphenated: "five year peak", "eighty minute team".
_SPACED_MODIFIER = re.compile(r"[ \t]+(second|minute|hour|day|week|month|year|mile|metre|meter|kilometre|"
                              r"kilometer|foot|inch|acre|hectare|ton|tonne)[ \t]+([a-z][a-z-]+)\b")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z]")
_COUNT_WORDS = ("number", "total", "tally", "count")
_NUMBER_OF = re.compile(rf"\b(?:{'|'.join(_COUNT_WORDS)})[ \t]+of[ \t]+((?:[A-Za-z-]+[ \t]*){{1,6}})", re.IGNORECASE)
# Plural nouns that, after "the two", point back at people or parties already named.
_BACK_REFERENCE_HEADS = frozenset("""
leaders men women nations countries sides suspects parties companies firms teams clubs players brothers
sisters sons daughters presidents governments groups candidates victims officials boys girls children
states powers allies rivals partners banks airlines carriers makers universities cities
""".split())
_MEASURE_HEADS = MEASURES | frozenset("tonne kilometre metre litre cubic square degree point percentage".split())
_NOT_MODIFIER = frozenset("""
nil all love off on to one way thirds third quarter quarters half fifths fifth tenth tenths fold
times time and or
""".split())
# What "one-" counts in a quantity ("one-year ban", "one-match suspension"), besides time and measures.
_ONE_OF = frozenset("match game season race point seat member man day night term goal set".split())
# Irregular past tenses, which end a singular noun phrase ("a 100-year-old veteran met ...").
_PAST_VERBS = frozenset("""
met won lost took made became gave got went came saw ran led held told began fell rose paid sold built sent
spent kept felt brought bought found stood drew grew knew wrote broke chose spoke drove flew fought caught
taught sought meant struck stole threw wore swore
""".split())
# Plural nouns that name the kind of a following noun ("people smugglers", "drugs tests", "police officers").
_COMPOUND_FIRST = frozenset("people police drugs arms sales sports goods savings systems".split())
# Function words that may stand between a count and its noun ("two other children", "three more years").
_COUNT_MODIFIERS = frozenset("other more additional further".split())
_PERCENT_UNITS = ("percent", "percentage point")
_POINTERS = frozenset("them those these us which whom".split())
_DETERMINERS = frozenset("the their its his her our".split())
_COMPLEMENT = re.compile(r"[ \t]+(?:of|in|for|on)\b", re.IGNORECASE)
_BOUND_SUFFIX = re.compile(r"-(plus|odd)\b(?!-)", re.IGNORECASE)
_ANNIVERSARY = re.compile(r"[ \t]+(?:anniversary|birthday|centenary|jubilee)\b", re.IGNORECASE)
_MAX_NOUN_TOKENS = 5
# How far back a bare number looks for the counted noun of the figure before it.
_INHERIT_REACH = 60


def read_noun(work: str, figure: Figure, kind: str, previous: str) -> bool:
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
        tokens, _, end = noun_phrase(work, pos, plural=counted)
        figure.about = phrase_of_tokens(work, tokens, end if tokens else pos)
        return True
    fraction = kind in ("frac", "half") and figure.value < 1
    if not fraction:
        tokens, head, end = noun_phrase(work, pos, plural=figure.value != 1)
        if head is not None:
            if previous in ("the", "these", "those") and kind == "w" \
                    and tokens[head].lower().rstrip("'’") in _BACK_REFERENCE_HEADS:
                return False  # "the two leaders": a count of what was already named
            if kind == "d" and head > 0 and all(t[0].isupper() for t in tokens):
                return False  # "8 Venus Williams (US)": a rank before a name
            figure.unit = noun_unit(tokens[head])
            if figure.unit == "old" and head > 0 and singular(tokens[head - 1]) in TIME_UNITS:
                figure.unit = singular(tokens[head - 1])  # "11 year olds": an age
            figure.end = end
            complement = _complement(work, end)
            measured = figure.unit in _MEASURE_HEADS and complement
            figure.about = complement.strip() if measured else phrase_of_tokens(work, tokens, end, complement)
            return True
        spaced = _SPACED_MODIFIER.match(work, pos) if kind in ("d", "w") else None
        if spaced and singular(spaced.group(1)) == spaced.group(1).lower() and spaced.group(2).lower() not in STOP:
            figure.unit = singular(spaced.group(1))  # "a five year peak", "an eighty minute team": as "five-year"
            figure.end = spaced.end(1)
            tokens, _, end = noun_phrase(work, figure.end, plural=False)
            if tokens:
                figure.end, figure.about = end, phrase_of_tokens(work, tokens, end)
            return True
    if kind == "d" and figure.qualifier == "exact" and _NAME_AFTER.match(work, pos):
        return False  # "2 Andy Roddick": a rank or a label before a name
    of = _OF.match(work, pos)
    if of:
        tokens, head, end = noun_phrase(work, of.end(), plural=not fraction, allow_determiner=True)
        if tokens and tokens[0].lower() in _POINTERS:
            figure.end = end
            figure.unit = _noun_pointed_back(work, figure.start)
        elif head is not None and not fraction:
            figure.unit = noun_unit(tokens[head])
            figure.end = end
            figure.about = phrase_of_tokens(work, tokens, end)
        elif tokens:
            figure.about = phrase_of_tokens(work, tokens, end)
    elif fraction:
        tokens, _, end = noun_phrase(work, pos, plural=False, allow_determiner=True)
        figure.about = phrase_of_tokens(work, tokens, end) if tokens else None
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
    if figure.value == 1 and noun not in TIME_UNITS and noun not in _MEASURE_HEADS and noun not in _ONE_OF:
        return False  # "one-stop", "one-liners", "one-click": compounds, not counts
    figure.unit = singular(noun)
    figure.end = modifier.end()
    if modifier.group(2) == "-olds":
        return True  # "eight-year-olds" is itself the noun
    tokens, _, end = noun_phrase(work, figure.end, plural=False)
    if tokens:
        figure.end = end
        figure.about = phrase_of_tokens(work, tokens, end)
        if noun == "strong":
            figure.unit = singular(tokens[-1])  # "a 300-strong crowd" counts people in the crowd
    return True


def noun_phrase(work: str, pos: int, plural: bool, allow_determiner: bool = False
                 ) -> tuple[list[str], int | None, int]:
    """Words of the noun phrase at `pos`: (tokens, index of the head or None, end offset).

    With `plural`, the head is the first plural-looking word ("two Sukhoi Su-27 fighter jets") and there is no
    phrase without one; otherwise the phrase runs to a function word or a verb form, three words at most.
    """
    tokens: list[str] = []
    end = pos
    for i in range(_MAX_NOUN_TOKENS):
        token = TOKEN.match(work, end)
        if token is None:
            break
        word = token.group(1)
        lower = word.lower()
        if allow_determiner and i == 0 and lower in _POINTERS:
            return [word], None, token.end()
        if lower in STOP and not (allow_determiner and i == 0 and lower in _DETERMINERS) \
                and not (plural and i == 0 and lower in _COUNT_MODIFIERS):
            break
        if not plural and tokens and (lower.endswith(("ing", "ed", "ly")) or lower in _PAST_VERBS
                                      or word[0].isupper() and tokens[-1][0].islower()):
            break  # a verb, or a capital after a lower-case word: the phrase is over
        tokens.append(word)
        end = token.end()
        if plural and looks_plural(word):
            after = TOKEN.match(work, end)
            if after and lower.rstrip("'’") in _COMPOUND_FIRST and after.group(1).islower() \
                    and looks_plural(after.group(1)) and after.group(1) not in STOP:
                tokens.append(after.group(1))  # "two people smugglers", "three drugs tests": the last noun
                end = after.end()
            return tokens, len(tokens) - 1, end
        if not plural and len(tokens) == 3:
            break
    if plural:
        return [], None, pos
    return tokens, (len(tokens) - 1 if tokens else None), end


def phrase_of_tokens(work: str, tokens: list[str], end: int, complement: str | None = None) -> str | None:
    """The noun phrase's content words and what it is of ("fighter jets", "wheat exports of Ukraine");
    `complement` is _complement(work, end) when the caller has read it already."""
    if complement is None:
        complement = _complement(work, end)
    words = " ".join([t for t in tokens if t.lower() not in STOP]) + complement
    return words.strip() or None


def _complement(work: str, pos: int) -> str:
    """' grain' for ' of grain', ' client assets' for ' in client assets': what a measure is of."""
    m = _COMPLEMENT.match(work, pos)
    if not m:
        return ""
    tokens, _, _ = noun_phrase(work, m.end(), plural=False, allow_determiner=True)
    words = [t for t in tokens if t.lower() not in STOP]
    return " " + " ".join(words) if words else ""


def counted_by_number_of(work: str, sent_start: int, figure: Figure) -> str | None:
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
        if word.lower() in STOP:
            break
        words.append(word)
    plural = next((w for w in words if looks_plural(w)), None)
    if plural and figure.unit is None:
        figure.unit = singular(plural)
    return " ".join(words) or None


def inherit_units(figures: list[Figure]) -> None:
    """Give bare numbers the counted noun of the figure before them in the same sentence ("up to 1,200 per day")."""
    for i, figure in enumerate(figures):
        if figure.unit is not None or figure.value < 1:
            continue
        for prev in reversed(figures[max(0, i - 3):i]):
            if prev.sentence == figure.sentence and figure.start - prev.end <= _INHERIT_REACH:
                if prev.unit and prev.unit not in ISO_CODES and prev.unit not in TIME_UNITS \
                        and prev.unit not in _PERCENT_UNITS:
                    figure.unit = prev.unit
                break


def _noun_pointed_back(work: str, start: int) -> str | None:
    """The plural noun that "123 of them" counts: the last one before it in the sentence."""
    before = work[max(0, start - 150):start]
    end_of_sentence = max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind("\n"))
    for word in reversed(CONTENT_WORD.findall(before, end_of_sentence + 1)):
        if word.islower() and word not in STOP and looks_plural(word):
            return singular(word)
    return None
