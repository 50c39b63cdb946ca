"""Resolving speaker phrases to canonical names within one document.

Names come from one pass over the document's capitalised phrases (so "Kirby"
can become the "John Kirby" named earlier or later), roles from titles and
appositions ("Richard Leask, an RAF commander"); pronouns and descriptions
resolve to the most recent compatible speaker.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator

from factcli.extract.quotes.attribution import Attribution
from factcli.extract.quotes.descriptions import (
    CAP,
    CLAUSE_START,
    FINDINGS,
    GROUP_SUBJECT,
    NAME_BEFORE,
    NAME_SEQ,
    NAMED_BODY,
    OWN_AFTER,
    PEOPLE_DESCRIPTION,
    PERSON_DESCRIPTION,
    PREDICATE_AFTER,
    ROLE_BEFORE,
    ROLE_NOUN,
    SPOKESPERSON,
    TITLE_FIRST,
    TITLED_NAME,
    called_by_surname,
    is_person,
    is_subject,
    listed_people,
    name_before_title,
    person_after,
    role_head,
    set_off_subject,
    title_start,
)
from factcli.extract.quotes.doc import Doc
from factcli.extract.quotes.mentions import (
    ADJECTIVE_ONLY,
    BODY_TAIL,
    GENERIC_TAIL,
    ORG_HEADS,
    ORG_NOUNS,
    POSSESSIVE_IN,
    PRESS,
    STATEMENT,
    TAIL,
    mention_of,
    strip_leading,
)
from factcli.extract.records import Speaker
from factcli.extract.speakers import (
    FIRST_NAME_GENDER,
    GROUP_WORDS,
    TITLE_WORDS,
    Mention,
    SpeakerTable,
    gender_of_name,
    is_name_alias,
)

_ANY_NAME = re.compile(rf"{CAP}(?:(?:[ \t]+(?:of|for|the|de|al|bin|von|van|la|le|del|da))*[ \t]+{CAP})*")
_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")
_NAMED_BEFORE = re.compile(rf"({CAP}(?:(?:[ \t]+(?:of|for|the|and))*[ \t]+{CAP})+)[ \t]*$")
_APPOSITION = re.compile(r",[ \t]+(?:a|an|the)[ \t]+([^,.;:“”\"()\n]{3,90}?)(?=,)")
_RELATIVE = re.compile(r"(?:who|which|whose)\b")  # ", who fired Liverpool into the last 16," is no role
_CLAUSE_WORD = re.compile(r"\b(?:is|are|was|were|will|would|should|could|can|has|have|had|must|may|might)\b")
_NAME_AFTER = re.compile(rf",[ \t]*({CAP}(?:[ \t]+{CAP}){{1,3}}),")
_TOP_OFFICES = frozenset("presid premie prime king queen chance".split())  # 6-letter stems
_JUNIOR_HEADS = frozenset("offici spokes aide diplom advise envoy source".split())
_QUALIFIERS = frozenset("deputy vice assist former acting interi shadow junior co-cha".split())  # 6-letter stems
_RECENT = 30  # speakers and roles looked back over to resolve a description
_PRONOUN_REACH = 1200  # a pronoun refers to someone named this close before it
_CATAPHORA_REACH = 400  # a description may stand for a person named with that role this far after it
_DESCRIBED_SPEAKER_REACH = 300  # a person described by a role no one was given: the speaker this close before
_NEAR = 500  # ... or, when that someone is neither a clause's subject nor a speaker, this close
class EntityIndex:
    """Every named entity of a document, where it is mentioned, and who has spoken so far."""

    def __init__(self, doc: Doc) -> None:
        self.table = SpeakerTable(split=mention_of)
        self._doc = doc
        work = doc.work
        self._mentions: list[tuple[int, str]] = [(m.start(), m.group()) for m in NAME_SEQ.finditer(work)]
        self._positions = [pos for pos, _ in self._mentions]
        self.table.add(Counter(s for _, s in self._mentions))
        for match in _ACRONYM.finditer(work):  # "the Royal Air Force (RAF)"
            named = _NAMED_BEFORE.search(work, max(0, match.start() - 80), match.start())
            mention = self.table.mention(named.group(1)) if named else None
            if mention is not None:
                self.table.define_acronym(match.group(1), mention.name)
        self._history: list[tuple[str, str, str | None]] = []  # (name, type, role) of speakers so far
        self._spoke_at: list[int] = []
        self._role_list: list[tuple[int, str, str]] | None = None
        self._role_of: dict[str, str] = {}
        self._titled_list: list[tuple[int, str, str]] | None = None
        self._subject_list: list[tuple[int, str]] | None = None
        self._names: dict[tuple[int, int], tuple[int, str, str, str | None, bool] | None] = {}  # by span

    def _split_cached(self, surface: str) -> Mention | None:
        return self.table.mention(surface)

    @property
    def _roles(self) -> list[tuple[int, str, str]]:
        """Roles given in appositions ("Richard Leask, an RAF commander,"), found on first need."""
        if self._role_list is None:
            work = self._doc.work
            roles = []
            for match in _APPOSITION.finditer(work):  # "Richard Leask, an RAF commander,"
                if _CLAUSE_WORD.search(match.group(1)):
                    continue  # "According to Zakharova, an integral part … should include": a clause, not a role
                name = NAME_BEFORE.search(work, max(0, match.start() - 80), match.start())
                if name:
                    roles.append((name.start(), name.group(1), match.group(1)))
                after = _NAME_AFTER.match(work, match.end())  # "…, the ICC prosecutor, Karim Khan,"
                if after:
                    roles.append((match.start(), after.group(1), match.group(1)))
            self._role_list = sorted(roles)
            self._role_of = {}
            for _, who, role in self._role_list:
                self._role_of.setdefault(self.table.canonical(strip_leading(who)), role)
        return self._role_list

    @property
    def _titled(self) -> list[tuple[int, str, str]]:
        """Roles in lower case before a name ("Tory leader Michael Howard", "economy minister Heizo Takenaka"),
        found when a description first needs them."""
        if self._titled_list is None:
            work = self._doc.work
            self._titled_list = []
            for match in TITLED_NAME.finditer(work):
                lead = ROLE_BEFORE.search(work, max(0, match.start() - 60), match.start())
                role = work[lead.start() if lead else match.start():match.start(1)]
                self._titled_list.append((match.start(1), match.group(1), " ".join(role.split())))
        return self._titled_list

    @property
    def _subjects(self) -> list[tuple[int, str]]:
        if self._subject_list is None:
            work = self._doc.work
            self._subject_list = [(p, s) for p, s in self._mentions if is_subject(work, p, s)]
        return self._subject_list

    def resolve(self, a: Attribution) -> None:
        """Set a's speaker, role and mention from its phrase."""
        phrase = " ".join((a.phrase or "").split())
        if a.phrase_type == "np" and TITLE_FIRST.match(phrase):
            named = " ".join(a.appos.split()) if a.appos and is_person(a.appos) else name_before_title(
                self._doc.work, *self._doc.sentences_of(a.start, a.end), phrase)
            if named is not None:  # "Lord Bach, Minister for Defence Procurement, said": the name is before it
                phrase, a.appos = named, phrase
        elif a.phrase_type == "np" and (mention_of(phrase) or Mention("", None, "")).type == "organisation":
            named = person_after(self._doc.work, *self._doc.sentences_of(a.start, a.end), phrase)
            phrase = named or phrase  # "According to Rutgers University political scholar Kelly Dittmar, “…”"
        a.mention = phrase or None
        body = NAMED_BODY.fullmatch(phrase) if a.phrase_type in ("np", "desc") else None
        tail = TAIL.search(phrase) if a.phrase_type == "np" else None
        if body and not ADJECTIVE_ONLY.fullmatch(body.group(1).strip()):  # "the IFPI industry body" is IFPI
            self._resolve_name(a, body.group(1).strip() + ("" if body.group(2) else " " + body.group(3).title()))
        elif a.phrase_type == "np" and GENERIC_TAIL.search(phrase) and not BODY_TAIL.search(phrase) and not (
                POSSESSIVE_IN.search(phrase)):
            self._resolve_description(a, "the " + phrase.split()[-1])  # "the Hague-based court"
        elif tail and ADJECTIVE_ONLY.fullmatch(strip_leading(phrase[:tail.start()])):
            self._resolve_description(a, "the" + phrase[tail.start():])  # "the Ukrainian statement"
        elif a.phrase_type == "pron":
            self._resolve_pronoun(a, phrase.lower())
        elif a.phrase_type == "desc" and BODY_TAIL.search(phrase) and ADJECTIVE_ONLY.fullmatch(
                strip_leading(phrase).rsplit(" ", 1)[0]):
            self._resolve_name(a, phrase)  # "the Venezuelan government" is a body of its own
        elif a.phrase_type == "desc" or (a.phrase_type == "np" and phrase[:4] in ("the ", "The ") and (
                phrase.split()[-1].lower() in TITLE_WORDS) and (not phrase.split()[-1].istitle() or all(
                w.lower() in TITLE_WORDS for w in phrase.split()[1:]))):
            # "the Glasgow Kelvin MP", "The President" are descriptions; "the Scottish Executive" a body
            self._resolve_description(a, phrase)
        else:
            self._resolve_name(a, phrase)
        if a.speaker is None and a.phrase_type in ("np", "desc") and PERSON_DESCRIPTION.search(phrase):
            self._described_person(a, phrase)
        elif a.speaker is None and FINDINGS.fullmatch(phrase):
            self._described_person(a, phrase, "organisation")
        elif a.speaker is None and a.phrase_type in ("np", "desc") and PEOPLE_DESCRIPTION.fullmatch(phrase):
            self._people_named(a, max(0, a.start - _PRONOUN_REACH))

    def _people_named(self, a: Attribution, lo: int) -> None:
        """For "they" or "the defendants" that no body fits: the people last named together before the quote
        ("Sameh Shoukry and his Greek, Cypriot and French counterparts, Nikos Dendias, Nikos Christodoulides and
        Jean-Yves Le Drian"), as one speaker named after all of them, with each person's name as an alias."""
        surfaces = listed_people(self._doc.work, lo, a.start)
        people = []
        for surface in surfaces:
            mention = self._split_cached(surface)
            if mention is not None and mention.type == "person" and " " in mention.name:
                name = self.table.register(mention, surface).name
                if name not in people:
                    people.append(name)
        if len(people) < 2:
            return
        group = ", ".join(people[:-1]) + " and " + people[-1]
        speaker = self.table.speakers.get(group) or self.table.register(Mention(group, None, "person"), group)
        speaker.aliases.extend(name for name in people if name not in speaker.aliases)
        a.speaker, a.role = speaker.name, None

    def _described_person(self, a: Attribution, phrase: str, kind: str = "person") -> None:
        """A person the lead sentence describes and the text names next, as news leads do ("…, the trade and
        industry secretary has said. Patricia Hewitt is expected to …", "Amnesty International's chief has
        said"): the first person named in full as a clause's subject in the sentence after the description;
        else the last person named in full before the description in its own sentence ("… for Ricky Gervais'
        new sitcom, the comedian has told BBC News")."""
        work = self._doc.work
        sent_start, sent_end = self._doc.sentences_of(a.start, a.end)
        at = work.find(phrase, sent_start, sent_end + len(phrase))
        if at < 0:
            return
        _, next_end = self._doc.sentence(min(len(work) - 1, sent_end + 1))
        i = bisect.bisect_left(self._subjects, (at + len(phrase), ""))
        j = bisect.bisect_left(self._positions, at)
        after = [surface for pos, surface in self._subjects[i:i + 3] if pos < next_end]
        before = [surface for pos, surface in reversed(self._mentions[max(0, j - 5):j]) if pos >= sent_start]
        for surface in after + before:
            mention = self._split_cached(surface)
            if mention is not None and mention.type == kind and " " in mention.name:
                speaker = self.table.register(Mention(mention.name, mention.role, kind, mention.gender), surface)
                a.speaker, a.role = speaker.name, mention.role or speaker.role
                return

    def known(self, phrase: str) -> bool:
        """True when phrase names a speaker the document has quoted already."""
        mention = self.table.mention(phrase)
        return mention is not None and self.table.canonical(mention.name) in self.table.speakers

    def speakers(self, names: set[str | None]) -> list[Speaker]:
        """The document's speakers among names. A one-word "person" with no sign of being one (no honorific,
        first name, role or pronoun) is an organisation: "Treasury", "Interpol", "Euronext"."""
        found = [s for s in self.table.speakers.values() if s.name in names]
        for speaker in found:
            if speaker.type == "person" and " " not in speaker.name and not speaker.role and not (
                    self._gender_of(speaker.name)):
                speaker.type = "organisation"
        return found

    def spoke(self, a: Attribution) -> None:
        speaker = self.table.speakers.get(a.speaker or "")
        if speaker is not None:
            self._history.append((speaker.name, speaker.type, speaker.role))
            self._spoke_at.append(a.start)

    def _resolve_name(self, a: Attribution, phrase: str) -> None:
        found = self.table.mention(phrase)
        mention = None if found is None else Mention(found.name, found.role, found.type, found.gender)
        if mention is None:
            return
        # "Maria Garcia, 45," gives an age; "According to Zakharova, an integral part … should" a clause
        if (a.appos and not mention.role and not a.appos.isdigit() and not _CLAUSE_WORD.search(a.appos)
                and not _RELATIVE.match(a.appos)):
            role = " ".join(a.appos.split())
            if role.split()[0].lower() in ("a", "an", "the"):
                role = role.split(" ", 1)[1] if " " in role else role
            mention.role = role
        if mention.role is None:
            mention.role = self._known_role(mention.name, a.start)
        speaker = self.table.register(mention, phrase)
        a.speaker, a.role = speaker.name, mention.role or speaker.role

    def _known_role(self, name: str, pos: int) -> str | None:
        canonical = self.table.canonical(name)
        if self._roles and canonical in self._role_of:
            return self._role_of[canonical]
        return self.table.role_of(canonical)

    def _resolve_pronoun(self, a: Attribution, pronoun: str) -> None:
        """The entity a pronoun names, by sieves over the entities named before the quote, each compatible
        in type (a person for "he" and "she", an organisation for "it" and "they") and gender: the most recent
        subject of a clause ("Mirza will now face Kuznetsova. But she is confident") or speaker, else the most recent
        name close by whose gender is known, else the most recent name close by. For "he" and "she", a name
        of unknown gender must be a subject or a speaker, or have a role."""
        wanted = "organisation" if pronoun in ("it", "they") else "person"
        gender = {"he": "male", "him": "male", "she": "female", "her": "female"}.get(pronoun)
        paragraph = self._doc.paragraph_index(a.start)
        lo = max(0, a.start - _PRONOUN_REACH)
        while self._doc.paragraph_index(lo) < paragraph - 1:
            lo = self._doc.paragraphs[self._doc.paragraph_index(lo) + 1][0]
        spoke = {h[0] for at, h in zip(self._spoke_at, self._history, strict=True) if at >= lo}
        found = known_near = near = unsure = None
        bodies: set[str] = set()
        for at, name, kind, role, subject in self._entities_before(lo, a.start):
            known = self._gender_of(name) if kind == "person" else None
            spokesperson = SPOKESPERSON.search(role) if gender and kind == "organisation" and role else None
            if spokesperson:  # "A spokeswoman for Oxford University said … “…,” she said": the body speaks
                kind, role = wanted, None
                known = "male" if spokesperson.group(1) else "female" if spokesperson.group(2) else None
                bodies.add(name)
            if kind != wanted or (gender and known and known != gender):
                continue
            if gender and not (known or subject or name in spoke or role or self.table.role_of(name)):
                continue  # "he" is a person the text shows to be one, not "Eastern Mediterranean"
            if pronoun == "they" and GROUP_SUBJECT.search(self._doc.work, at, a.start):
                break  # "Officials claim … They also allege …": a group, no one entity
            if gender and not known and not subject and name in spoke and not called_by_surname(self._doc.work, name):
                unsure = unsure or (name, role)  # "Ask Jeeves said …", never "Jeeves": a body named like a person
                continue  # gives way to someone known to be a man (or a woman)
            if subject or (name in spoke and pronoun != "they"):  # "they": a body the clause before is about
                found = (name, role)
                break
            if a.start - at <= _NEAR and pronoun != "they":
                near = near or (name, role)
                if known:
                    known_near = known_near or (name, role)
        found = found or unsure or known_near or near
        if found is None:
            if pronoun == "they":
                self._people_named(a, lo)
            return
        name, role = found
        a.speaker, a.role = name, role or self._known_role(name, a.start)
        if name not in self.table.speakers:
            self.table.register(Mention(name, a.role, "organisation" if name in bodies else wanted), name)
        if name in bodies:
            return
        if gender:  # "he" now means this person is not a later "she"
            self.table.gender.setdefault(name, gender)
        self._add_alias(name, a.mention)

    def _entities_before(self, lo: int, hi: int) -> Iterator[tuple[int, str, str, str | None, bool]]:
        """(position, name, type, role, is a clause's subject) of the entities named in work[lo:hi], most
        recent first: full names, and surnames or acronyms of entities the document names in full. Lazy, as
        the nearest few usually decide."""
        work = self._doc.work
        for match in reversed(list(_ANY_NAME.finditer(work, lo, hi))):
            key = match.span()
            if key not in self._names:  # windows overlap: each name is read once
                self._names[key] = self._entity(work, match)
            entity = self._names[key]
            if entity is not None:
                yield entity

    def _entity(self, work: str, match: re.Match) -> tuple[int, str, str, str | None, bool] | None:
        surface = match.group()
        mention = self._split_cached(surface)
        if mention is None:
            return None
        name = self.table.canonical(mention.name)
        start = title_start(work, match.start())
        role = mention.role or " ".join(work[start:match.start()].split()) or None
        if role is not None and not any(w.lower() in TITLE_WORDS for w in role.split()):
            role = None
        if " " not in name and not mention.gender and not role and not (
                mention.type == "organisation" and name.isupper()):
            return None  # a lone word is a name when the document spells it out or titles it ("president Erdogan")
        if mention.gender:
            self.table.gender.setdefault(name, mention.gender)
        own = OWN_AFTER.match(work, match.end())  # "Wong and three of his co-authors have started …"
        if own is not None and mention.type == "person":
            self.table.gender.setdefault(name, "male" if own.group(1) == "his" else "female")
        subject = bool(CLAUSE_START.search(work, max(0, start - 40), start)) and bool(PREDICATE_AFTER.match(
            work, match.end()) or (own and own.group(2))) or set_off_subject(work, start, match.end())
        return (match.start(), name, mention.type, role, subject)

    def _gender_of(self, name: str) -> str | None:
        return self.table.gender.get(name) or self.table.honorific_gender(name) or gender_of_name(name)

    def _recent_subjects(self, pos: int) -> list[tuple[int, tuple[str, str, str | None]]]:
        """People named as the subject of a clause shortly before pos ("Karim Khan pointed to …")."""
        i = bisect.bisect_left(self._subjects, (pos, ""))
        found = []
        for at, surface in self._subjects[max(0, i - 3):i]:
            mention = self._split_cached(surface)
            if mention is not None and mention.type == "person" and " " in mention.name:  # a full name
                found.append((at, (self.table.canonical(mention.name), "person", mention.role)))
        return found

    def _resolve_description(self, a: Attribution, phrase: str) -> None:
        words = [w.lower().strip("’'") for w in phrase.split()[1:]]
        if not words or words[-1] in GROUP_WORDS:
            return
        head = words[-1]
        if head in STATEMENT:  # "the report said": the body that spoke last, else the one named last
            found = next((h for h in reversed(self._history[-6:]) if h[1] == "organisation"), None) or (
                self._mentioned_org("", a.start))
        elif head in ORG_NOUNS:  # "the newspaper", "the bookmaker": the organisation that spoke or was named last
            kinds = PRESS if head in ("newspaper", "paper") else ("",)
            found = next((h for h in reversed(self._history[-6:]) if h[1] == "organisation"
                          and any(k in h[0].lower() for k in kinds)), None) or next(
                filter(None, (self._mentioned_org(k, a.start) for k in kinds)), None) or (
                self._named_body(a.start) if kinds == ("",) else None)
        elif head in ORG_HEADS:  # "the court": the body named with that word; "the group": else the last one
            found = next((h for h in reversed(self._history[-10:]) if h[1] == "organisation"
                          and head in h[0].lower()), None) or self._mentioned_org(head, a.start) or (
                self._national_body(head, a.start)) or (
                self._mentioned_org("", a.start) if head in ORG_NOUNS else None)
        else:
            found = self._role_match(words, a.start)
            if found is None and phrase[:4].lower() == "the " and (head in TITLE_WORDS or ROLE_NOUN.match(head)) and (
                    self._spoke_at) and (
                    a.start - self._spoke_at[-1] <= _DESCRIBED_SPEAKER_REACH and self._history[-1][1] == "person"):
                found = self._history[-1]  # "…,” said study co-author Karen Alley. The Wooster professor added, “…”"
        if found is not None:
            a.speaker, a.role = found[0], found[2]
            self._add_alias(found[0], a.mention)

    def _named_body(self, pos: int) -> tuple[str, str, str | None] | None:
        """For "the company": the most recent one-word subject before pos that is no person ("Apple cut its
        prices … The company said …")."""
        work = self._doc.work
        for match in reversed(list(_ANY_NAME.finditer(work, max(0, pos - _CATAPHORA_REACH * 3), pos))):
            mention = self._split_cached(match.group())
            if mention is None or " " in mention.name or mention.gender or mention.role:
                continue
            name = self.table.canonical(mention.name)
            start = match.start()
            subject = CLAUSE_START.search(work, max(0, start - 40), start) and PREDICATE_AFTER.match(
                work, match.end())
            # a name is capitalised inside a sentence too; "Bets were suspended" only at its start
            named = re.search(rf"[a-z,] {re.escape(name)}\b", work) is not None
            if " " in name or name in FIRST_NAME_GENDER or (start and work[start - 1].isalnum()) or not (
                    subject and named):
                continue  # "Apple cut the price": a one-word subject, not "Pod" of "iPod" nor an object
            self.table.register(Mention(name, None, "organisation"), match.group())
            return (name, "organisation", None)
        return None

    def _national_body(self, head: str, pos: int) -> tuple[str, str, str | None] | None:
        """"the government" for "the Venezuelan government" named before it, or after it when the text names
        no other."""
        if not BODY_TAIL.search(" " + head):
            return None
        named = list(re.finditer(rf"\b([A-Z][a-z]+(?:an|ese|ish|ic|i|ch)) {head}\b", self._doc.work))
        before = [match for match in named if match.start() < pos]
        if not before and len({match.group() for match in named}) != 1:
            return None  # else the one body the text names later: "the government said …; the Venezuelan government"
        found = before[-1] if before else named[0]
        name = found.group(0)
        self.table.register(Mention(name, None, "organisation"), name)
        return (name, "organisation", None)

    def _mentioned_org(self, head: str, pos: int) -> tuple[str, str, str | None] | None:
        """The most recent organisation named before pos whose name holds head ("the court")."""
        i = bisect.bisect_left(self._positions, pos)
        for _, surface in reversed(self._mentions[max(0, i - 200):i]):
            mention = self._split_cached(surface)
            if mention is not None and mention.type == "organisation" and head in mention.name.lower():
                name = self.table.canonical(mention.name)
                self.table.register(mention, surface)
                return (name, "organisation", None)
        return None

    def _role_match(self, words: list[str], pos: int) -> tuple[str, str, str | None] | None:
        """The most recent person introduced with a role sharing the description's words."""
        head = words[-1]
        speakers = [(at, h[0], h[2]) for at, h in zip(self._spoke_at[-_RECENT:], self._history[-_RECENT:], strict=True)
                    if h[1] == "person"]
        roles = sorted(self._roles + self._titled)
        j = bisect.bisect_left(roles, (pos, "", ""))
        candidates = speakers + [(p, self.table.canonical(strip_leading(who)), role)
                                 for p, who, role in roles[max(0, j - _RECENT):j]]
        i = bisect.bisect_left(self._positions, pos)
        for at, surface in self._mentions[max(0, i - 10 * _RECENT):i]:
            mention = self._split_cached(surface)
            if mention is not None and mention.role and mention.type == "person":
                candidates.append((at, self.table.canonical(mention.name), mention.role))
        candidates.sort(key=lambda c: c[0])
        modifiers = [w[:6] for w in words[:-1] if len(w) > 1 and "’" not in w and "'" not in w]
        # "the Glasgow Kelvin MP" for "Glasgow Kelvin MP George Galloway" before a more recent "Labour MP"; then
        # "the commander" for "an RAF commander"; then "the US leader" for a speaker, then anyone, who is "US …"
        short = head[:6]
        passes = ((lambda rw: short in rw and any(m in rw for m in modifiers), candidates),
                  (lambda rw: short in rw, candidates),
                  (lambda rw: any(m in rw for m in modifiers), speakers),
                  (lambda rw: any(m in rw for m in modifiers), candidates))
        for fits, pool in passes:
            for _, name, role in reversed(pool):
                role_words = [w[:6] for w in (role or "").lower().split()]
                extra = _QUALIFIERS.intersection(role_words).difference(w[:6] for w in words)
                if short in _JUNIOR_HEADS and role_head(role) in _TOP_OFFICES:
                    continue  # "the Ukrainian official" is not the "Ukrainian President"
                if fits(role_words) and not extra:  # "the prime minister" is no deputy
                    if name not in self.table.speakers:
                        self.table.register(Mention(name, role, "person"), name)
                    return (name, "person", role)
        # a description before the name it stands for: "“…,” the economy minister said. “…,” said economy
        # minister Heizo Takenaka"
        for at, who, role in roles[j:j + 3]:
            if at - pos <= _CATAPHORA_REACH and head[:6] in [w[:6] for w in role.lower().split()]:
                name = self.table.canonical(strip_leading(who))
                if name not in self.table.speakers:
                    self.table.register(Mention(name, role, "person"), name)
                return (name, "person", role)
        return None

    def _add_alias(self, name: str, surface: str | None) -> None:
        speaker = self.table.speakers.get(name)
        if speaker is not None and surface and surface not in speaker.aliases and is_name_alias(surface, name):
            speaker.aliases.append(surface)
