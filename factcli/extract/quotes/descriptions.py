"""Names, titles and descriptions as the text shows them, for entities.py: where a name is a clause's
subject, where the title before it starts, a title the cue took for a name ("Lord Bach, Minister for Defence
Procurement, said"), one person described ("the comedian"), and people named together and then described as
one ("They", "the defendants")."""
from __future__ import annotations

import re

from factcli.extract.quotes.cues import ABBREVIATION_REST, NOT_A_NAME, alternation
from factcli.extract.quotes.mentions import LEADING, ORG_HEADS, ORG_NOUNS, STATEMENT, mention_of
from factcli.extract.speakers import GROUP_WORDS, TITLE_WORDS

# A capitalised word; the capital comes first so that a scan skips straight to capitals, and the
# stop-word check looks back at it.
CAP = rf"[A-ZÀ-ÝĀ-Ž](?<=(?!{NOT_A_NAME}).)(?:{ABBREVIATION_REST}(?!\s+[a-z])|(?:[\w’'\-]|&(?=[A-Z]))*)"
NAME_SEQ = re.compile(rf"{CAP}(?:(?:[ \t]+(?:of|for|the|de|al|bin|von|van|la|le|del|da))*[ \t]+{CAP})+")
NAME_BEFORE = re.compile(rf"({CAP}(?:[ \t]+{CAP}){{0,3}})$")
# People named together: "A, B and C", "A and B"; and one joined to them: "X and his counterparts, A, B and C".
_NAME_LIST = re.compile(rf"{NAME_SEQ.pattern}(?:,[ \t]+{NAME_SEQ.pattern})*,?[ \t]+and[ \t]+{NAME_SEQ.pattern}")
_JOINED = re.compile(rf"({NAME_SEQ.pattern})[ \t]+and[ \t]+(?:his|her|their)\b[^.;:!?“”\"]{{0,80}},[ \t]+$")
_PAIR = re.compile(rf"{NAME_SEQ.pattern}[ \t]+and[ \t]+(?:his|her|their)\b[^.;:!?“”\"]{{0,80}},[ \t]+"
                   rf"{NAME_SEQ.pattern}")
_NAME_THEN_ROLE = re.compile(rf"({CAP}(?:[ \t]+{CAP}){{0,3}}),[ \t]+(?:(?:the|a|an)[ \t]+)?(?:[a-z\-]+[ \t]+){{0,3}}$")
_ROLE_THEN_PERSON = re.compile(rf"[ \t]+(?:[a-z\-]+[ \t]+){{0,2}}(?:{alternation(sorted(TITLE_WORDS))}|[a-z\-]+"
                               rf"(?:er|or|ar|ist|ian|ant|ent))[ \t]+({CAP}[ \t]+{CAP}(?:[ \t]+{CAP})?)")
_PERSON_OF = re.compile(rf"({CAP}(?:[ \t]+{CAP}){{1,3}})[ \t]+(?:of|from|at)[ \t]+$")
# A body described by its name and a common noun: "The IFPI industry body", "the Anti-Phishing Working group".
NAMED_BODY = re.compile(r"(?:[Tt]he|[Aa]n?)\s+((?:[A-Z](?:[\w&]|-[A-Z])*\s+)+)((?:[a-z\-]+\s+)*)(" + alternation(sorted(
    ORG_NOUNS | ORG_HEADS)) + r")")
# Findings a lead sentence cites before the next names who made them: "…, a report says. The National Audit Office …"
FINDINGS = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?:new\s+)?(?:report|study|survey|review|inquiry)")
# A definite description of one person: "the comedian", "Amnesty International's chief", "The Amnesty
# secretary-general"; not "a spokesman", "the company" nor "the authorities".
_ROLE_END = r"(?:[a-z\-]+(?:er|or|ist|ian|man|woman|person|ary|general)|chief|head|boss|mp)"
PERSON_DESCRIPTION = re.compile(r"^(?:[Tt]he\s|\S.*[’']s?\s)(?:\S+\s)*?(?!(?:" + alternation(sorted(
    ORG_NOUNS | ORG_HEADS | STATEMENT | GROUP_WORDS)) + r")$)" + _ROLE_END + "$")
# Several people the text has named, described: "the defendants", "Both officers", "the two ministers".
PEOPLE_DESCRIPTION = re.compile(r"(?:[Tt]he|Both|both)(?:\s+two)?\s+(?!(?:" + alternation(sorted(
    GROUP_WORDS - {"officers", "ministers", "leaders", "lawyers"})) + r")\b)[a-z\-]+(?:ants|ents|ers|ors|ists|ians)")
# A phrase that opens with a title of office ("Minister for Defence Procurement") is a role, not a name.
TITLE_FIRST = re.compile(r"(?:" + alternation(sorted(w.title() for w in TITLE_WORDS if len(w) > 3)) + r")\b")


def is_person(phrase: str) -> bool:
    """True when phrase names a person in full or by an honorific or a first name ("Lord Bach", "Irene Khan")."""
    mention = mention_of(phrase)
    return mention is not None and mention.type == "person" and (mention.gender is not None or " " in mention.name)


def name_before_title(work: str, start: int, end: int, title: str) -> str | None:
    """The person named just before a title in work[start:end]: "Lord Bach, Minister for …", "Adil Abdul-Mahdi,
    the acting Prime Minister of Iraq"."""
    at = work.find(title, start, end)
    name = _NAME_THEN_ROLE.search(work, max(start, at - 100), at) if at > start else None
    return name.group(1) if name is not None and is_person(name.group(1)) else None


def person_after(work: str, start: int, end: int, body: str) -> str | None:
    """The person a body's name introduces with a role in lower case ("Rutgers University political scholar
    Kelly Dittmar" is Kelly Dittmar) or follows ("Lucy Fischer of The Times")."""
    at = work.find(body, start, end)
    named = _ROLE_THEN_PERSON.match(work, at + len(body)) if at >= start else None
    if named is None and at >= start:  # "Lucy Fischer of The Times told NPR": the person the body employs
        named = _PERSON_OF.search(work, max(start, at - 60), at)
    return named.group(1) if named is not None and is_person(named.group(1)) else None


def listed_people(work: str, lo: int, hi: int) -> list[str]:
    """The names of the last people named together in work[lo:hi], as written: a list ("A, B and C") with one
    joined to it ("X and his counterparts, A, B and C"), or a pair ("X and his counterpart, Y"); empty when
    there are none."""
    found = [*_NAME_LIST.finditer(work, lo, hi), *_PAIR.finditer(work, lo, hi)]
    if not found:
        return []
    listed = max(found, key=lambda match: match.end())
    surfaces = [m.group() for m in NAME_SEQ.finditer(work, listed.start(), listed.end())]
    joined = _JOINED.search(work, max(lo, listed.start() - 120), listed.start())
    return ([joined.group(1)] if joined is not None else []) + surfaces


_SUBJECT_BEFORE = re.compile(r"(?:^|[.!?:;,”\"]\s*|\n\s*)(?:The\s)?$")  # "The National Audit Office praised"
_VERB_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+|also\s+)?(?!of\b|in\b|on\b|at\b|for\b|to\b|and\b|or\b|with\b|from\b|"
                         r"by\b|over\b|who\b|as\b|the\b|a\b)[a-z]{2,}")


def is_subject(work: str, pos: int, surface: str) -> bool:
    """A name that starts a clause and is followed by a verb-like word."""
    return bool(_SUBJECT_BEFORE.search(work, max(0, pos - 7), pos)) and bool(
        _VERB_AFTER.match(work, pos + len(surface), pos + len(surface) + 30))


_WORD_BEFORE = re.compile(r"([\w’'\-]+)[ \t]+$")
ROLE_NOUN = re.compile(r"[a-z\-]+(?:er|or|ist|ary|man|woman|person)$")


def title_start(work: str, pos: int) -> int:
    """Where the title before a name starts ("France coach Bernard Laporte", "shadow home secretary David
    Davis"): up to five capitalised words or words of office before pos."""
    for _ in range(5):
        word = _WORD_BEFORE.search(work, max(0, pos - 40), pos)
        if word is None:
            break
        token = word.group(1)
        if not (token[:1].isupper() or token in TITLE_WORDS or ROLE_NOUN.match(token)) or token in LEADING:
            break
        pos = word.start()
    return pos


def role_head(role: str | None) -> str:
    """The office of a role, as a 6-letter stem: "Ukrainian President" -> "presid", "head of the Office of
    the President" -> "head"."""
    words = re.split(r"\s+(?:of|for|at|in|to|with)\s+", (role or "").lower(), maxsplit=1)[0].split()
    return words[-1][:6] if words else ""


# A name set off by commas after the role that opens its sentence, then the verb: "Head of the division, Andrew
# Burke, spoke about …" has Andrew Burke for its subject.
_ROLE_THEN_NAME = re.compile(r"(?:^|[.!?][”\"’']?\s+|\n\s*)[A-Z][^,.;:!?“”\"\n]{2,60},[ \t]+$")
_VERB_AFTER_COMMA = re.compile(r",[ \t]+(?:[a-z]+ly[ \t]+)?(?!(?:and|or|but|who|which|whose|the|a|an|his|her|its|of|"
                               r"in|on|at|for|to|with|from|by|over|as|aged)\b)[a-z]{2,}\b")


def set_off_subject(work: str, start: int, end: int) -> bool:
    """True when the name at work[start:end] is set off by commas after its sentence's opening role and a verb
    follows ("Head of the division, Andrew Burke, spoke about …")."""
    return bool(_ROLE_THEN_NAME.search(work, max(0, start - 80), start) and _VERB_AFTER_COMMA.match(work, end))


# "his" or "her" right after a name and "and" is that person's, and a verb after it makes the name a subject.
OWN_AFTER = re.compile(r"[ \t]+and[ \t]+(?:[\w\-]+[ \t]+){0,3}?(his|her)[ \t]+[\w\-]+"
                       r"([ \t]+(?:have|has|had|are|were|will|would|[a-z]+ed)\b)?")


_NOT_A_ROLE_WORD = r"(?:said|says|told|and|or|but|the|an?|his|her|their|its|of|to|by|with|for|from|[a-z]+ed)\b"
_OFFICE_WORDS = alternation(sorted(w for w in TITLE_WORDS if len(w) > 3) + """economist professor analyst
    spokesperson captain coach manager striker midfielder goalkeeper editor author researcher scientist expert
    lawyer campaigner""".split())
_ROLE_LOWER = rf"(?<![\w\-])(?!{_NOT_A_ROLE_WORD})[a-z\-]+[ \t]+"  # "economy" in "economy minister Heizo Takenaka"
# An office word before a full name ("minister Heizo Takenaka"), found first, then the words of the role before it.
TITLED_NAME = re.compile(rf"(?<![\w\-])(?:{_OFFICE_WORDS})[ \t]+({CAP}(?:[ \t]+{CAP})+)")
ROLE_BEFORE = re.compile(rf"(?:{CAP}[ \t]+){{0,2}}(?:{_ROLE_LOWER}){{0,2}}$")
# Where a clause's subject starts: a sentence or paragraph start, after a comma or a closing quote, after "But".
CLAUSE_START = re.compile(r"(?:^|[.!?:;,]\s+|[.!?,:;][”\"’']\s+|\n\s*|(?:^|[.!?]\s+)"
                          r"(?:But|And|However|Meanwhile|Yet|So|Then|Now|Still|Also|Later|Earlier|Instead),?\s+)$")
# A sentence whose subject is a group ("Officials claim …"), which a later "they" means.
GROUP_SUBJECT = re.compile(r"(?:^|[.!?][”\"’']?\s+)(?:[A-Za-z]+\s+)?(?i:" + alternation(sorted(GROUP_WORDS)) + r")\b")
# What follows a subject: an optional apposition (", 32,", ", the first Indian woman to …,"), then a verb, not
# "and" (two people are "they") or a preposition, nor a noun before the verb ("The New York library is",
# "Under My Ask Jeeves users can": the name only qualifies the subject).
PREDICATE_AFTER = re.compile(r"(?:,[^,.;:“”\"]{1,120},)?\s+(?:[a-z]+ly\s+|also\s+|though\s+|then\s+)?"
                             r"(?!(?:of|in|on|at|for|to|and|or|with|from|by|over|who|as|the|a|an)\b)"
                             r"(?![a-z]+\s+(?:is|are|was|were|has|have|had|can|could|will|would|may|might|must|"
                             r"should|does|do|did)\b)[a-z]{2,}")
SPOKESPERSON = re.compile(r"\bspokes(?:(man)|(woman)|person)\b", re.IGNORECASE)


def called_by_surname(work: str, name: str) -> bool:
    """True when the text calls name by its last word alone somewhere, as it does people ("Kidston"), unlike
    a body named like a person ("Ask Jeeves")."""
    first, _, last = name.rpartition(" ")
    return bool(first) and re.search(rf"(?<!{re.escape(first)} )\b{re.escape(last)}\b", work) is not None
