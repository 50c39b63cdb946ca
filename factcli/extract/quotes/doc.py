"""A document prepared for quote extraction: a same-length working copy and
cheap paragraph and sentence look-ups.
"""
from __future__ import annotations

import bisect
import re

from factcli.read.text import paragraph_spans, repair_for_extraction, sentence_spans

_LINK = re.compile(r"\[([^\]\n]{0,300})\]\(([^()\s]{0,800})\)")
_ODD_SPACE = re.compile(r"[\xa0\u2000-\u200a\u202f\u205f\u3000]")


def _blank_links(text: str) -> str:
    """Markdown links "[words](url)" become " words " padded with spaces, keeping every offset."""
    return _LINK.sub(lambda m: " " + m.group(1) + " " * (len(m.group(2)) + 3), text)


class Doc:
    """The text, its working copy (mojibake repaired, link syntax blanked) and its paragraphs."""

    def __init__(self, text: str, sentences: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        # plain ASCII holds neither mojibake nor odd spaces
        work = text if text.isascii() else _ODD_SPACE.sub(" ", repair_for_extraction(text))
        self.work = _blank_links(work) if "](" in work else work
        self.paragraphs = paragraph_spans(self.work)
        self._para_starts = [start for start, _ in self.paragraphs]
        # sentence_spans(text) from the caller serves only when the working copy is the text itself
        self._given = sentences if sentences is not None and self.work == text else None
        self._sentences: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}

    def paragraph(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._para_starts, pos) - 1
        if i < 0:
            return (0, 0)
        return self.paragraphs[i]

    def paragraph_index(self, pos: int) -> int:
        return bisect.bisect_right(self._para_starts, pos) - 1

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence that holds pos (sentences are split once per paragraph, on first use)."""
        i = self.paragraph_index(pos)
        if i < 0:
            return (pos, pos)
        para_start, para_end = self.paragraphs[i]
        spans, starts = self._paragraph_sentences(i)
        j = bisect.bisect_right(starts, pos) - 1
        if j >= 0 and spans[j][0] <= pos < spans[j][1]:
            return spans[j]
        if j >= 0 and pos >= spans[j][1] and j + 1 < len(spans):
            return (spans[j][1], spans[j + 1][0])
        return spans[j] if j >= 0 else (para_start, para_end)

    def _paragraph_sentences(self, i: int) -> tuple[list[tuple[int, int]], list[int]]:
        """Sentences of paragraph i and their starts (for bisect), from the caller's split when there is one."""
        found = self._sentences.get(i)
        if found is None:
            para_start, para_end = self.paragraphs[i]
            if self._given is not None:
                lo = bisect.bisect_left(self._given, (para_start,))
                spans = self._given[lo:bisect.bisect_left(self._given, (para_end,), lo)]
            else:
                spans = sentence_spans(self.work, para_start, para_end)
            found = self._sentences[i] = (spans, [start for start, _ in spans])
        return found

    def sentences_of(self, start: int, end: int) -> tuple[int, int]:
        """From the start of start's sentence to the end of (end - 1)'s sentence."""
        first = self.sentence(start)
        last = self.sentence(max(start, end - 1))
        return (min(first[0], start), max(last[1], end))
