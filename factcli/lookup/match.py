"""Which speakers a typed name means: exact names and aliases, surnames, names holding the typed words, then
close spellings (rapidfuzz, imported only then). Standard library sqlite3 over the small speakers and aliases
tables, so that a plain lookup stays light."""
from __future__ import annotations

import re
import sqlite3

# Below this rapidfuzz score (0-100) a name does not match; above the lower one it is worth suggesting.
NAME_MATCH_CUTOFF = 80
SUGGEST_CUTOFF = 55
# Speakers within this many points of the best match are near-ties ("two people called Kirby").
NEAR_TIE = 3
# Words dropped from a speaker query: "Mr Putin" looks for Putin.
HONORIFICS = frozenset(
    "mr mrs ms miss dr prof sir dame lord lady president pm gov governor sen senator rep gen general adm "
    "admiral col colonel the".split()
)
_WORD = re.compile(r"\w+", re.UNICODE)


class SpeakerMatch:
    """Speakers a name query resolved to, or the names it came closest to."""

    __slots__ = ("ids", "suggestions")

    def __init__(self, ids: list[int], suggestions: list[str]):
        self.ids, self.suggestions = ids, suggestions


_LABELS = "SELECT id, name AS label FROM speakers UNION ALL SELECT speaker_id AS id, alias AS label FROM aliases"


def match_speakers(conn: sqlite3.Connection, name: str, exact: bool = False) -> SpeakerMatch:
    """Resolve a typed name to speaker ids: exact names, aliases and surnames first, then names holding the
    typed words as whole words, then close spellings of surnames and whole names."""
    typed = " ".join(_WORD.findall(name.lower()))
    query = " ".join(word for word in typed.split() if word not in HONORIFICS) or typed
    forms = list(dict.fromkeys(form for form in (name.strip(), typed, query) if form))
    if not forms:
        return SpeakerMatch([], [])
    same = " OR ".join(["label = ? COLLATE NOCASE"] * len(forms))
    ids = [row[0] for row in conn.execute(f"SELECT id FROM ({_LABELS}) WHERE {same}", forms)]
    if not exact and query:
        surname = "% " + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        ids += [row[0] for row in conn.execute(f"SELECT id FROM ({_LABELS}) WHERE label LIKE ? ESCAPE '\\'",
                                               [surname])]
    if not ids and not exact and query:
        ids = _word_matches(conn, query)
    if ids:
        return SpeakerMatch(_unique(ids), [])
    return _fuzzy_speakers(conn, query or typed, exact)


# Words that name no one in a body's name ("Department of State", "the State Department").
_NAME_LINKS = frozenset("of for the and at in on".split())


def _word_matches(conn: sqlite3.Connection, query: str) -> list[int]:
    """Speakers whose names hold every typed word as a whole word, accents aside ("Erdogan" finds "Recep Tayyip
    Erdoğan", "Le Drian" "Jean-Yves Le Drian"); else bodies of two or more words all of which were typed, in any
    order ("United States Department of State" finds "State Department")."""
    wanted = set(_folded_words(query)) - _NAME_LINKS
    if not wanted:
        return []
    rows = [(speaker_id, set(_folded_words(label)) - _NAME_LINKS) for speaker_id, label in conn.execute(_LABELS)]
    found = [speaker_id for speaker_id, words in rows if wanted <= words]
    return found or [speaker_id for speaker_id, words in rows if len(words) >= 2 and words <= wanted]


def _folded_words(text: str) -> list[str]:
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return _WORD.findall(plain.replace("-", " "))


def _fuzzy_speakers(conn: sqlite3.Connection, query: str, exact: bool) -> SpeakerMatch:
    """Close spellings of whole names and, for one typed word, of surnames ("kirbi" finds Kirby, "jon kirbee"
    John Kirby); a first name is never matched alone, so "Drian" does not find Brian Hook."""
    from rapidfuzz import fuzz, process, utils

    rows = conn.execute(_LABELS).fetchall()
    choices, owners = [], []
    for speaker_id, label in rows:
        label = utils.default_process(label)
        words = label.split()
        surname = words[-1:] if words and len(words[-1]) >= 3 else []
        for choice in {label, *surname}:
            choices.append(choice)
            owners.append(speaker_id)
    scorer = fuzz.ratio if " " not in query else fuzz.token_sort_ratio
    scored = process.extract(query, choices, scorer=scorer, score_cutoff=SUGGEST_CUTOFF, limit=50)
    best = scored[0][1] if scored else 0
    if exact or best < NAME_MATCH_CUTOFF:
        names = {row[0]: row[1] for row in reversed(rows)}  # speakers come first, so their names win
        return SpeakerMatch([], list(dict.fromkeys(names[owners[index]] for _, _, index in scored))[:3])
    return SpeakerMatch(_unique(owners[index] for _, score, index in scored if score >= best - NEAR_TIE), [])


def _unique(ids) -> list[int]:
    return list(dict.fromkeys(ids))
