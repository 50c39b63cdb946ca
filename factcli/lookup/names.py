"""Speaker names that start with what a person has typed: what shell completion offers.

Canonical names and aliases alike, most quoted speaker first, read from the small speakers and
aliases tables with the standard library's sqlite3, so that a completion costs about as little as
Python's start-up.
"""
from __future__ import annotations

import sqlite3

# More names than a shell can usefully list; the best of them are the most quoted.
MOST_NAMES = 100
# Aliases opening with these are descriptions ("the ministry", "a spokesman"), not names a person types;
# so are longer aliases ("National Security Council Coordinator ... John Kirby").
ARTICLES = frozenset({"the", "a", "an"})
MOST_ALIAS_WORDS = 3

_NAMES = """
SELECT label, s.name, s.quotes, label = s.name AS canonical
FROM (SELECT id, name AS label FROM speakers UNION SELECT speaker_id, alias FROM aliases) l
JOIN speakers s ON s.id = l.id
WHERE label LIKE ? ESCAPE '\\'
ORDER BY s.quotes DESC, s.figures DESC, canonical DESC, label
"""


class Name:
    """A name to offer: the label typed against, the speaker's canonical name and how often they are quoted."""

    __slots__ = ("label", "speaker", "quotes")

    def __init__(self, label: str, speaker: str, quotes: int):
        self.label, self.speaker, self.quotes = label, speaker, quotes


def names_starting(conn: sqlite3.Connection, typed: str, limit: int = MOST_NAMES) -> list[Name]:
    """Names and aliases that start with `typed`, ignoring case, each once, the most quoted speaker's first."""
    # LIKE folds ASCII only: beyond it, every name is read and compared here
    pattern = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" if typed.isascii() else "%"
    folded = typed.casefold()
    found: dict[str, Name] = {}
    for label, speaker, quotes, canonical in conn.execute(_NAMES, [pattern]):
        key = label.casefold()
        words = key.split()
        if not words or not canonical and (words[0] in ARTICLES or len(words) > MOST_ALIAS_WORDS):
            continue
        if key.startswith(folded) and key not in found:
            found[key] = Name(label, speaker, quotes or 0)
            if len(found) == limit:
                break
    return list(found.values())
