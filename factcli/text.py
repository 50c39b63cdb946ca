"""Splitting document text into paragraphs, sentences and lines.

Every function returns offsets into the text it was given, so records can
point back at the stored document exactly.
"""
from __future__ import annotations

import bisect
import re

# Words that end in a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gov sen rep gen col lt maj capt sgt cmdr adm st
    jr sr no vs etc inc ltd co corp dept est fig jan feb mar apr jun jul aug
    sep sept oct nov dec mt ft rev hon pres u.s u.k u.n e.g i.e a.m p.m""".split()
)

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
# A sentence ends at . ! ? or … (with any closing quotes or brackets), then
# white space, then something that can start a sentence.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")

# Mojibake of a UTF-8 pound sign read as cp1252 ("Â£"); replaced by a
# same-length form so that offsets into the original stay valid.
_MOJIBAKE = re.compile(r"Â(?=[£€©®°±·½¼¾])")


def repair_for_extraction(text: str) -> str:
    """Undo double-encoded currency signs without changing the text's length."""
    return _MOJIBAKE.sub(" ", text)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Non-empty lines of text, as (start, end), stripped of surrounding space."""
    spans = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _append_stripped(text, start, match.start(), spans)
        start = match.end()
    _append_stripped(text, start, len(text), spans)
    return spans


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of text[start:end], never crossing a line break."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for para_start, para_end in paragraph_spans(text[start:end]):
        para_start += start
        para_end += start
        sent_start = para_start
        for match in _SENTENCE_END.finditer(text, para_start, para_end):
            if _is_abbreviation(text, sent_start, match.start()):
                continue
            _append_stripped(text, sent_start, match.end(), spans)
            sent_start = match.end()
        _append_stripped(text, sent_start, para_end, spans)
    return spans


def _is_abbreviation(text: str, sent_start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = _WORD_BEFORE.search(text, max(sent_start, dot - 24), dot)
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    # single capitals are initials ("John F. Kennedy")
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _append_stripped(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


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
