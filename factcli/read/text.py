"""Splitting document text into paragraphs, sentences and lines.

Every function returns offsets into the text it was given, so records can
point back at the stored document exactly.
"""
from __future__ import annotations

import bisect
import re
import string

# Words that end in a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gov sen rep gen col lt maj capt sgt cmdr adm st
    jr sr no vs etc inc ltd co corp dept est fig jan feb mar apr jun jul aug
    sep sept oct nov dec mt ft rev hon pres u.s u.k u.n e.g i.e a.m p.m""".split()
)

# A paragraph is a line stripped of surrounding space: from its first to its last non-space character.
_PARAGRAPH = re.compile(r"\S(?:[^\n]*\S)?")
# A sentence ends at . ! ? or … (with any closing quotes or brackets), then
# white space (group 1, up to the next sentence's start), then something that
# can start a sentence. (The first mark is spelled out so that the regex engine
# skips ahead to the marks.)
_SENTENCE_END = re.compile(r"[.!?…][.!?…]*[\"'”’)\]]*(?=(\s+)[\"'“‘(\[]?[A-Z0-9À-Ý])")
_WORD_CHARS = string.ascii_letters + "."

# Mojibake of a UTF-8 pound sign read as cp1252 ("Â£"); replaced by a
# same-length form so that offsets into the original stay valid.
_MOJIBAKE = re.compile(r"Â(?=[£€©®°±·½¼¾])")


def repair_for_extraction(text: str) -> str:
    """Undo double-encoded currency signs without changing the text's length."""
    return _MOJIBAKE.sub(" ", text)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Non-empty lines of text, as (start, end), stripped of surrounding space."""
    return [match.span() for match in _PARAGRAPH.finditer(text)]


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of text[start:end], never crossing a line break."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text, start, end):
        # a paragraph starts and ends with non-space, and so does every sentence cut at a sentence end
        sent_start, para_end = paragraph.span()
        for match in _SENTENCE_END.finditer(text, sent_start, para_end):
            if text[match.start()] == "." and _is_abbreviation(text, sent_start, match.start()):
                continue
            spans.append((sent_start, match.end()))
            sent_start = match.end(1)
        spans.append((sent_start, para_end))
    return spans


def _is_abbreviation(text: str, sent_start: int, dot: int) -> bool:
    """True when the full stop at dot ends an abbreviation or an initial, not the sentence."""
    before = text[max(sent_start, dot - 24):dot]
    # the word before the dot: its letters and dots, from its first letter
    word = before[len(before.rstrip(_WORD_CHARS)):].lstrip(".")
    if not word:
        return False
    token = word.lower().rstrip(".")
    # single capitals are initials ("John F. Kennedy")
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


class LineIndex:
    """Maps offsets to 1-based line numbers in O(log n)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)


def enclosing(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The span that contains offset, from a sorted list of disjoint spans."""
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= offset < spans[i][1]:
        return spans[i]
    return None
