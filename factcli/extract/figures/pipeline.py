"""One document's figures, in order: the trigger scan, then each stage of reading a figure, then
the sentence, claimant and `about` of each.
"""
from __future__ import annotations

import bisect
import re

from factcli.extract.figures.about import Context
from factcli.extract.figures.claimants import Claims
from factcli.extract.figures.counted import counted_by_number_of, inherit_units
from factcli.extract.figures.layout import Sentences, chrome_lines
from factcli.extract.figures.patterns import CORE, TRIGGER
from factcli.extract.figures.spans import read_figure, trigger_starts
from factcli.extract.records import Figure, Quote
from factcli.read.text import enclosing, repair_for_extraction

_URL = re.compile(r"https?://\S+|www\.\S+|\]\([^)\s]*\)")


def extract_figures(text: str, quotes: list[Quote], sentences: list[tuple[int, int]] | None = None
                    ) -> list[Figure]:
    """All numeric claims of one document, sorted by start. `quotes` are the document's quote records, which
    say who claims a figure; `sentences`, if the caller has them, are `sentence_spans(text)`, which saves
    splitting the text a second time."""
    work = repair_for_extraction(text)
    if "://" in work or "www." in work or "](" in work:
        work = _URL.sub(lambda m: " " * len(m.group()), work)
    skipped_lines, headings = chrome_lines(work)
    heading_starts = [h[0] for h in headings]
    sentence_of = Sentences(text, sentences)
    claims = Claims(quotes, work)
    context = Context(work)
    figures: list[Figure] = []
    pos = 0
    for start in trigger_starts(work):
        if start < pos or not TRIGGER.match(work, start):
            continue
        match = CORE.match(work, start)
        if match is None:
            continue
        found = read_figure(work, match, pos)
        pos = max(match.end(), found.end if found else 0)
        if found is None or enclosing(skipped_lines, found.start):
            continue
        if found.start > 0 and text[found.start - 1] == "Â" and work[found.start] in "£€":
            found.start -= 1  # keep the mojibake with its currency sign
        sentence = sentence_of.around(found.start)
        found.text = text[found.start:found.end]
        found.sentence = text[sentence[0]:sentence[1]]
        found.claimed_by = claims.speaker_for(found.start, sentence)
        if found.about is None:
            found.about = counted_by_number_of(work, sentence[0], found)
        i = bisect.bisect_right(heading_starts, found.start) - 1
        heading = headings[i] if i >= 0 and headings[i][1] < sentence[0] else None
        found.about = context.about(found, sentence, heading)
        figures.append(found)
    inherit_units(figures)
    return figures
