"""Who a sentence says a figure comes from, when no quote record holds it: "according to X", "X said/
estimates/forecasts/found", "X's figures/survey/report", "a poll by X", and "the report"/"the researchers"
for the last source the document named. Names resolve to the document's fullest form of them, the way the
quote pipeline does (speakers.split_name, acronyms spelled out where the document spells them).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from factcli.extract.speakers import GROUP_WORDS, ORG_WORDS, TITLE_WORDS, acronym_of
from factcli.extract.words import alternation

# A capitalised name: "National Audit Office", "Bank of Japan", "Ernst & Young", "NAO", "Penn State".
_NAME_WORD = r"[A-Z](?:[\w.&-]|['’](?!s\b))*"  # "O'Brien", but "Japan" of "Japan's"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:(?:of|for|and|the|on|de|du|&)[ \t]+)?{_NAME_WORD}){{0,7}}"
_NAME_RE = re.compile(_NAME)
_ACRONYM_PAREN = re.compile(r"\(([A-Z][A-Za-z&]{1,7})\)")
_NAME_BEFORE = re.compile(rf"(?<![\w'’.&-])({_NAME})[ \t]+$")
# Things a source publishes; "the report" with no owner is the last one the document named.
_FINDINGS = (r"(?:figures|survey|surveys|report|reports|data|study|studies|poll|polls|statistics|analysis|"
             r"research|forecasts?|estimates?|census|findings|review|audit|projections?)")
_FUNCTION_WORDS = r"(?:to|the|a|an|of|in|on|at|for|by|and|with|from|as|is|was|has|its|their)\b"
_OWNED = re.compile(  # "the NAO's annual report", "Bank of Japan's December survey", "A National Audit Office report"
    rf"(?<![\w])(?P<x>{_NAME})(?:['’]s?)?[ \t]+(?:(?!{_FUNCTION_WORDS})(?:[a-z-]+|[A-Z][a-z]+)[ \t]+){{0,2}}?"
    rf"{_FINDINGS}\b")
_OWN_FINDINGS = re.compile(  # "The IMF cut its forecast", "the OECD raised its estimates"
    rf"(?<![\w])(?P<x>{_NAME})[ \t]+(?:[a-z]+[ \t]+){{0,2}}?(?:its|their)[ \t]+(?:[a-z-]+[ \t]+){{0,2}}?"
    rf"{_FINDINGS}\b")
_BY = re.compile(  # "a recent poll by Siena College", "a poll published by NBC News", "researchers from X"
    rf"\b(?:{_FINDINGS}|(?i:researchers|scientists|economists|analysts|experts)|team)[ \t]+(?:[a-z]+[ \t]+){{0,2}}?"
    rf"(?:by|from|of|at|for)[ \t]+(?:the[ \t]+)?(?P<x>{_NAME})")
_ACCORDING = re.compile(
    r"\b[Aa]ccording[ \t]+to[ \t]+(?:(?:the|a|an|its|their)[ \t]+)?(?P<x>(?:[\w'’.&-]+[ \t]+){0,8}?[\w'’.&-]+)"
    r"(?=[ \t]*(?:[,.;:\"”)]|$|[ \t]+(?:the|in|on|of|which|who|that|was|is|has|had)\b))")
_REPORT_VERBS = ("credit|credits|praised|criticised|criticized|urged|welcomed|highlighted|attacked|pledged|"
                 "said|says|say|told|tells|reported|reports|found|finds|showed|shows|show|shown|estimated|estimates|"
                 "estimate|forecast|forecasts|predicted|predicts|calculated|calculates|claimed|claims|suggested|"
                 "suggests|suggest|predict|expect|revealed|reveals|released|announced|announces|warned|warns|believes|expects|"
                 "projected|projects|concluded|stated|insisted|argued|added|noted|confirmed|puts|put|counted|"
                 "recorded|measured|revised")
# Found first, as a trie, before the slower patterns that read what is around them.
_REPORT_VERB = re.compile(rf"\b(?:{alternation(_REPORT_VERBS.split('|'))}|pointed[ \t]+out)\b")
_FINDINGS_LIST = ("figures survey surveys report reports data study studies poll polls statistics analysis research "
                  "forecast forecasts estimate estimates census findings review audit projection projections "
                  "researchers scientists economists analysts experts team").split()
_FINDINGS_WORD = re.compile(rf"\b(?:{alternation(_FINDINGS_LIST + [w.capitalize() for w in _FINDINGS_LIST])})\b")
# The subject just before a verb of reporting: "Symantec released", "The ONS revised", "a British Retail
# Consortium survey found", "the company pointed out".
_SUBJECT_BEFORE = re.compile(
    r"(?<![\w'’.&(),-])(?P<x>(?:[\w'’.&(),-]+[ \t]+){0,6}?[\w'’.&(),-]+)[ \t]+"
    r"(?:(?:has|have|had|also|previously|now|then|recently|on[ \t]+\w+day)[ \t]+)*$")
# "…, said Mr Macklin", "…, NIESR said.": the speaker after or before a verb at the clause's end.
_SAID_AFTER = re.compile(rf"[,\"”][ \t]+(?:said|says|[Aa]ccording[ \t]+to)[ \t]+(?P<x>{_NAME})")
_CLAUSE_BREAK = re.compile(r"[,;:(\"“”]|\b(?:while|but|which|who|that|as|when|after|before|with|if)\b"
                           r"|\band\b(?![ \t]+[A-Z])")
_DESCRIPTION = re.compile(  # "the report", "a new study", "the research team"; not "Refinitiv data", a name's
    rf"^(?i:the|this|that|its|their|a|an|latest|new|recent|annual|same|his|her)?[ \t]*(?:[a-z-]+[ \t]+){{0,2}}?"
    rf"(?i:{_FINDINGS}|researchers|research[ \t]+team|team|authors|scientists|economists)$")
_PRONOUNS = frozenset("it they he she".split())
# "the company", "the bank": an organisation named before; the word its name holds, where the noun gives one.
_ORG_NOUNS = {"company": None, "firm": None, "group": "group", "bank": "bank", "lender": "bank", "airline": None,
              "carmaker": None, "retailer": None, "insurer": None, "broadcaster": None, "agency": "agency",
              "university": "university", "union": "union", "club": "club", "charity": None, "network": None}
_ORG_DESCRIPTION = re.compile(rf"^[Tt]he[ \t]+(?:[a-z-]+[ \t]+)?({'|'.join(_ORG_NOUNS)})$")
_PRONOUN_OPENING = re.compile(r"[ \t]*(?:It|They|He|She)[ \t]+(?:\w+[ \t]+)?(?:" + _REPORT_VERBS + r")\b")
# A study's people or papers as the subject of anything: what the sentence states is the study's.
_FINDINGS_SUBJECT = re.compile(r"\b(?:[Tt]he|[Tt]his|[Ii]ts|[Tt]heir)[ \t]+(?:researchers|study|report|survey|poll|"
                               r"findings|research[ \t]+team|analysis|authors)\b")
# Reporting of a forecast with no agent ("GDP is expected at 3.2%"): the last source named goes on.
_AGENTLESS_WORDS = "expected tipped forecast forecasts predicted projected estimated slipping dipping".split()
_AGENTLESS_WORD = re.compile(rf"\b(?:{alternation(_AGENTLESS_WORDS + [w.capitalize() for w in _AGENTLESS_WORDS])})\b")
_AGENTLESS = re.compile(r"\b(?:is|are|was|were|be)[ \t]+(?:\w+[ \t]+)?(?:expected|tipped|forecast|predicted|projected|"
                        r"estimated)\b|\bforecasts?[ \t]+for\b|\bslipping\b|\bdipping\b", re.IGNORECASE)
# How far back a bare "the report" may reach for its owner, and "it said" for the claimant before.
_OWNER_REACH = 4000
_RECENT_REACH = 1500
_NAMED_LATER_REACH = 600


class Sources:
    """The document's named sources: what its names are in full, who owns its reports, and who a sentence
    credits with what it states."""

    def __init__(self, work: str, speakers: list[str]) -> None:
        self._work = work
        self._acronyms: dict[str, str] = {}
        for paren in _ACRONYM_PAREN.finditer(work):  # "Office for National Statistics (ONS)"
            named = _NAME_BEFORE.search(work, max(0, paren.start() - 100), paren.start())
            if named:
                self._acronyms.setdefault(paren.group(1), _trim_name(named.group(1)))
        self._initials: dict[str, str] | None = None  # names by their initials, read on first need
        self._by_last: dict[str, str] = {}
        for name in sorted(speakers, key=len):
            self._by_last[name.split()[-1]] = name
        self._owners: list[tuple[int, str]] | None = None  # (where, who) owns findings, read on first need
        self._owner_starts: list[int] = []
        self._credited: dict[tuple, str | list[tuple[int, str]] | None] = {}

    def _owned(self) -> list[tuple[int, str]]:
        """Who the document names as owning findings, in order: "the NAO's report", "a poll by X"; read around
        each findings word, so the cost follows those words, not the document's length."""
        if self._owners is None:
            work, owners = self._work, []
            for hit in _FINDINGS_WORD.finditer(work):
                for pattern in (_OWNED, _OWN_FINDINGS):
                    m = next((m for m in pattern.finditer(work, max(0, hit.start() - 120), hit.end())
                              if m.end() == hit.end()), None)
                    if m:
                        owners.append((hit.start(), self.resolve(m.group("x"), m.start("x"))))
                        break
                by = _BY.match(work, hit.start())
                if by:
                    owners.append((by.start(), self.resolve(by.group("x"), by.start("x"))))
            self._owners = sorted((at, who) for at, who in owners if who)
            self._owner_starts = [at for at, _ in self._owners]
        return self._owners

    def resolve(self, phrase: str, pos: int) -> str | None:
        """The canonical name a phrase names ("the NAO" -> "National Audit Office", "Mr Macklin" -> "Tony
        Macklin"), or None when it names no one."""
        name = clean_name(phrase)
        if name is None:
            return None
        if name in self._acronyms:
            return self._acronyms[name]
        first, joined, second = name.partition(" and ")
        if joined and name not in self._acronyms.values() and _is_org(first) and _is_org(second):
            name = first  # "the University of Washington and Stanford University": the first named
        if name.isupper() and len(name) > 1:
            spelled = self._spelled_out(name)
            if spelled:
                return spelled
        known = self._by_last.get(name.split()[-1])
        if known and (known.endswith(name) or len(name.split()) == 1):
            return known
        return name

    def _spelled_out(self, acronym: str) -> str | None:
        """A name in the document whose initials are the acronym ("ONS" -> "Office for National Statistics");
        the document's names are read once, on the first acronym that needs them."""
        if self._initials is None:
            self._initials = {}
            for m in _NAME_RE.finditer(self._work):
                words = m.group().split()
                for i in range(len(words) - 1):  # "A National Audit Office" holds "NAO" from its second word
                    if words[i][:1].isupper():
                        self._initials.setdefault(acronym_of(words[i:]), _trim_name(" ".join(words[i:])))
        return self._initials.get(acronym)

    def owner_before(self, pos: int) -> str | None:
        """The last source the document named as owning a report, survey or study before `pos`."""
        owners = self._owned()
        i = bisect.bisect_left(self._owner_starts, pos) - 1
        if i >= 0 and pos - owners[i][0] <= _OWNER_REACH:
            return owners[i][1]
        return None

    def _owner_after(self, pos: int) -> str | None:
        """The first source named as owning findings just after `pos`, when a report is named only later."""
        owners = self._owned()
        i = bisect.bisect_right(self._owner_starts, pos)
        if i < len(owners) and owners[i][0] - pos <= _NAMED_LATER_REACH:
            return owners[i][1]
        return None

    def credited(self, start: int, end: int, offset: int, last: tuple[int, str | None]) -> str | None:
        """Who the sentence work[start:end] credits with the figure at `offset`; `last` is (where, who) of the
        claimant before, for "it"/"they" close by and for forecasts with no agent further on. A sentence is
        read once for all its figures; which candidate a figure gets depends only on where it is."""
        key = (start, end, last)
        if key not in self._credited:
            if len(self._credited) > 64:
                self._credited.clear()
            self._credited[key] = self._credit(start, end, last)
        found = self._credited[key]
        if isinstance(found, list):  # (where, who) candidates: the nearest before the figure, else the first
            before = [c for c in found if c[0] <= offset]
            return max(before)[1] if before else min(found)[1]
        return found

    def _credit(self, start: int, end: int, last_claim: tuple[int, str | None]
                ) -> str | list[tuple[int, str]] | None:
        sentence = self._work[start:end]
        recent = last_claim[1] if start - last_claim[0] <= _RECENT_REACH else None
        earlier = last_claim[1] if start - last_claim[0] <= _OWNER_REACH else None
        if _PRONOUN_OPENING.match(sentence):
            recent = self._subject_before(start) or recent  # "It claimed …" after "Ernst & Young said …"
        for m in _ACCORDING.finditer(sentence) if "ccording" in sentence else ():
            found = self._source_of(m.group("x"), start + m.start("x"), recent, earlier)
            if found:
                return found
        for m in _SAID_AFTER.finditer(sentence):
            found = self.resolve(m.group("x"), start + m.start("x"))
            if found:
                return found
        candidates: list[tuple[int, str]] = []  # (where, who): subjects of reporting and owners of findings
        for verb in _REPORT_VERB.finditer(self._work, start, end):
            subject = _SUBJECT_BEFORE.search(self._work, max(start, verb.start() - 120), verb.start())
            found = subject and self._subject(subject.group("x"), subject.start("x"), recent, earlier)
            if found:
                candidates.append((verb.start(), found))
        findings = _FINDINGS_WORD.search(sentence) is not None
        if findings:
            owners = self._owned()
            i = bisect.bisect_left(self._owner_starts, start)
            candidates += owners[i:bisect.bisect_left(self._owner_starts, end)]
        if candidates:
            return candidates
        if findings and _FINDINGS_SUBJECT.search(sentence) or _AGENTLESS_WORD.search(sentence) \
                and _AGENTLESS.search(sentence):
            return self.owner_before(start) or earlier  # "the researchers adjusted …", "GDP is expected at …"
        return None

    def _organisation_before(self, pos: int, noun: str) -> str | None:
        """The last organisation named before `pos` ("Vestey Group" for "the company"), one whose name holds
        the noun's own word where it has one ("Lloyds Bank" for "the bank")."""
        word = _ORG_NOUNS[noun]
        for m in reversed(list(_NAME_RE.finditer(self._work, max(0, pos - _RECENT_REACH), pos))):
            for part in reversed(m.group().split(" and ")):  # "Lloyds Bank and Tesco": two names
                name = clean_name(part)
                if name and (word in name.lower().split() if word else _is_org(name) or _is_acronym(name)):
                    return self.resolve(name, pos)
        return None

    def named_in_according(self, start: int, end: int, speaker: str) -> str | None:
        """The person an "according to" phrase names when a quote's speaker is only part of it ("according to
        Rutgers University political scholar Kelly Dittmar" gives Kelly Dittmar where the quote says Rutgers
        University); else None."""
        sentence = self._work[start:end]
        for m in _ACCORDING.finditer(sentence) if "ccording" in sentence else ():
            phrase = m.group("x")
            found = self.resolve(phrase, start + m.start("x"))
            if found and speaker in phrase and speaker not in found and found not in speaker:
                return found
        return None

    def _subject(self, phrase: str, pos: int, recent: str | None, earlier: str | None) -> str | None:
        """The source a verb's subject names: its last clause ("…, the ONS said"), else its head before an
        aside ("The Daily Telegraph, citing local groups, reported")."""
        found = self._source_of(_clause_tail(phrase), pos, recent, earlier)
        if found is None and "," in phrase:
            found = self._source_of(phrase.split(",", 1)[0], pos, recent, earlier)
        return found

    def _subject_before(self, start: int) -> str | None:
        """The source of the last verb of reporting in the sentence before `start`."""
        before = max(self._work.rfind(". ", 0, start - 2), self._work.rfind("\n", 0, start - 2), start - 400)
        for verb in _REPORT_VERB.finditer(self._work, before + 1, start):
            subject = _SUBJECT_BEFORE.search(self._work, max(before + 1, verb.start() - 120), verb.start())
            found = subject and self.resolve(_clause_tail(subject.group("x")), subject.start("x"))
            if found:
                return found
        return None

    def _source_of(self, phrase: str, pos: int, recent: str | None, earlier: str | None) -> str | None:
        """A subject or the object of "according to" as a source: a name, "the report" (its owner, else the
        claimant before), a pronoun (the claimant just before)."""
        phrase = phrase.strip(" \t,.;:'’\"“”()")
        lower = phrase.lower()
        if lower in _PRONOUNS:
            return recent
        described = _ORG_DESCRIPTION.match(phrase)
        if described:  # "the company said": the organisation the document named last
            return self._organisation_before(pos, described.group(1).lower())
        if _DESCRIPTION.match(phrase):
            if lower.startswith(("a ", "an ")):  # "a poll suggests …", then "the Mori survey of 2,000 adults"
                return self._owner_after(pos) or self.owner_before(pos)
            return self.owner_before(pos) or (earlier if lower.startswith(("the ", "this ", "its ")) else None)
        owned = _OWNED.search(phrase) or _BY.search(phrase)
        if owned:
            return self.resolve(owned.group("x"), pos)
        return self.resolve(phrase, pos)


# Capitalised words that start sentences or name no source.
_NOT_NAMES = frozenset("""the a an in on at it he she they we i but and or so this that these those there
    however meanwhile last next monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december mr mrs ms dr earlier later overall according
    as if for while when after before since although by further also only yet still even now then thus instead
    companies firms banks investors retailers shoppers consumers households businesses markets shares prices
    sales""".split())


_FUNCTION_NAMES = frozenset("""a an in on at it he she they we i but and or so this that these those there however
    as if for while when after before since although by also""".split())


def _is_acronym(name: str) -> bool:
    return name.isupper() and len(name) > 1


def _is_org(name: str) -> bool:
    """Whether a name is an organisation's by its words ("Stanford University", "Bank of England")."""
    return any(w.lower() in ORG_WORDS for w in name.split())


def _trim_name(name: str) -> str:
    """A name without a leading "The" and a trailing possessive."""
    words = name.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if words:
        words[-1] = re.sub(r"['’]s?$", "", words[-1])
        if words[-1].endswith(".") and "." not in words[-1][:-1] and len(words[-1]) > 2:
            words[-1] = words[-1][:-1]  # "OECD." ending a sentence; "U.S." keeps its dots
    return " ".join(words)


_WORD = re.compile(r"[\w'’.&-]+")
_PEOPLE_AFTER_NAMES = frozenset("analysts economists researchers scientists experts strategists officials staff "
                                "spokesman spokeswoman spokesperson executives".split())
_CONNECTORS = frozenset("of for and on the de du &".split())
# Lower-case heads that end an organisation's name ("the Anti-Phishing Working group").
_ORG_TAILS = frozenset("group team party council committee".split())


@lru_cache(maxsize=4096)  # the same names come back in every sentence that credits them
def clean_name(phrase: str) -> str | None:
    """The name in a phrase: its last run of capitalised words (with "of", "for", "&" inside), without the
    words before it that are no name ("In September Symantec" -> "Symantec"), a person's titles ("Prime Minister
    Theresa May" -> "Theresa May", not an organisation's: "National Audit Office"), a bracketed acronym and a
    possessive. None when there is no name, or only a group ("officials")."""
    phrase = re.sub(r"[ \t]*\([^)]*\)?[ \t]*$", "", phrase.strip(" \t,.;:\"“”"))
    words = _WORD.findall(phrase)
    while len(words) > 1 and words[-1].islower() and words[-1] in _PEOPLE_AFTER_NAMES:
        words = words[:-1]  # "Goldman Sachs analysts": the bank's
    end = len(words)
    if end and words[-1].lower() in _ORG_TAILS and end > 1 and words[-2][:1].isupper():
        end -= 1
    run_start = end
    while run_start > 0:
        word = words[run_start - 1]
        if word[:1].isupper():
            run_start -= 1
        elif word.lower() in _CONNECTORS and run_start - 1 > 0 and words[run_start - 2][:1].isupper() \
                and run_start < end:
            run_start -= 1
        else:
            break
    name = words[run_start:len(words) if end < len(words) else end]
    for i in range(len(name) - 1, 0, -1):  # "Takenaka. In the Bank of Japan": a sentence ended inside
        if name[i - 1].endswith(".") and (len(name[i - 1]) > 3 and not name[i - 1][:-1].isupper()
                                          or name[i].lower() in _NOT_NAMES):
            name = name[i:] if any(w.lower() not in _NOT_NAMES for w in name[i:]) else name[:i]
            break
    while name and (name[0].lower() in _NOT_NAMES or name[0].lower() in _CONNECTORS):
        name = name[1:]
    while name and (name[-1].lower() in _CONNECTORS or name[-1].lower() in _FUNCTION_NAMES):
        name = name[:-1]  # "OECD. In": the next sentence's first word
    if len(name) == 1 and name[0].lower() in _NOT_NAMES:
        return None  # "In March", "However": no name
    if not name:
        return None
    lowered = [w.lower().strip(".") for w in name]
    if not any(w in ORG_WORDS for w in lowered):
        while len(name) > 1 and lowered[0] in TITLE_WORDS:
            name, lowered = name[1:], lowered[1:]
    if lowered[-1] in GROUP_WORDS and len(name) == 1:
        return None
    text = _trim_name(" ".join(name))
    return text or None


def _clause_tail(text: str) -> str:
    """The last clause of a subject: after the last comma, "while", "and", "that" ... before the verb."""
    cut = 0
    for m in _CLAUSE_BREAK.finditer(text):
        cut = m.end()
    return text[cut:].strip()
