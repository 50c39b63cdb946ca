"""Reported speech without quotation marks: "Kirby said the US wants …", "…, according to X",
"X urged Y to …", "X denied any wrongdoing".

Each cue verb outside quotation marks is tried; the reported clause is cut from its sentence (after the verb, or
before it when the cue follows the clause) and the speaker phrase is left for entities.py to resolve, as for
quotes.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from factcli.extract.quotes.attribution import (
    DOCUMENTS,
    NOT_A_CUE_BEFORE,
    SENTENCE_REACH,
    SUBJECT_REACH,
    Attribution,
    cue_words,
    subject_of,
)
from factcli.extract.quotes.cues import (
    CUE,
    LABEL_FORMS,
    LEMMA_OF,
    NOUN_OBJECT_LEMMAS,
    OBJECT_TO_LEMMAS,
    QUOTE_ONLY_LEMMAS,
    SUBJECT_AFTER_VERB,
    alternation,
    skip_complement,
    skip_that,
    source_after,
    subject_before,
    verb_lemma,
)
from factcli.extract.quotes.doc import Doc

_QUOTE_OPEN = re.compile(r"\s*[:,]?\s*[“\"‘'„«]")
# Past forms of the cue verbs: "… and promised the powers would …" starts a second report.
_CUE_PAST = alternation(sorted(form for form in LEMMA_OF if form.endswith("ed") or form in ("said", "told", "wrote")))
# Consumes its first character ("," ";" ":" or a space) before telling the branches apart by looking back at
# it, so that the regex engine skips straight to those characters.
_CLAUSE_STOP = re.compile(
    r"(?<=,[”\"’])\s+(?:but|while|whereas|although|though)\b"  # "… held to account,” but he declined …"
    r"|[,;:\s](?:(?<=:)\s*[“\"‘]|(?<=,)\s+(?:but|while|whereas|adding|saying|according\s+to|although|though"
    r"|as\s+well\s+as|amid|(?!including|excluding|involving|notably)[a-z]+ing)\b"
    r"|(?<=\s)\s*but\s+(?:also\s+|then\s+|at\s+the\s+same\s+time\s+)?(?=[a-z]+ed\b)|(?<=,)(?P<quote>\s*[“\"])"
    r"|(?<=,)\s+and\s+(?:also\s+|then\s+)?[a-z]+ed\s"  # "…, and mentioned a possible arbitration route"
    r"|(?<=\s)\s*and\s+(?:also\s+|then\s+)?(?:spoke|met|went|made|took|gave|left|sent|held|sought|flew)\s"
    rf"|(?<=;)\s|(?<=\s)\s*(?:and|but)\s+(?:also\s+|then\s+)?(?:{_CUE_PAST}|saying|adding|calling|urging|warning|"
    r"insisting|claiming)\b|(?<=,)\s+(?:which|who)\s+(?:\w+\s+){0,2}?(?:" + _CUE_PAST + r"|says|say)\b"
    r"|(?<=\s)(?P<dash>[—–-])\s|(?<=\s)\s*(?:according\s+to)\b)"
)
# Head nouns of findings and data: "figures showed" and "according to customs data" report no speech.
_FINDINGS = re.compile(r"(?:data|figures|survey|surveys|study|studies|poll|polls|estimates?|research|statistics|"
                       r"analysis|records|census|forecasts?|results|index|calculations|numbers)")
# The source "according to" names, up to the clause it reports; a finding when its head noun is one
# ("customs data", "figures revealed by …", "the Bank's figures"), not when such a word only modifies it
# ("the research team").
_SOURCE = re.compile(r"[^,;:.!?]*")
_FINDING_BY = re.compile(r"\b" + _FINDINGS.pattern + r"\s+(?:by|from|of|for)\s+$")
_FINDING_SOURCE = re.compile(r"\s*(?:\S+\s+){0,4}?" + _FINDINGS.pattern +
                             r"(?=\s*$|\s+(?:from|by|of|in|on|for|at|to|and|that|[a-z]+ed|[a-z]+ing)\b)")
# What follows a cue verb that is not a reported clause: "warned of", "added to", "said nothing".
_NOT_A_CLAUSE = re.compile(r"\s*(?:of|to|in|on|at|for|with|by|from|about|up|out|off|over|into|after|before|so|as|"
                           r"nothing|something|anything|goodbye|yes|no|sorry|hello|thanks|more|less|much|little|"
                           r"a\s+(?:lot|word|few)|what|which|why|how|when|where|whether|if|and|or|but)\b|\s*[,.;:!?)]")
# Verbs whose object and reason ("condemned officials for not talking") are what was said.
_REASON_LEMMAS = frozenset("blame condemn criticise criticize praise".split())
# An object and an infinitive after "urged", "asked": the object is not a preposition, "that" or a clause.
_OBJECT_TO = re.compile(r"\s+(?!(?:to|that|of|on|for|about|in|at|by|with|after|if|whether|it|he|she|they|we|I)\s)"
                        r"(?:(?!(?:that|had|has|have|was|were|is|are|would|will|could|should|can|may|might|did|does)\s)"
                        r"(?![a-z]+ed\s)[\w’'.\-]+\s+){1,4}?(?:not\s+)?to\s+[a-z]")
# A clause without "that" after a verb that mostly takes a noun: a short subject, then a finite verb.
_CLAUSE_AHEAD = re.compile(r"\s+(?:(?:[A-Z][\w’'\-]*\s+){1,3}(?:[a-z]+ed|has|had|is|was|were|are|would|will|could|can|"
                           r"may|might|must|should|did|does)\b|(?:the|its|his|her|their)\s+(?:(?!(?:and|or|but)\s)[\w’'\-]+\s+){1,3}?"
                           r"(?:has|had|is|was|were|are|would|will|could|can|may|might|must|should)\s)")
# What a denial denies: "any wrongdoing", "the charges", "having met him".
_DENIAL = re.compile(r"\s+(?:any|all|every|having|being)\b|\s+(?:the\s+)?(?:charges?|allegations?|claims?|accusations?|"
                     r"reports?|rumou?rs?|wrongdoing|involvement|knowledge|responsibility)\b")
# Where a noun object ends: before a relative clause or a colon, not at the commas of a list.
_PHRASE_END = re.compile(r",\s+(?:which|who|whose|where|when|while)\b|[:;(]|\s[—–-]\s")
_ASK_LEMMAS = frozenset("ask query question".split())
# "asked whether ministers had looked at …", "queried why he had failed to …"
_ASKS = re.compile(r"(?:\s+(?:him|her|them|us|me|[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,3}))?\s+"
                   r"(?P<clause>(?=(?:whether|why)\s+\w+\s+\w))")
# A noun object that states what was said: "stressed the need for talks", "denied any wrongdoing".
_SPEECH_OBJECT = re.compile(r"\s+(?:(?:the|any|all|his|her|their|its|our|a|an)\s+)?(?:[\w’'\-]+\s+){0,3}?"
                            r"(?:need|needs|importance|requirement|necessity|urgency|openness|commitment|support|"
                            r"desire|willingness|determination|intention|possibility|wrongdoing|involvement|"
                            r"responsibility|allegations?|charges?|claims?)\b")
# A noun before the clause it names: "rejected the idea Mr X posed a threat", "denied claims that …".
_IDEA_THAT = re.compile(r"\s+(?:the\s+)?(?:idea|suggestion|notion|claims?|allegations?|reports?)(?:\s+that)?\s+"
                        r"(?=[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}\s+[a-z]|"
                        r"(?:it|he|she|they|we|there|the|this|his|her|its|their)\s)")
_TO_LEMMAS = frozenset("claim promise pledge vow threaten urge deny admit".split())
_QUOTED_SENTENCE_END = re.compile(r"[.!?…][”\"’]\s+")  # a quoted sentence ends: the writer's clause starts after
_DATELINE = re.compile(r"[A-Z][A-Z .,'\-]{2,40}(?:\([\w .]{1,20}\))?\s*[—–-]+\s")
_WORD_THEN_QUOTE = re.compile(r"\s*\w+\s*:\s*[“\"‘']")
_TRAILING_PARTICIPLE = re.compile(r",\s+[a-z]+ing\b")
_CLOSER = re.compile(r"[”\"]")
_DASH = re.compile(r"\s[—–-]\s|[—–]")
_CALL_ON = re.compile(r"\s+(?:for|on|upon)(?=\s)")
_SUBORDINATE = re.compile(r"[\s\W]*(?:While|Although|Though|Whereas|Even\s+though|Because|Since|Unless|When|After|"
                          r"Before|Once|If)\s")
_CLAUSE_OPENING = re.compile(r"\s[—–-]\s|[:;]\s")  # where a clause can start inside a sentence
# a closing mark, not the apostrophe of a plural possessive ("The athletes' lawyer Grigoris Ioanidis said")
_AFTER_A_QUOTE = re.compile(r"(?:[”\"]|(?<![sS])[’']),?\s+(?:[\w’'.\-]+\s+){0,4}$")
_SHORT_LEAD = 3  # words of a sentence adverbial before "according to X," ("Longer term,", "In the long run,")
# "who said", "which recently revealed": a relative clause whose antecedent is the speaker
_RELATIVE = re.compile(r",?\s+(?:who|which)\s+(?:(?:[a-z]+ly|also|has|had|have|then)\s+)?$")
_SAID_IN = re.compile(r"\s(?:said|says|told|tells|added|adds)\s")
_WHICH = re.compile(r"\s+(?:which|whom|who|whose)\b")
_AS_LEAD = re.compile(r"[\s\W]*As\s+")
_STARTS_PRONOUN = re.compile(r"\s*(?:it|he|she|they|we|there|I)\b")


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
        sent_start, sent_end = doc.sentence(match.start())
        sent_start = max(sent_start, match.start() - SENTENCE_REACH)
        sent_end = min(sent_end, match.end() + SENTENCE_REACH)
        if lemma == "according to":
            found = _according_to(work, match, sent_start, sent_end)
        else:
            found = _reported(work, match, lemma, sent_start, sent_end, cue_end or match.end())
        if found is not None:
            yield found


def _according_to(work: str, match: re.Match, sent_start: int, sent_end: int) -> Attribution | None:
    subject = source_after(work, match.end(), sent_end)
    source = _SOURCE.match(work, match.end(), min(sent_end, match.end() + 80)).group()
    if _FINDING_SOURCE.match(source):
        return None  # "according to customs data" is a finding, not speech; "the research team" is a source
    if _WHICH.match(work, match.end()):
        return None  # "an agreement, according to which …": the words of a document, not a report
    lead = work[sent_start:match.start()].strip()
    if not lead or (lead.endswith(",") and len(lead.split()) <= _SHORT_LEAD):  # "Longer term, according to X, …"
        # "According to Tom Frieden, formerly the director of the CDC, the pandemic is …": after the apposition
        named = subject is not None and work.startswith(",", subject.end())
        comma = subject.end() if named else work.find(",", match.end(), sent_end)
        if comma >= 0 and _WHICH.match(work, comma + 1):  # "According to the treaty, which …, trade is …"
            comma = work.find(",", comma + 1, sent_end)
        if comma < 0:
            return None
        clause = _trim(work, comma + 1, _clause_end(work, comma + 1, sent_end))
        if clause is not None and _SAID_IN.search(work, clause[0], clause[1]):
            return None  # "According to ISNA, the prosecutor said …": the report inside has its own speaker
    else:
        clause = _trim(work, sent_start, match.start())
    if clause is None or _is_one_quote(work, clause):
        return None
    result = Attribution(clause[0], clause[1], "indirect", cue="according to")
    if subject is not None and not DOCUMENTS.search(source):
        _set_phrase(result, subject)
    return result


def _reported(work: str, match: re.Match, lemma: str, sent_start: int, sent_end: int,
              cue_end: int) -> Attribution | None:
    relative = _RELATIVE.search(work, max(sent_start, match.start() - 40), match.start())
    if relative is None and NOT_A_CUE_BEFORE.search(work, max(sent_start, match.start() - 12), match.start()):
        return None
    after_quote = _AFTER_A_QUOTE.search(work, max(sent_start, match.start() - 60), match.start())
    if after_quote and not _closes_a_fragment(work, sent_start, after_quote.start()):
        return None  # "…,” he said": the cue of a direct quote
    object_to = _OBJECT_TO.match(work, cue_end, sent_end) if lemma in OBJECT_TO_LEMMAS else None
    asks = _ASKS.match(work, cue_end, sent_end) if lemma in _ASK_LEMMAS else None
    pos = cue_end if object_to else skip_complement(work, cue_end, sent_end, lemma)
    after_cue = pos
    pos, had_that = skip_that(work, pos, sent_end)
    had_that = had_that or match.group().endswith(" that")  # "reports that"
    if not had_that and not object_to:
        idea = _IDEA_THAT.match(work, pos, sent_end)  # "rejected the idea Mr X posed a threat"
        pos, had_that = (idea.end(), True) if idea else (pos, had_that)
    if asks:
        pos, had_that = asks.end("clause"), True
    rest = work[pos:sent_end]
    if lemma in QUOTE_ONLY_LEMMAS and not (object_to or asks or had_that or _STARTS_PRONOUN.match(rest)
                                           or _CLAUSE_AHEAD.match(rest)):
        return None  # "he asked" introduces a quote; "asked X to …", "replied that …", "retorted voters …" report
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
    if inverted is not None and not object_to:
        spoken = _inverted_inside(work, match, inverted, sent_start, sent_end, after_cue)
        if spoken is not None:
            return spoken
    if rest.strip(" .!?\"”’'"):
        if had_that and rest.startswith(","):  # "report that, in many cases, e-mail has shrunk"
            pos, rest = pos + 1, rest[1:]
        elif rest.startswith(","):
            return (_as_said(work, match, sent_start, sent_end, pos, after_cue)
                    or _interrupted(work, match, sent_start, sent_end, pos, after_cue))
        speech_object = (lemma in NOUN_OBJECT_LEMMAS and not had_that and not _STARTS_PRONOUN.match(rest)
                         and not object_to)
        if speech_object and _CLAUSE_AHEAD.match(rest):
            speech_object = False  # "reported Iran issued warrants", "confirmed the deal was signed": a clause
        denial = speech_object and lemma == "deny" and _DENIAL.match(rest)
        if denial:
            speech_object = False  # "denied any sexual activity", "denied the charges": what was said is the denial
        if speech_object and not _SPEECH_OBJECT.match(rest) and not (lemma in _REASON_LEMMAS and " for " in rest):
            return None  # "announced a plan"; but "blamed Ukraine for the attacks" reports what was said
        if lemma == "accuse" and " of " not in rest:
            return None
        if not had_that and _NOT_A_CLAUSE.match(rest) and not (lemma in _TO_LEMMAS and rest.lstrip()[:3] == "to "):
            return None
        if relative is not None and not (had_that or object_to or lemma in ("accuse", "deny") or _STARTS_PRONOUN.match(
                rest) or _CLAUSE_AHEAD.match(rest)):
            return None  # "the economy, which added 146,000 jobs": no clause, so no report
        if relative is not None:  # "the SNP, which accused him of …": the speaker comes before "which"
            subject = subject_before(work, max(sent_start, relative.start() - SUBJECT_REACH), relative.start())
        else:
            subject = subject_of(work, match, sent_start)
        if subject is None or _FINDINGS.fullmatch(subject.group().split()[-1]) or _FINDING_BY.search(
                work, max(sent_start, subject.start() - 40), subject.start()):
            return None  # "the survey suggests …", "a survey by the chamber indicated …" are findings
        end = _clause_end(work, pos, sent_end)
        if speech_object:  # a noun phrase ends at its first comma: "the openness of the project, which …"
            comma = _PHRASE_END.search(work, pos, end)
            end = comma.start() if comma else end
        if (relative is not None and relative.group().startswith(",")) or (
                _SUBORDINATE.match(work, sent_start) and "," not in work[sent_start:match.start()]):
            # "Eircom, which revealed it would …, hit a high"; "While officials have said they will …, Zelensky …"
            comma = work.find(", ", pos, end)
            end = comma if comma >= 0 else end
        clause = _trim(work, pos, end, 2 if speech_object or denial else 3)  # "denied any wrongdoing"
        if clause is None:
            return None
        result = Attribution(clause[0], clause[1], "indirect", cue=cue_words(work, match, after_cue))
        _set_phrase(result, subject)
        return result
    if lemma in QUOTE_ONLY_LEMMAS:
        return None
    # the reported clause comes first: "Turkey will work to …, the minister said.", "…, said Mr Okafor."
    subject = None if inverted is not None else subject_of(work, match, sent_start)
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
    result = Attribution(clause[0], clause[1], "indirect", cue=cue_words(work, match, after_cue))
    _set_phrase(result, subject)
    return result


def _inverted_inside(work: str, match: re.Match, inverted: re.Match, sent_start: int, sent_end: int,
                     after_cue: int) -> Attribution | None:
    """An inverted cue inside the clause it reports: "On average, said Mr Macklin, users conduct …"."""
    name = next((inverted.end(g) for g in ("np", "pron", "desc") if inverted.group(g)), -1)
    if not work.startswith(", ", name) or len(work[sent_start:match.start()].split()) < 2:
        return None
    end = _clause_end(work, name + 2, sent_end)
    if len(work[name + 2:end].split()) < 3:
        return None
    clause = _trim(work, sent_start, end)
    if clause is None or _is_one_quote(work, clause) or _CLOSER.search(work, clause[0], match.start()):
        return None
    subject = SUBJECT_AFTER_VERB.match(work, after_cue, name)
    if subject is None:
        return None
    result = Attribution(clause[0], clause[1], "indirect", cue=cue_words(work, match, after_cue))
    _set_phrase(result, subject)
    return result


def _as_said(work: str, match: re.Match, sent_start: int, sent_end: int, pos: int,
             after_cue: int) -> Attribution | None:
    """A clause after "As X said,": "As the minister warned, prices will rise"."""
    lead = _AS_LEAD.match(work, sent_start, match.start())
    if lead is None:
        return None
    subject = subject_before(work, lead.end(), match.start())
    if subject is None or subject.start() != lead.end():
        return None
    clause = _trim(work, pos + 1, _clause_end(work, pos + 1, sent_end))
    if clause is None or _is_one_quote(work, clause):
        return None
    result = Attribution(clause[0], clause[1], "indirect", cue=cue_words(work, match, after_cue))
    _set_phrase(result, subject)
    return result


def _interrupted(work: str, match: re.Match, sent_start: int, sent_end: int, pos: int,
                 after_cue: int) -> Attribution | None:
    """A cue inside the clause it reports: "the rest, he said, are being serviced …"."""
    subject = subject_of(work, match, sent_start)
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
    result = Attribution(clause[0], clause[1], "indirect", cue=cue_words(work, match, after_cue))
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


def _trim(work: str, start: int, end: int, fewest_words: int = 3) -> tuple[int, int] | None:
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
    if work.count(" ", start, min(end, start + 200)) < fewest_words - 1:
        return None  # too few words
    return (start, end)


def _set_phrase(result: Attribution, subject: re.Match) -> None:
    result.set_phrase(subject)
