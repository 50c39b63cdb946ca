"""Who said each quote: ordered sieves, from the surest evidence to the weakest, as in CoreNLP's quote
attribution (quote → mention, then mention → entity):

1. the quote's own cue ("…,” said Kirby", "Kirby said: “…”");
2. a lead-in that ends in a colon or comma ("The Tory leader went on: “…”", "Graham spoke on Fox News, “…”");
3. continuation: a quote with no cue goes on from the quote before it;
4. a quote the writer reopens has the speaker of the quote that follows it;
5. last, a direct quote still without a speaker goes to the subject of the sentences just before it
   ("Gervais is keen to take it slowly. “A film will happen …”"), unless its marks do not pair up (text
   cut and pasted out of order, where a guess is worse than none).
"""
from __future__ import annotations

import re

from factcli.extract.quotes.attribution import Attribution
from factcli.extract.quotes.cues import ABBREVIATION_DOT, lead_in_subject, sentence_subject
from factcli.extract.quotes.doc import Doc
from factcli.extract.quotes.entities import EntityIndex

_CONTINUATION_REACH = 1500  # a quote with no cue continues a quote this close before it
_CONTINUATION_WORDS = 14  # ... with no more than this many words (its cue) between them
_CUE_SENTENCE_WORDS = 45  # ... or one sentence of this many words at most (the cue sentence of the quote before)
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)]*\s+(?=\S)")
_SENTENCES_BACK = 2  # the last sieve looks for a subject in this many sentences before the quote's own
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s*$")


def resolve_speakers(found: list[Attribution], entities: EntityIndex, doc: Doc) -> None:
    """Set the speaker of every attribution in found (sorted by start), sieve by sieve."""
    last_quote: Attribution | None = None
    for a in found:
        if a.phrase is None and a.kind != "indirect" and a.continues:
            _lead_in(doc, a)
        if a.phrase is not None:
            entities.resolve(a)
        elif a.kind != "indirect" and a.continues and last_quote is not None and last_quote.speaker and (
                _continues(doc, last_quote, a)):
            a.speaker, a.role, a.mention = last_quote.speaker, last_quote.role, last_quote.mention
            a.inherited = True
        if a.kind == "direct" or a.speaker:  # "…, Mr Rees said. “They do …”" goes on from reported speech
            last_quote = a
        if a.speaker:
            entities.spoke(a)
    following: Attribution | None = None
    for a in reversed(found):
        if a.kind == "indirect":
            continue
        if a.reopened and following is not None and following.speaker and not a.speaker:
            a.speaker, a.role, a.mention, a.cue = following.speaker, following.role, following.mention, following.cue
        following = a
    for a in found:
        if a.kind == "direct" and a.speaker is None and a.phrase is None and a.opened and not a.unbalanced:
            _previous_subject(doc, entities, a)


def _lead_in(doc: Doc, a: Attribution) -> None:
    """A quote after a clause that ends in a colon or comma takes that clause's subject as its phrase."""
    sent_start, _ = doc.sentence(max(0, a.start - 2))
    subject = lead_in_subject(doc.work, sent_start, a.start)
    if subject is not None:
        a.set_phrase(subject)
        a.continues = False


def _continues(doc: Doc, before: Attribution, quote: Attribution) -> bool:
    """A quote with no cue goes on from the quote before when only that quote's cue lies between them."""
    if quote.start - before.end > _CONTINUATION_REACH:
        return False
    if doc.paragraph_index(quote.start) - doc.paragraph_index(before.end) > 1:
        return False
    if quote.unbalanced and before.inherited:
        return False  # marks that do not pair up: one step from an attributed quote at most
    gap = ABBREVIATION_DOT.sub("", doc.work[before.end:quote.start])  # "Mr." ends no sentence
    if before.kind != "direct":  # reported speech whose cue closes the sentence: "…, Mr Rees said. “They do …”"
        return quote.opened and not quote.unbalanced and _ends_with_cue(gap, before.cue)
    if not quote.opened:  # no opening mark: where the quote starts is a guess, so only a quote right before counts
        return len(gap.split()) <= 1
    breaks = _SENTENCE_BREAK.findall(gap)
    words = len(gap.split())
    if words <= _CONTINUATION_WORDS and len(breaks) <= 1:
        return True
    # one sentence, the cue of the quote before: "…,” Vincent Koen, a senior economist with the OECD, told …. “…"
    return len(breaks) <= 1 and words <= _CUE_SENTENCE_WORDS and before.cue is not None and (
        _SENTENCE_END.search(gap.rstrip(" \t“\"‘'")) is not None)


def _ends_with_cue(gap: str, cue: str | None) -> bool:
    """The words between reported speech and a quote are its cue and nothing more: one sentence that names the
    speaker after the reported words, in the same or the next paragraph."""
    if cue is None or len(_SENTENCE_BREAK.findall(gap)) != 1 or _SENTENCE_END.search(gap.rstrip(" \t\n“\"‘'")) is None:
        return False
    return len(gap.split()) <= _CUE_SENTENCE_WORDS and re.search(rf"\b{re.escape(cue.split()[0])}\b", gap) is not None


def _previous_subject(doc: Doc, entities: EntityIndex, a: Attribution) -> None:
    """The subject of the sentence before the quote, or of the one before that when the sentence before has
    no subject we can read; a subject that names no one ("It is not known …", "The rain …") ends the search,
    and so does a one-word name that has not spoken ("Income rose …")."""
    start, _ = doc.sentence(a.start)
    for _ in range(_SENTENCES_BACK):
        if start == 0:
            return
        before, _ = doc.sentence(start - 1)
        while before > 0 and not doc.work[before:start].strip():
            before, _ = doc.sentence(before - 1)
        subject = sentence_subject(doc.work, before, start)
        if subject is not None:
            if subject.group("pron") and subject.group("pron").lower() in ("it", "they"):
                return
            probe = Attribution(before, before, a.kind)
            probe.set_phrase(subject)
            known = entities.known(probe.phrase or "")
            entities.resolve(probe)
            if probe.speaker and (known or probe.phrase_type != "np" or " " in probe.speaker):
                a.speaker, a.role = probe.speaker, probe.role
            return
        start = before
