"""Finding who a quote is attributed to (reported speech without marks is in reported.py).

Both return Attributions that still carry the speaker *phrase* ("he", "the
commander", "Richard Leask, an RAF commander"); entities.py turns the phrase
into a canonical name once the whole document is known.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from factcli.extract.quotes.cues import (
    ABBREVIATION_DOT,
    CUE,
    FINITE_AFTER,
    LABEL_FORMS,
    SENTENCE_SUBJECT,
    SUBJECT_AFTER_VERB,
    sentence_subject,
    skip_complement,
    skip_that,
    source_after,
    subject_before,
    verb_lemma,
)
from factcli.extract.quotes.doc import Doc
from factcli.extract.quotes.marks import QuotedSpan

_REACH = 250  # how far from a quote its cue may be
_PARTIAL_REACH = 250
SENTENCE_REACH = 600  # sentences are cut to this much text around a cue, so a huge "sentence" costs no more
# Consumes its first character ("," ";" or a space) before telling the branches apart by looking back at it,
# so that the regex engine skips straight to those characters.
_CLAUSE_BREAK = re.compile(r"[,;\s](?:(?<=,)\s+(?:and|but)\s|(?<=;)|(?<=\s)[—–]\s)")  # ", and " ";" " — "
SUBJECT_REACH = 140  # longest speaker phrase before its verb, apposition included
_LATER_CUES = 3  # cue verbs looked at after a fragment
_TITLE_WORDS = 6  # a fragment this short in Title Case names a work or a thing
_TITLE_LINKS = frozenset("a an the of and in on to for with at by from or".split())
_NAMING_VERBS = frozenset("called named titled entitled dubbed".split())
_MENTIONED = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+(?:word|term|phrase|slogan|hashtag|motto|catchphrase|"
                        r"nickname)\s*$")
_SCARE_WORDS = 4  # a fragment this short with no cue is a term, not a quote
# Words before a cue verb that make it no report: "to say" (but "went on to say" reports), "was told", "would
# tell", "the said".
NOT_A_CUE_BEFORE = re.compile(r"(?:\b(?:(?<!\bon\s)to|is|are|was|were|been|be|being|not|never|n’t|n't|who|the|a|an|"
                               r"I|we|you|would|could|should|might|may|will|can|must|shall)|[’']s)\s+$")
DOCUMENTS = re.compile(r"\b(?:decree|law|document|documents|court\s+filings?|filings?|indictment|warrant|website|"
                        r"records?|papers?)\b")
_WORDS = re.compile(r"[^\W_]+")
# Verbs by which a sentence's subject voices the words it sets in marks ("The NAO found", "He apologised for").
_EXPRESSES = re.compile(
    r"\s+(?:[a-z]+ly\s+|also\s+)?(?:(?:has|have|had)\s+)?(?:said|says|told|found|finds|concluded|gave|gives|"
    r"offered|expressed|apologi[sz]ed|dubbed|called|described|branded|labell?ed|hailed|praised|condemned|"
    r"critici[sz]ed|warned|admitted|(?:is|was|are|were)\s+(?:concerned|worried|confident))\b")
_COPULA_BEFORE = re.compile(r"\s+(?:is|was|are|were)(?:\s+[a-z]+ly)?\s*")  # "a spokeswoman was “satisfied”"


@dataclass(slots=True)
class Attribution:
    """A quote found in the text, with the raw speaker phrase until it is resolved."""

    start: int
    end: int
    kind: str
    cue: str | None = None
    phrase: str | None = None
    phrase_type: str | None = None  # "pron", "np" or "desc"
    appos: str | None = None
    continues: bool = False  # no cue of its own: it may continue the previous quote
    opened: bool = True  # has an opening mark (not recovered from a closing mark alone)
    unbalanced: bool = False  # from a paragraph whose marks do not pair up
    inherited: bool = False  # the speaker came from the quote before
    reopened: bool = False
    speaker: str | None = None
    role: str | None = None
    mention: str | None = None

    def set_phrase(self, subject: re.Match) -> None:
        """Take the speaker phrase from a match of cues.py's subject patterns."""
        self.phrase, self.phrase_type, self.appos = _phrase_of(subject)


@dataclass(slots=True)
class _Cue:
    cue: str
    phrase: str | None
    phrase_type: str | None
    appos: str | None
    introduces: bool  # nothing but punctuation between the cue and the quote


def attribute_quote(doc: Doc, span: QuotedSpan, following: int | None) -> Attribution | None:
    """Kind, cue and speaker phrase of one quoted span."""
    work = doc.work
    sent_start, sent_end = doc.sentences_of(span.outer_start, span.outer_end)
    sent_start = max(sent_start, span.outer_start - SENTENCE_REACH)
    sent_end = min(sent_end, span.outer_end + SENTENCE_REACH)
    head_start = max(sent_start, span.outer_start - _REACH)
    tail_end = min(sent_end, following if following is not None and following > span.outer_end else sent_end,
                   span.outer_end + _REACH)
    head = work[head_start:span.outer_start]
    opened = span.outer_start < span.start
    after = _cue_after(work, span.outer_end, tail_end) if span.closed or not opened else None
    stripped = head.strip(" \t([—–-")
    needs_before = stripped and (stripped[-1] not in ":;," or after is None or not after.introduces)
    before = _cue_before(work, head_start, span.outer_start, sent_start) if needs_before else None
    direct = (not stripped or stripped[-1] in ":;.!?" or (before is not None and before.introduces)
              or (stripped[-1] == "," and not _fragment(work, span, tail_end)))
    kind = "direct" if direct else "partial"
    cue = None
    if kind == "direct" and after is not None and after.introduces:
        cue = after
    elif before is not None:
        cue = before
    elif after is not None and (after.introduces or kind == "partial"):
        cue = after
    if kind == "partial" and cue is None:
        cue = _cue_later(work, span.outer_end, sent_end)
    words = _WORDS.findall(work, span.start, min(span.end, span.start + 200))
    if kind == "partial" and cue is None and len(words) <= _SCARE_WORDS:
        cue = _subject_cue(work, sent_start, span.outer_start)
        if cue is None:
            return None  # "little green men": a term set in marks that no one is said to have said
    named = kind == "partial" or (cue is not None and cue.cue.split(" ", 1)[0] in _NAMING_VERBS)
    if named and len(words) <= _TITLE_WORDS and all(w[:1].isupper() or w in _TITLE_LINKS for w in words):
        return None  # "the film “Gone with the Wind”", "a programme called “Learning Together”": a title
    if _MENTIONED.search(work, max(head_start, span.outer_start - 20), span.outer_start):
        return None  # "the word “pandemic”": a word mentioned, not said
    result = Attribution(span.start, span.end, kind, reopened=span.reopened, opened=opened,
                         unbalanced=span.unbalanced)
    if cue is None:
        result.continues = kind == "direct"
        return result
    result.cue, result.phrase = cue.cue or None, cue.phrase
    result.phrase_type, result.appos = cue.phrase_type, cue.appos
    return result


def _subject_cue(work: str, sent_start: int, quote_start: int) -> _Cue | None:
    """The sentence's subject for a short fragment with no cue verb: a person or body whose own sentence sets
    words in marks ("a spokeswoman was “satisfied”", "He apologised for “a genuine mistake”") is quoting them."""
    subject = sentence_subject(work, sent_start, quote_start)
    if subject is None:
        return None
    predicate = work[subject.end():quote_start]
    if not (_EXPRESSES.match(predicate) or _COPULA_BEFORE.fullmatch(predicate)):
        return None  # "Putin signed laws that prohibit “discrediting”": a term, not his words
    return _Cue("", *_phrase_of(subject), False)


def _fragment(work: str, span: QuotedSpan, tail_end: int) -> bool:
    """A lowercase quote that the writer's sentence goes on after: "…, “ensure we know” and keep …"."""
    if not work[span.start:span.start + 1].islower():
        return False
    tail = work[span.outer_end:tail_end]
    return bool(re.match(r"\s+(?:and|or|but|to|of|in|for|with|that)\s", tail))


def _cue_before(work: str, lo: int, hi: int, sent_start: int) -> _Cue | None:
    """The last cue verb before a quote, in its sentence: "Kirby said: “…”", "Kirby said the US is “…”"."""
    last = None
    for match in CUE.finditer(work, lo, hi):
        last = match
    if last is None or hi - last.end() > _PARTIAL_REACH or _CLAUSE_BREAK.search(work, last.end(), hi):
        return None
    lemma = verb_lemma(last)
    pos = skip_complement(work, last.end(), hi, lemma)
    pos, _ = skip_that(work, pos, hi)
    introduces = not work[pos:hi].strip(" \t,:—–-")
    if lemma == "according to":
        subject = source_after(work, last.end(), hi)
        return _make_cue(work, last, pos, subject, introduces) if subject else None
    relative = introduces and work.endswith("who ", 0, last.start())  # "Tessa Jowell who said: “…”"
    if NOT_A_CUE_BEFORE.search(work, max(0, last.start() - 12), last.start()) and not (
            last.group().endswith("ing") or relative):
        return None
    subject = subject_of(work, last, sent_start)
    if subject is None and not last.group().endswith("ing") and last.group() not in LABEL_FORMS:
        inverted = SUBJECT_AFTER_VERB.match(work, last.end(), hi)  # "said Ms Ortiz: “…”"
        between = work[inverted.end():hi] if inverted else ""
        if inverted is not None and not between.strip(" ,:") and (between.strip() or _interrupts(work, last, lo)):
            subject, introduces = inverted, True
    if subject is None:
        return _Cue(cue_words(work, last, pos), None, None, None, introduces)  # "employers rejected … as “…”"
    return _make_cue(work, last, pos, subject, introduces)


def _interrupts(work: str, cue: re.Match, lo: int) -> bool:
    """Whether an inverted cue stands between two parts of one quote, with no commas to set it off, as some
    outlets print it: "“We stand ready” tweeted Johnson “to provide …”"."""
    return work[lo:cue.start()].rstrip(" \t,")[-1:] in ("”", '"', "’", "'")


def _cue_after(work: str, lo: int, hi: int) -> _Cue | None:
    """A cue right after a quote: "…,” Kirby said", "…,” said the minister", "…,” according to X"."""
    match = CUE.search(work, lo, min(hi, lo + 160))
    if match is None:
        return None
    gap = work[lo:match.start()]
    plain = ABBREVIATION_DOT.sub("", gap)  # "…,” Mr. Clarke said": no sentence ends at "Mr."
    if any(c in plain for c in ".!?;“”\"") and gap.strip(" ,.!?”\"’'—–-)") and "," not in gap.lstrip(" ,"):
        return None
    lemma = verb_lemma(match)
    pos = skip_complement(work, match.end(), hi, lemma)
    if not gap.strip(" ,.!?”\"’'—–-"):
        if lemma == "according to":
            subject = source_after(work, match.end(), hi)
        else:
            subject = SUBJECT_AFTER_VERB.match(work, match.end(), hi)
        if subject is None:
            return None
        return _make_cue(work, match, pos, subject, True)  # "…,” said the minister
    if lemma == "according to":
        return None
    subject = subject_before(work, lo, match.start())
    if subject is None or not _LOWER_LEAD.fullmatch(work, lo, subject.start()):
        return None  # only the quote's closing punctuation, or "mobile analyst", may come before the speaker
    return _make_cue(work, match, pos, subject, True)


def _cue_later(work: str, lo: int, hi: int) -> _Cue | None:
    """For a fragment inside the writer's sentence: a cue further on (", according to X", ", X said")."""
    for n, match in enumerate(CUE.finditer(work, lo, min(hi, lo + 2 * _REACH))):
        if n == _LATER_CUES:
            break
        lemma = verb_lemma(match)
        pos = skip_complement(work, match.end(), hi, lemma)
        if lemma == "according to":
            subject = source_after(work, match.end(), hi)
            if subject and DOCUMENTS.search(subject.group()):
                return _Cue("according to", None, None, None, False)
            if subject:
                return _make_cue(work, match, pos, subject, False)
            continue
        subject = subject_before(work, max(lo, match.start() - SUBJECT_REACH), match.start())
        if subject and work[max(lo, subject.start() - 2):subject.start()].strip() in (",", "”", '"', ",”", ',"'):
            return _make_cue(work, match, pos, subject, False)
    return None


def subject_of(work: str, verb: re.Match, sent_start: int) -> re.Match | None:
    """The speaker phrase of a cue verb: the words before it, or the sentence's subject for "…, saying"."""
    lo = max(sent_start, verb.start() - SUBJECT_REACH)
    before = work[lo:verb.start()]
    participle = verb.group().endswith("ing")
    ends_comma = before.rstrip().endswith(",")
    coordinated = before.endswith(("and ", "but "))  # "… and said", "… but denied"
    if not coordinated:
        # "Kirby said", "Habeck, a Green, added", "with Peskov describing"
        subject = subject_before(work, lo, verb.start())
        if subject is not None and (not participle or subject.group("np")):
            return subject
    if ends_comma and not participle:
        subject = subject_before(work, lo, verb.start() - 2)  # "the prosecutor, Karim Khan, said"
        if subject is not None and subject.group("np") and subject.group("np").split()[-1][:1].isupper() and (
                subject.start() == sent_start or _ROLE_AFTER_COMMA.search(work, max(lo, subject.start() - 80),
                                                                         subject.start())):
            return subject  # also "Another co-author, engineering professor Julian Marshall, said"
    if not (participle or ends_comma or coordinated):
        return None
    starts = [sent_start] + [m.end() for m in _CLAUSE_COMMA.finditer(work, sent_start, lo + len(before))]
    for start in starts[:8]:
        subject = SENTENCE_SUBJECT.match(work, start, verb.start())
        if subject and FINITE_AFTER.match(work, subject.end(), verb.end()):
            return subject
    return None


def cue_words(work: str, verb: re.Match, cue_end: int) -> str:
    """The cue as printed: the verb with its object or medium ("told CNN", "said in a statement")."""
    cue = " ".join(work[verb.start():max(verb.end(), cue_end)].split()).rstrip(",:;.")
    return cue if len(cue) <= 60 else verb.group()


def _make_cue(work: str, verb: re.Match, cue_end: int, subject: re.Match, introduces: bool) -> _Cue:
    cue = cue_words(work, verb, cue_end)
    phrase, phrase_type, appos = _phrase_of(subject)
    return _Cue(cue, phrase, phrase_type, appos, introduces)


def _phrase_of(subject: re.Match) -> tuple[str | None, str | None, str | None]:
    """(phrase, type, apposition); in "the head of the office, Andriy Yermak" the name is the phrase."""
    groups = subject.groupdict()
    if groups.get("name2"):
        return groups["name2"], "np", groups.get("np") or groups.get("desc")
    appos, head = groups.get("appos"), groups.get("desc") or groups.get("np")
    named = _NAME_AT_END.search(appos) if appos and head and head.split()[-1][:1].islower() else None
    if named:  # "The study's lead author, doctoral candidate Maninder Thind, said": the name is the phrase
        return appos, "np", head
    for name in ("pron", "np", "desc"):
        phrase = groups.get(name)
        if phrase and name == "np" and groups.get("lead"):
            phrase = groups["lead"] + phrase  # "committee chairman Kostas Panagopoulos"
        if phrase:
            if name == "np" and phrase.split()[-1][:1].islower() and phrase[:1] in "Tt" and not _OWNER.search(phrase):
                name = "desc"  # "the commander", "the Ukrainian official"
            return phrase, name, groups.get("appos")
    return None, None, None


_LOWER_LEAD = re.compile(r"[\s,.!?”\"’'—–-]*(?:[a-z][\w\-]*\s+){0,2}")
_OWNER = re.compile(r"[’']s?\s")
_NAME_AT_END = re.compile(r"[A-Z][\w’'\-]+\s+[A-Z][\w’'\-]+$")
_ROLE_AFTER_COMMA = re.compile(r", (?:[a-z][\w\-]* ){0,6}$")
_CLAUSE_COMMA = re.compile(r",[”\"’]?\s+")


