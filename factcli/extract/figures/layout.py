"""Where figures sit: the sentence around an offset, split lazily a window at a time, and the page's
chrome (link lists, short furniture lines) and headings.
"""
from __future__ import annotations

import re

from factcli.extract.figures.patterns import CONTENT_WORD, NOT_CONTEXT
from factcli.read.text import enclosing, paragraph_spans, sentence_spans

_LIST_HEADER = re.compile(r"(?:read more|related|related stories|related topics|more on this story|see also|"
                          r"most read|top stories|more from \w+)\W*$", re.IGNORECASE)


# The last character of a (stripped) line that ends a sentence.
_SENTENCE_ENDINGS = frozenset(".!?:;\"”’)")
# Longest stretch read as one sentence; longer ones are clipped around the figure.
_LONGEST_SENTENCE = 600
# How much text past a figure is split into sentences at once.
_SPLIT_WINDOW = 8000


class Sentences:
    """The sentence around an offset. Text is split a window at a time, only where figures are, so that a
    megabyte without a line break stays cheap; long sentences are clipped around the figure."""

    def __init__(self, text: str, spans: list[tuple[int, int]] | None) -> None:
        self._text = text
        self._window = (0, len(text)) if spans is not None else (-1, -1)  # where the spans can be trusted
        self._spans = spans or []

    def around(self, offset: int) -> tuple[int, int]:
        if not self._window[0] <= offset < self._window[1]:
            self._split_window(offset)
        span = enclosing(self._spans, offset) or (offset, offset + 1)
        if span[1] - span[0] > _LONGEST_SENTENCE:
            half = _LONGEST_SENTENCE // 2
            span = (max(span[0], offset - half), min(span[1], offset + half))
        return span

    def _split_window(self, offset: int) -> None:
        text = self._text
        newline = text.rfind("\n", max(0, offset - _LONGEST_SENTENCE), offset)
        start = newline + 1 if newline >= 0 else max(0, offset - _LONGEST_SENTENCE)
        newline = text.find("\n", offset, offset + _SPLIT_WINDOW)
        end = newline if newline >= 0 else min(len(text), offset + _SPLIT_WINDOW)
        self._spans = sentence_spans(text, start, end)
        trusted_end = end
        if end < len(text) and text[end] != "\n" and len(self._spans) > 1:
            trusted_end = self._spans[-1][0]  # the last sentence may go on past the window
        self._window = (start, max(trusted_end, offset + 1))


def _is_heading(line: str) -> bool:
    """Whether an unpunctuated line names a topic ("Turkey extends grain deal"), not "Posted 3 hours ago"."""
    return sum(1 for w in CONTENT_WORD.findall(line) if w.lower() not in NOT_CONTEXT) >= 3


def chrome_lines(work: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Lines to skip (page furniture such as "20 Posts", lists of links after "Read more:") and headings."""
    skipped, headings = [], []
    in_list = False
    for start, end in paragraph_spans(work):
        line = work[start:end]
        ends_sentence = line[-1] in _SENTENCE_ENDINGS
        if _LIST_HEADER.match(line):
            in_list = True
        elif in_list and not ends_sentence:
            skipped.append((start, end))
        else:
            in_list = False
            words = line.count(" ") + 1
            if words <= 3 and not ends_sentence:
                skipped.append((start, end))
            elif not ends_sentence and words <= 25 and _is_heading(line):
                headings.append((start, end))
    return skipped, headings
