"""One document's quotes, in three passes: quoted spans with the cues around them, reported speech
without quotation marks, then speaker resolution in document order (pronouns, descriptions, continued
quotes)."""
from __future__ import annotations

import bisect
import re

from factcli.extract.quotes.attribution import Attribution, attribute_quote, find_indirect
from factcli.extract.quotes.doc import Doc
from factcli.extract.quotes.entities import EntityIndex
from factcli.extract.quotes.marks import find_quoted, uses_single_marks
from factcli.extract.records import Quote, Speaker

_HEADLINE_END = re.compile(r"[.!?:;…\"'”’»“)\]]\s*$")
_CONTINUATION_REACH = 1500  # a quote with no cue continues a quote this close before it
_CONTEXT_REACH = 400  # context is the sentence, cut to this much text on either side of the quote
_CONTINUATION_WORDS = 14  # ... with no more than this many words (its cue) between them
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)]*\s+(?=\S)")


def extract_quotes(text: str, sentences: list[tuple[int, int]] | None = None) -> tuple[list[Quote], list[Speaker]]:
    """All quotes of one document, sorted by start, and the document's speakers.

    sentences, if the caller has them, are sentence_spans(text), which saves splitting the text again;
    the result is the same without them.
    """
    doc = Doc(text, sentences)
    spans = find_quoted(doc.work, single=uses_single_marks(doc.work))
    spans = [s for s in spans if not _in_headline(doc, s.start)]
    found: list[Attribution] = []
    for n, span in enumerate(spans):
        following = spans[n + 1].outer_start if n + 1 < len(spans) else None
        attribution = attribute_quote(doc, span, following)
        if attribution is not None:
            found.append(attribution)
    starts = [s.outer_start for s in spans]
    ends = [s.outer_end for s in spans]
    for attribution in find_indirect(doc, lambda pos: _inside(starts, ends, pos)):
        if not _in_headline(doc, attribution.start):
            found.append(attribution)
    found.sort(key=lambda a: (a.start, a.end))
    entities = EntityIndex(doc)
    _resolve(found, entities, doc)
    records = _to_records(doc, found)
    quoted = {q.speaker for q in records}
    return records, [s for s in entities.table.speakers.values() if s.name in quoted]


def _inside(starts: list[int], ends: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def _in_headline(doc: Doc, pos: int) -> bool:
    """Short lines with no closing punctuation are headlines and captions, not speech."""
    start, end = doc.paragraph(pos)
    return end - start < 250 and not _HEADLINE_END.search(doc.work, max(start, end - 3), end)


def _resolve(found: list[Attribution], entities: EntityIndex, doc: Doc) -> None:
    """Speakers in document order; quotes without a cue continue the quote before them."""
    last_quote: Attribution | None = None
    for a in found:
        if a.phrase is not None:
            entities.resolve(a)
        elif a.kind != "indirect" and a.continues and last_quote is not None and last_quote.speaker and (
                _continues(doc, last_quote, a)):
            a.speaker, a.role, a.mention = last_quote.speaker, last_quote.role, last_quote.mention
            a.inherited = True
        if a.kind == "direct":
            last_quote = a
        if a.speaker:
            entities.spoke(a)
    # a quote reopened in the next paragraph or sentence has the speaker of its continuation
    following: Attribution | None = None
    for a in reversed(found):
        if a.kind == "indirect":
            continue
        if a.reopened and following is not None and following.speaker and not a.speaker:
            a.speaker, a.role, a.mention, a.cue = following.speaker, following.role, following.mention, following.cue
        following = a


def _continues(doc: Doc, before: Attribution, quote: Attribution) -> bool:
    """A quote with no cue goes on from the quote before when only that quote's cue lies between them."""
    if quote.start - before.end > _CONTINUATION_REACH:
        return False
    if doc.paragraph_index(quote.start) - doc.paragraph_index(before.end) > 1:
        return False
    if quote.unbalanced and before.inherited:
        return False  # marks that do not pair up: one step from an attributed quote at most
    gap = doc.work[before.end:quote.start]
    if not quote.opened:  # no opening mark: where the quote starts is a guess, so only a quote right before counts
        return len(gap.split()) <= 1
    return len(_SENTENCE_BREAK.findall(gap)) <= 1 and len(gap.split()) <= _CONTINUATION_WORDS


def _to_records(doc: Doc, found: list[Attribution]) -> list[Quote]:
    records: list[Quote] = []
    seen: set[tuple[str, str]] = set()
    for a in found:
        words = doc.text[a.start:a.end]
        key = (a.kind, " ".join(words.split()).lower().rstrip(".,;:!?…"))
        if key in seen:
            continue  # the same quote printed twice is one record
        seen.add(key)
        c_start, c_end = doc.sentences_of(a.start, a.end)
        c_start, c_end = max(c_start, a.start - _CONTEXT_REACH), min(c_end, a.end + _CONTEXT_REACH)
        records.append(Quote(
            text=words, kind=a.kind, start=a.start, end=a.end, speaker=a.speaker, speaker_role=a.role,
            speaker_mention=a.mention, cue=a.cue, context=doc.text[c_start:c_end],
        ))
    return records
