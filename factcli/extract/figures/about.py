"""`about`: the phrase read next to the number, then the words of its sentence and section heading
that a user would search for.
"""
from __future__ import annotations

from factcli.extract.figures.patterns import CONTENT_WORD, NOT_CONTEXT
from factcli.extract.records import Figure

# How many words of the sentence and of the heading `about` carries besides its phrase.
_CONTEXT_WORDS = 10
_CONTEXT_REACH = 160
_HEADING_WORDS = 8


def _context_words(work: str, start: int, end: int) -> list[str]:
    """The words of work[start:end] that tell what a figure is about."""
    return [w for w in CONTENT_WORD.findall(work, start, end) if w.lower() not in NOT_CONTEXT]


class Context:
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
        own = set(CONTENT_WORD.findall(f"{work[figure.start:figure.end]} {figure.about or ''}".lower()))
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
