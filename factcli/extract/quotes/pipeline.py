"""One document's quotes, in three passes: quoted spans with the cues around them, reported speech
without quotation marks, then speaker resolution in document order (pronouns, descriptions, continued
quotes)."""
from __future__ import annotations

import bisect
import re

from factcli.extract.quotes.attribution import Attribution, attribute_quote
from factcli.extract.quotes.doc import Doc
from factcli.extract.quotes.entities import EntityIndex
from factcli.extract.quotes.marks import find_quoted, uses_single_marks
from factcli.extract.quotes.reported import find_indirect
from factcli.extract.quotes.sieves import resolve_speakers
from factcli.extract.records import Quote, Speaker
from factcli.extract.speakers import clean_role

_HEADLINE_END = re.compile(r"[.!?:;…\"'”’»“)\]]\s*$")
_CONTEXT_REACH = 400  # context is the sentence, cut to this much text on either side of the quote


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
    starts = [s.outer_start for s in spans if not s.nested]
    ends = [s.outer_end for s in spans if not s.nested]
    for attribution in find_indirect(doc, lambda pos: _inside(starts, ends, pos)):
        if not _in_headline(doc, attribution.start):
            found.append(attribution)
    found.sort(key=lambda a: (a.start, a.end))
    entities = EntityIndex(doc)
    resolve_speakers(found, entities, doc)
    records = _to_records(doc, found)
    quoted = {q.speaker for q in records}
    return records, entities.speakers(quoted)


def _inside(starts: list[int], ends: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def _in_headline(doc: Doc, pos: int) -> bool:
    """Short lines with no closing punctuation are headlines and captions, not speech."""
    start, end = doc.paragraph(pos)
    return end - start < 250 and not _HEADLINE_END.search(doc.work, max(start, end - 3), end)


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
            text=words, kind=a.kind, start=a.start, end=a.end, speaker=a.speaker, speaker_role=clean_role(a.role),
            speaker_mention=a.mention, cue=a.cue, context=doc.text[c_start:c_end],
        ))
    return records
