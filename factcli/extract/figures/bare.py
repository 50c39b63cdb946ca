"""What a bare number measures when nothing is written after it, read from the words around it: an age
("Ana Silva, 47,", "his brother, 22,", "aged over 19", "when she was about 57") or the level of a stock
index ("the Nasdaq rose 0.9% to 2,004").
"""
from __future__ import annotations

import re

# People a number after a comma gives the age of, besides names: "Another brother, 22, was".
_PERSON_NOUNS = ("brother|sister|son|daughter|man|woman|boy|girl|wife|husband|mother|father|child|teenager|"
                 "victim|suspect|driver|pensioner|grandmother|grandfather|uncle|aunt|cousin|friend|partner")
# A name or a person, a comma, maybe "now" or "aged": "Warren Leblanc, 17", "Agassi, now 34".
_AFTER_PERSON = re.compile(rf"(?:\b[A-Z][a-z]+|\b(?:{_PERSON_NOUNS})),[ \t](?:(?:now|aged)[ \t])?$")
# What may follow an age given in apposition: the end of the clause, or a second age ("40 and 49,").
_AGE_END = re.compile(r"[ \t]*(?:[,.;)]|[-–—][ \t]|and[ \t]+\d{1,3}[ \t]*,)")
# "aged over 19", "she was about 57.": an age after the qualifier too.
_AGED_BEFORE = re.compile(r"\b(?:aged?|ages)[ \t]+(?:\w+[ \t]+)?$|\b(?:he|she|I)[ \t]+(?:was|is)[ \t]+(?:\w+[ \t]+)?$",
                          re.IGNORECASE)
_CLAUSE_END = re.compile(r"[ \t]*(?:[,.;)]|$)")
# A second age in "Quirin and Redouane, 40 and 49,": the one after "and".
_SECOND_AGE = re.compile(r"(?:\b[A-Z][a-z]+|\b(?:" + _PERSON_NOUNS + r")),[ \t]\d{1,3}[ \t]+and[ \t]$")
_INDEX_NAMES = re.compile(r"\b(?:index|Dow|Nasdaq|FTSE|Nikkei|S&P|Dax|DAX|Cac|CAC|Hang Seng|Sensex|Kospi|Iseq|ISEQ"
                          r"|Stoxx|Topix)\b")
_LEVEL_BEFORE = re.compile(r"\b(?:at|to|from)[ \t]+$")


def bare_unit(work: str, start: int, end: int, value: float, left: str) -> str | None:
    """The unit of a bare number at work[start:end] from its neighbours (`left` is the text before it and its
    qualifier), or None."""
    if value < 130 and value == int(value):
        if (_AFTER_PERSON.search(left) or _SECOND_AGE.search(left)) and _AGE_END.match(work, end):
            return "year"
        if _AGED_BEFORE.search(left) and _CLAUSE_END.match(work, end):
            return "year"
    if value >= 100 and _LEVEL_BEFORE.search(left):
        sentence_start = max(work.rfind(". ", 0, start), work.rfind("\n", 0, start), start - 300)
        if _INDEX_NAMES.search(work, sentence_start, start):
            return "point"
    return None
