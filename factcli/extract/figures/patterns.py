"""Patterns and word lists that several stages of figure reading share: the number core, the cheap
trigger scan, stop words and unit kinds.
"""
from __future__ import annotations

import re

from factcli.extract.figures.numbers import DENOMINATORS, SCALES, SMALL, VAGUE
from factcli.extract.words import alternation

_WN = "|".join(sorted([*SMALL, "hundred", "dozen", *SCALES], key=len, reverse=True))
SMALL_PATTERN = "|".join(sorted(SMALL, key=len, reverse=True))
_DEN = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
WORDS = rf"(?:{SMALL_PATTERN})(?:(?:-|[ \t]+|(?<=hundred)[ \t]+and[ \t]+|(?<=thousand)[ \t]+and[ \t]+)(?:{_WN}))*"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_PLURALS = "thousands|millions|billions"
# A number core, tried where TRIGGER fires; what surrounds it is read by the patterns below.
CORE = re.compile(
    rf"(?<![\w.,/:#@–-])(?P<d>{DIGITS})"
    rf"|(?i:\b(?P<frac>(?:{_WN}|an?)[ \t-]+(?:{_DEN}))\b"
    rf"|\b(?P<vague>(?:tens|hundreds|{_SCALE_PLURALS}|dozens)(?:[ \t]+of[ \t]+(?:{_SCALE_PLURALS}))?)(?=[ \t]+of\b)"
    rf"|\b(?P<a>an?[ \t]+(?:hundred|thousand|million|billion|dozen)(?:[ \t]+(?:thousand|million|billion))?)\b"
    rf"|\b(?P<w>{WORDS})\b"
    rf"|\b(?P<half>half)(?=[ \t]+(?:of|the|an?|its|their|his|her|our)\b)"
    rf"|\b(?P<few>(?:a[ \t]+few|a[ \t]+couple[ \t]+of|several)[ \t]+(?:hundred|thousand|million|billion))\b)"
)


TRIGGER_WORDS = [*SMALL, *VAGUE, "half", "several"]
_FIRST_LETTERS = "".join(sorted({w[0] for w in TRIGGER_WORDS} | {w[0].upper() for w in TRIGGER_WORDS} | set("aA")))
AFTER_ARTICLE = alternation(["hundred", "thousand", "million", "billion", "dozen", "few", "couple", *DENOMINATORS])
# Where a number core may start: found first because it is cheap, then CORE is tried there.
TRIGGER = re.compile(
    rf"\d+|(?=[{_FIRST_LETTERS}])(?i:\b(?:{alternation(TRIGGER_WORDS)}|an?[ \t]+(?={AFTER_ARTICLE}))\b)")


# Latin letters, accented ones included: names like "Çavuşoğlu" are words, and a plain class scans fast.
_LETTERS = "A-Za-zÀ-ÖØ-öø-ÿĀ-ſ"
TOKEN = re.compile(rf"[ \t]+((?:[A-Z]\.){{2,}}|[{_LETTERS}][{_LETTERS}0-9]*(?:['’.-][{_LETTERS}0-9]+)*['’]?)")
QUALIFIERS = {
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
QUALIFIER_BEFORE = re.compile(
    r"(?:^|(?<=[^\w]))(" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True)) + r")[ \t]+$",
    re.IGNORECASE,
)
# Words that end a noun phrase after a number, or that cannot be one.
STOP = frozenset("""
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
CONTENT_WORD = re.compile(rf"[{_LETTERS}]{{2,}}(?:['’-][{_LETTERS}]+)*")
# Verbs that tell nothing about what is counted.
_VAGUE_VERBS = frozenset("""
said says say told added made make makes get gets got going come comes came take takes took
seen see sees seems think thinks thought know known like want wants just really well way thing things
""".split())
NOT_CONTEXT = STOP | _VAGUE_VERBS
