"""Finding who a quote is attributed to, and reported speech without marks.

Both return Attributions that still carry the speaker *phrase* ("he", "the
commander", "Richard Leask, an RAF commander"); entities.py turns the phrase
into a canonical name once the whole document is known.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from factcli.extract.quotes.cues import (
    ABBREVIATION_DOT,
    CUE,
    FINITE_AFTER,
    LABEL_FORMS,
    NOUN_OBJECT_LEMMAS,
    QUOTE_ONLY_LEMMAS,
    SENTENCE_SUBJECT,
    SUBJECT_AFTER_VERB,
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
_SENTENCE_REACH = 600  # sentences are cut to this much text around a cue, so a huge "sentence" costs no more
# The next two patterns consume their first character ("," ";" or a space) before telling the branches apart
# by looking back at it, so that the regex engine skips straight to those characters.
_CLAUSE_BREAK = re.compile(r"[,;\s](?:(?<=,)\s+(?:and|but)\s|(?<=;)|(?<=\s)[—–]\s)")  # ", and " ";" " — "
_SUBJECT_REACH = 140  # longest speaker phrase before its verb, apposition included
_LATER_CUES = 3  # cue verbs looked at after a fragment
_TITLE_WORDS = 6  # a fragment this short in Title Case names a work or a thing
_TITLE_LINKS = frozenset("a an the of and in on to for with at by from or".split())
_SCARE_WORDS = 4  # a fragment this short with no cue is a term, not a quote
_QUOTE_OPEN = re.compile(r"\s*[:,]?\s*[“\"‘'„«]")
# Words before a cue verb that make it no report: "to say" (but "went on to say" reports), "was told", "would
# tell", "the said".
_NOT_A_CUE_BEFORE = re.compile(r"(?:\b(?:(?<!\bon\s)to|is|are|was|were|been|be|being|not|never|n’t|n't|who|the|a|an|"
                               r"I|we|you|would|could|should|might|may|will|can|must|shall)|[’']s)\s+$")
_CLAUSE_STOP = re.compile(
    r"(?<=,[”\"’])\s+(?:but|while|whereas|although|though)\b"  # "… held to account,” but he declined …"
    r"|[,;\s](?:(?<=,)\s+(?:but|while|whereas|adding|saying|according\s+to|although|though|as\s+well\s+as|amid"
    r"|[a-z]+ing)\b"
    r"|(?<=\s)\s*but\s+(?=[a-z]+ed\b)|(?<=,)(?P<quote>\s*[“\"])"
    r"|(?<=;)\s|(?<=\s)\s*and\s+(?:also\s+)?(?:said|says|added|claimed|warned|argued|insisted|called|accused|urged|"
    r"told|stressed|noted|saying|adding|calling|urging|warning|insisting|claiming)\b|(?<=\s)(?P<dash>[—–-])\s|(?<=\s)\s*(?:according\s+to)\b)"
)
_FINDINGS = re.compile(r"\b(?:data|figures|survey|surveys|study|studies|poll|polls|estimates?|research|statistics|"
                       r"analysis|records|census|forecasts?|results|index|calculations|numbers|reports?)\b")
_DOCUMENTS = re.compile(r"\b(?:decree|law|document|documents|court\s+filings?|filings?|indictment|warrant|website|"
                        r"records?|papers?)\b")
# What follows a cue verb that is not a reported clause: "warned of", "added to", "said nothing".
_NOT_A_CLAUSE = re.compile(r"\s*(?:of|to|in|on|at|for|with|by|from|about|up|out|off|over|into|after|before|so|as|"
                           r"nothing|something|anything|goodbye|yes|no|sorry|hello|thanks|more|less|much|little|"
                           r"a\s+(?:lot|word|few)|what|which|why|how|when|where|whether|if|and|or|but)\b|\s*[,.;:!?)]")
# Verbs whose object and reason ("condemned officials for not talking") are what was said.
_REASON_LEMMAS = frozenset("blame condemn criticise criticize".split())
_TO_LEMMAS = frozenset("claim promise pledge vow threaten urge deny admit".split())
_WORDS = re.compile(r"[^\W_]+")


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
    sent_start = max(sent_start, span.outer_start - _SENTENCE_REACH)
    sent_end = min(sent_end, span.outer_end + _SENTENCE_REACH)
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
        return None  # "little green men": a term set in marks that no one is said to have said
    if kind == "partial" and len(words) <= _TITLE_WORDS and all(w[:1].isupper() or w in _TITLE_LINKS for w in words):
        return None  # "the film “Gone with the Wind”": a title, not speech
    result = Attribution(span.start, span.end, kind, reopened=span.reopened, opened=opened,
                         unbalanced=span.unbalanced)
    if cue is None:
        result.continues = kind == "direct"
        return result
    result.cue, result.phrase, result.phrase_type, result.appos = cue.cue, cue.phrase, cue.phrase_type, cue.appos
    return result


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
    if _NOT_A_CUE_BEFORE.search(work, max(0, last.start() - 12), last.start()) and not (
            last.group().endswith("ing") or relative):
        return None
    subject = _subject_of(work, last, sent_start)
    if subject is None and not last.group().endswith("ing") and last.group() not in LABEL_FORMS:
        inverted = SUBJECT_AFTER_VERB.match(work, last.end(), hi)  # "said Ms Ortiz: “…”"
        between = work[inverted.end():hi] if inverted else ""
        if inverted is not None and between.strip() and not between.strip(" ,:"):
            subject, introduces = inverted, True
    if subject is None:
        return _Cue(_cue_words(work, last, pos), None, None, None, introduces)  # "employers rejected … as “…”"
    return _make_cue(work, last, pos, subject, introduces)


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
            if subject and _DOCUMENTS.search(subject.group()):
                return _Cue("according to", None, None, None, False)
            if subject:
                return _make_cue(work, match, pos, subject, False)
            continue
        subject = subject_before(work, max(lo, match.start() - _SUBJECT_REACH), match.start())
        if subject and work[max(lo, subject.start() - 2):subject.start()].strip() in (",", "”", '"', ",”", ',"'):
            return _make_cue(work, match, pos, subject, False)
    return None


def _subject_of(work: str, verb: re.Match, sent_start: int) -> re.Match | None:
    """The speaker phrase of a cue verb: the words before it, or the sentence's subject for "…, saying"."""
    lo = max(sent_start, verb.start() - _SUBJECT_REACH)
    before = work[lo:verb.start()]
    participle = verb.group().endswith("ing")
    ends_comma = before.rstrip().endswith(",")
    coordinated = before.endswith("and ")  # "… and said"
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


def _cue_words(work: str, verb: re.Match, cue_end: int) -> str:
    """The cue as printed: the verb with its object or medium ("told CNN", "said in a statement")."""
    cue = " ".join(work[verb.start():max(verb.end(), cue_end)].split()).rstrip(",:;.")
    return cue if len(cue) <= 60 else verb.group()


def _make_cue(work: str, verb: re.Match, cue_end: int, subject: re.Match, introduces: bool) -> _Cue:
    cue = _cue_words(work, verb, cue_end)
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


def find_indirect(doc: Doc, quoted: Callable[[int], bool]) -> Iterator[Attribution]:
    """Reported speech: "Kirby said the US wants …", "…, according to X", "X accused Y of …"."""
    work = doc.work
    for match in CUE.finditer(work):
        if quoted(match.start()):
            continue
        cue_end = None
        if match.group() in LABEL_FORMS:  # "called the plan “…”" labels; "calling for Russia to leave" reports
            call_on = _CALL_ON.match(work, match.end()) if verb_lemma(match) == "call" else None
            if call_on is None:
                continue
            cue_end = call_on.end()
        lemma = verb_lemma(match)
        if lemma in QUOTE_ONLY_LEMMAS:
            continue
        sent_start, sent_end = doc.sentence(match.start())
        sent_start = max(sent_start, match.start() - _SENTENCE_REACH)
        sent_end = min(sent_end, match.end() + _SENTENCE_REACH)
        if lemma == "according to":
            found = _according_to(work, match, sent_start, sent_end)
        else:
            found = _reported(work, match, lemma, sent_start, sent_end, cue_end or match.end())
        if found is not None:
            yield found


def _according_to(work: str, match: re.Match, sent_start: int, sent_end: int) -> Attribution | None:
    subject = source_after(work, match.end(), sent_end)
    source = work[match.end():max(subject.end() if subject else 0, min(sent_end, match.end() + 60))]
    if _FINDINGS.search(source) and not re.search(r"\bstatement\b", source):
        return None  # "according to customs data" is a finding, not speech
    if not work[sent_start:match.start()].strip():
        comma = work.find(",", match.end(), sent_end)
        if comma < 0:
            return None
        clause = _trim(work, comma + 1, sent_end)
    else:
        clause = _trim(work, sent_start, match.start())
    if clause is None:
        return None
    result = Attribution(clause[0], clause[1], "indirect", cue="according to")
    if subject is not None and not _DOCUMENTS.search(source):
        _set_phrase(result, subject)
    return result


def _reported(work: str, match: re.Match, lemma: str, sent_start: int, sent_end: int,
              cue_end: int) -> Attribution | None:
    if _NOT_A_CUE_BEFORE.search(work, max(sent_start, match.start() - 12), match.start()):
        return None
    after_quote = _AFTER_A_QUOTE.search(work, max(sent_start, match.start() - 60), match.start())
    if after_quote and not _closes_a_fragment(work, sent_start, after_quote.start()):
        return None  # "…,” he said": the cue of a direct quote
    pos = skip_complement(work, cue_end, sent_end, lemma)
    after_cue = pos
    pos, had_that = skip_that(work, pos, sent_end)
    rest = work[pos:sent_end]
    if _QUOTE_OPEN.match(rest) or _WORD_THEN_QUOTE.match(rest):
        return None  # "he said: “…”", "he said only: “…”"
    if match.group() == "adding" and not had_that and not _STARTS_PRONOUN.match(rest):
        return None  # "adding a second goal": a noun, not a clause
    if _TRAILING_PARTICIPLE.match(rest):
        rest = ""  # "…, the office said on Thursday, confirming fears of a recession."
    inverted = SUBJECT_AFTER_VERB.match(work, pos, sent_end) if work[max(sent_start, match.start() - 2):
                                                                        match.start()] == ", " else None
    if inverted is not None and not work[inverted.end():sent_end].strip(" .,!?"):
        rest = ""  # "The variety of ways was only helping users, said Mr Chandratillake."
    if rest.strip(" .!?\"”’'"):
        if rest.startswith(","):
            return _interrupted(work, match, sent_start, sent_end, pos, after_cue)
        if (lemma in NOUN_OBJECT_LEMMAS and not had_that and not _STARTS_PRONOUN.match(rest)
                and not (lemma in _REASON_LEMMAS and " for " in rest)):
            return None  # "announced a plan"; but "blamed Ukraine for the attacks" reports what was said
        if lemma == "accuse" and " of " not in rest:
            return None
        if not had_that and _NOT_A_CLAUSE.match(rest) and not (lemma in _TO_LEMMAS and rest.lstrip()[:3] == "to "):
            return None
        subject = _subject_of(work, match, sent_start)
        if subject is None:
            return None
        end = _clause_end(work, pos, sent_end)
        if _SUBORDINATE.match(work, sent_start) and "," not in work[sent_start:match.start()]:
            comma = work.find(", ", pos, end)  # "While officials have said they will …, Zelensky has not …"
            end = comma if comma >= 0 else end
        clause = _trim(work, pos, end)
        if clause is None:
            return None
        result = Attribution(clause[0], clause[1], "indirect", cue=_cue_words(work, match, after_cue))
        _set_phrase(result, subject)
        return result
    # the reported clause comes first: "Turkey will work to …, the minister said.", "…, said Mr Okafor."
    subject = None if inverted is not None else _subject_of(work, match, sent_start)
    if subject is not None:
        comma_end = subject.start()
    else:
        inverted = inverted or SUBJECT_AFTER_VERB.match(work, match.end(), sent_end)
        if inverted is None or work[inverted.end():sent_end].strip(" .,!?"):
            return None
        subject, comma_end = inverted, match.start()
    gap = work[max(sent_start, comma_end - 3):comma_end]
    if "," not in gap:
        return None
    comma = work.rfind(",", sent_start, comma_end)
    clause_start = sent_start
    for quoted_end in _QUOTED_SENTENCE_END.finditer(work, sent_start, comma):
        clause_start = quoted_end.end()
    clause = _trim(work, clause_start, comma)
    if clause is None or _is_one_quote(work, clause):
        return None
    result = Attribution(clause[0], clause[1], "indirect", cue=_cue_words(work, match, after_cue))
    _set_phrase(result, subject)
    return result


_QUOTED_SENTENCE_END = re.compile(r"[.!?…][”\"’]\s+")  # a quoted sentence ends: the writer's clause starts after
_DATELINE = re.compile(r"[A-Z][A-Z .,'\-]{2,40}(?:\([\w .]{1,20}\))?\s*[—–-]+\s")
_LOWER_LEAD = re.compile(r"[\s,.!?”\"’'—–-]*(?:[a-z][\w\-]*\s+){0,2}")
_WORD_THEN_QUOTE = re.compile(r"\s*\w+\s*:\s*[“\"‘']")
_TRAILING_PARTICIPLE = re.compile(r",\s+[a-z]+ing\b")
_CLOSER = re.compile(r"[”\"]")
_DASH = re.compile(r"\s[—–-]\s|[—–]")
_CALL_ON = re.compile(r"\s+(?:for|on|upon)(?=\s)")
_SUBORDINATE = re.compile(r"[\s\W]*(?:While|Although|Though|Whereas|Even\s+though|Because|Since|Unless)\s")
_CLAUSE_OPENING = re.compile(r"\s[—–-]\s|[:;]\s")  # where a clause can start inside a sentence
_OWNER = re.compile(r"[’']s?\s")
_NAME_AT_END = re.compile(r"[A-Z][\w’'\-]+\s+[A-Z][\w’'\-]+$")
_ROLE_AFTER_COMMA = re.compile(r", (?:[a-z][\w\-]* ){0,6}$")
_CLAUSE_COMMA = re.compile(r",[”\"’]?\s+")
# a closing mark, not the apostrophe of a plural possessive ("The athletes' lawyer Grigoris Ioanidis said")
_AFTER_A_QUOTE = re.compile(r"(?:[”\"]|(?<![sS])[’']),?\s+(?:[\w’'.\-]+\s+){0,4}$")
_STARTS_PRONOUN = re.compile(r"\s*(?:it|he|she|they|we|there|I)\b")


def _interrupted(work: str, match: re.Match, sent_start: int, sent_end: int, pos: int,
                 after_cue: int) -> Attribution | None:
    """A cue inside the clause it reports: "the rest, he said, are being serviced …"."""
    subject = _subject_of(work, match, sent_start)
    if subject is None or work[subject.start() - 2:subject.start()] != ", ":
        return None
    head_start = sent_start
    for boundary in _CLAUSE_OPENING.finditer(work, sent_start, subject.start() - 2):
        head_start = boundary.end()
    if len(work[head_start:subject.start() - 2].split()) < 2:
        return None
    clause = _trim(work, head_start, _clause_end(work, pos + 1, sent_end))
    if clause is None or len(work[pos + 1:clause[1]].split()) < 2:
        return None
    result = Attribution(clause[0], clause[1], "indirect", cue=_cue_words(work, match, after_cue))
    _set_phrase(result, subject)
    return result


def _closes_a_fragment(work: str, sent_start: int, close: int) -> bool:
    """True when the quote closing at `close` opened inside the writer's sentence ("X is “very unlikely,” he said"):
    the sentence reports speech and quotes a fragment of it, so it is indirect speech as well."""
    opening = max(work.rfind("“", sent_start, close), work.rfind('"', sent_start, close))
    lead = work[sent_start:opening].rstrip() if opening > sent_start else ""
    return lead[-1:].isalnum() and len(lead.split()) >= 2  # opened mid-clause, not after ", " or ". "


def _clause_end(work: str, pos: int, sent_end: int) -> int:
    """Where a reported clause stops: before ", but", ", adding", "; " or a direct quote with its own cue."""
    for stop in _CLAUSE_STOP.finditer(work, pos, sent_end):
        if stop.group("dash") and (_DASH.search(work, pos, stop.start()) or _DASH.search(work, stop.end(), sent_end)):
            continue  # one of a pair: "the election - widely tipped for May - would be"; a lone dash ends it
        if not stop.group("quote"):
            return stop.start()
        close = _CLOSER.search(work, stop.end(), sent_end)
        if close and CUE.search(work, close.end(), min(sent_end, close.end() + 40)):
            return stop.start()  # "…, “but I think so,” he said": the quote is direct, not part of the clause
    return sent_end


def _is_one_quote(work: str, clause: tuple[int, int]) -> bool:
    """True when the clause is nothing but a quotation (a direct quote, not reported speech)."""
    words = work[clause[0]:clause[1]]
    if words[:1] not in "“\"‘'„«":
        return False
    closers = "’'" if words[0] in "‘'" else "”\"“»"  # an apostrophe ("We’re") closes no double quote
    inner = words[1:]
    return not any(c in inner[:-2] for c in closers) or inner.rstrip(",.”\"’' ")[-1:] in "”\""


def _trim(work: str, start: int, end: int) -> tuple[int, int] | None:
    """Strip space and joining punctuation from a clause; None when too short to be one."""
    while start < end and work[start] in "•*·–—- \t":
        start += 1  # a bullet
    dateline = _DATELINE.match(work, start, end)
    if dateline:  # "WASHINGTON (AP) — …"
        start = dateline.end()
    while start < end and (work[start].isspace() or work[start] in ",:;—–-"):
        start += 1
    while end > start and (work[end - 1].isspace() or work[end - 1] in ",;:—–-."):
        end -= 1
    if work.count(" ", start, min(end, start + 200)) < 2:
        return None  # fewer than three words
    return (start, end)


def _set_phrase(result: Attribution, subject: re.Match) -> None:
    result.set_phrase(subject)
