"""`claimed_by`: who the document says makes a claim: the speaker of the quote records around the figure,
else the source its sentence credits (sources.py: "according to X", "X estimates", "X's survey"), else a
speaker who is the subject of a verb of saying before it; the writer's own statements stay None.
"""
from __future__ import annotations

import bisect
import re

from factcli.extract.figures.sources import Sources
from factcli.extract.records import Quote
from factcli.extract.words import alternation

_PRONOUN_SUBJECT = re.compile(r"\b(?:he|she|they)[ \t]+(?:\w+[ \t]+)?$", re.IGNORECASE)
# Without a \b in front, so that re skips to the verbs' first letters; _claim_verb checks the word start.
_CLAIM_VERB = re.compile(rf"""(?:{alternation(
    "said says announced announces claimed claims told tells added stated reported estimated estimates warned "
    "insisted pledged promised revealed confirmed disclosed declared predicted wrote".split())})\b""")


def _claim_verb(work: str, start: int, end: int) -> re.Match | None:
    """The first verb of saying in work[start:end] that is a whole word."""
    for verb in _CLAIM_VERB.finditer(work, start, end):
        at = verb.start()
        if at == 0 or not (work[at - 1].isalnum() or work[at - 1] == "_"):
            return verb
    return None


class Claims:
    """Who claims a figure: the speaker of the quote around it, else of a quote in its sentence, else a
    speaker the quotes name who is the subject of a verb of saying before it ("Prigozhin announced ...")."""

    def __init__(self, quotes: list[Quote], work: str) -> None:
        self._quotes = sorted(quotes, key=lambda q: q.start)
        self._starts = [q.start for q in self._quotes]
        self._work = work
        names = sorted({q.speaker for q in quotes if q.speaker})  # sorted: the same claimant on every run
        self._surnames = {name: name.split()[-1] for name in names if len(name.split()[-1]) > 2}
        self._sources = Sources(work, names)
        self._last: tuple[int, str | None] = (-len(work) - 10_000, None)  # (sentence start, claimant) of the last claim

    def speaker_for(self, offset: int, sentence: tuple[int, int]) -> str | None:
        decided, found = self._from_quotes(offset, sentence)
        if found:
            found = self._sources.named_in_according(sentence[0], sentence[1], found) or found
        if not decided:
            found = self._sources.credited(sentence[0], sentence[1], offset, self._last)
            if found is None and self._surnames:
                found = self._subject_of_saying(sentence[0], offset)
        if found:
            self._last = (sentence[0], found)
        return found

    def _from_quotes(self, offset: int, sentence: tuple[int, int]) -> tuple[bool, str | None]:
        """(decided, speaker) from the quote records: the speaker of a quote that holds the figure or shares its
        sentence; decided and None for words in quotation marks from someone the text does not name."""
        if not self._quotes:
            return False, None
        near = self._near(offset, sentence[1])
        inside = [q for q in near if q.start <= offset < q.end]
        if inside:
            named = [q for q in inside if q.speaker]
            if named:
                return True, min(named, key=lambda q: q.end - q.start).speaker
            return all(q.kind != "indirect" for q in inside), None
        in_sentence = [q for q in near if q.speaker and q.start < sentence[1] and q.end > sentence[0]]
        if in_sentence:
            return True, min(in_sentence, key=lambda q: min(abs(q.start - offset), abs(q.end - offset))).speaker
        return False, None

    def _subject_of_saying(self, start: int, offset: int) -> str | None:
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
