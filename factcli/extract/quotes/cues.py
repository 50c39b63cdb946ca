"""The words that attribute speech: cue verbs, "according to", and the speaker
phrase next to them.

Everything here works on short windows of text (one sentence or the words
around a quote), with bounded patterns, so the cost stays linear in the text.
"""
from __future__ import annotations

import re

from factcli.extract.words import alternation


def _forms(lemma: str) -> list[str]:
    """Regular inflections of a verb: warn -> warn warns warned warning."""
    if lemma.endswith("e"):
        stem = lemma[:-1]
        return [lemma, lemma + "s", stem + "ed", stem + "ing"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        stem = lemma[:-1]
        return [lemma, stem + "ies", stem + "ied", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


_IRREGULAR = {
    "say": "say says said saying", "tell": "tell tells told telling", "write": "write writes wrote writing written",
    "admit": "admit admits admitted admitting", "stress": "stress stresses stressed stressing",
    "tweet": "tweet tweets tweeted tweeting", "quip": "quip quips quipped quipping",
    "post": "post posts posted posting", "emphasise": "emphasise emphasises emphasised emphasising",
    "emphasize": "emphasize emphasizes emphasized emphasizing", "rebut": "rebut rebuts rebutted rebutting",
    "criticise": "criticise criticises criticised criticising",
    "criticize": "criticize criticizes criticized criticizing", "pledge": "pledge pledges pledged pledging",
    "forecast": "forecast forecasts forecasting", "confess": "confess confesses confessed confessing",
    "signal": "signals signalled signaled signalling signaling",
    "query": "queries queried querying", "question": "questions questioned questioning",
}
# Verbs of saying or writing whose complement is reported speech.
SAY_LEMMAS = """say tell add write claim warn argue insist deny admit announce confirm report state explain suggest
predict accuse urge promise acknowledge note stress emphasise emphasize reply respond tweet post declare continue
recall comment concede observe remark assert maintain reiterate allege complain agree testify conclude vow pledge
boast joke quip caution threaten demand reveal disclose answer counter retort contend blame condemn
criticise criticize reject insist rebut concur affirm reaffirm proclaim inform ask read underline indicate highlight
recommend advise reassert question encourage forecast praise confess query mention protest propose accept
challenge reason signal assure remind hint""".split()
# Verbs that label rather than report: only the quoted words are a record.
LABEL_LEMMAS = "call describe brand label dub term".split()
# Verbs that take a noun object more often than a clause: "announced a plan".
NOUN_OBJECT_LEMMAS = frozenset("""announce confirm reaffirm report deny admit reveal threaten disclose note stress
emphasise emphasize condemn criticise criticize reject blame post tweet answer counter ask comment concede explain
continue demand write underline highlight recommend question praise mention propose accept query challenge reassert
forecast signal confess advise encourage""".split())
# Verbs whose report is an object and an infinitive: "urged ministers to act", "asked the US not to …".
OBJECT_TO_LEMMAS = frozenset("ask urge advise encourage challenge recommend warn tell remind".split())
# Verbs that introduce a direct quote but report no clause of their own.
QUOTE_ONLY_LEMMAS = frozenset("ask continue joke quip reply respond answer retort comment".split())

LEMMA_OF: dict[str, str] = {}
for _lemma in SAY_LEMMAS + LABEL_LEMMAS:
    for _form in (_IRREGULAR.get(_lemma) or " ".join(_forms(_lemma))).split():
        LEMMA_OF.setdefault(_form, _lemma)
# Forms that are more often nouns or adjectives: "state media", "a Telegram post", "the report".
for _form in """state states post posts report reports note notes answer answers comment comments demand demands
        tweet tweets pledge pledges promise promises vow vows quip quips joke jokes counter counters blame caution
        cautions reply claim call calls term terms label labels brand brands post posting continue continues
        read reading remark remarks protest protests challenge challenges challenging reason reasons reasoning
        highlight highlights praise mention mentions signals queries questions propose accept underline indicate
        recommend advise reassert encourage encouraging confess query assure""".split():
    LEMMA_OF.pop(_form, None)
LABEL_FORMS = frozenset(f for f, lemma in LEMMA_OF.items() if lemma in LABEL_LEMMAS)

# Every cue phrase with its lemma ("calling for" and "called for" are cues by their verb alone).
CUE_LEMMA = {**LEMMA_OF, "according to": "according to", "According to": "according to", "pointed out": "point",
             "calls for": "call", **dict.fromkeys(("make clear", "makes clear", "made clear", "making clear",
                                                   "made it clear", "makes it clear", "making it clear"), "make clear"),
             # forms that are more often nouns are verbs before "that": "The Times reports that …"
             **{f"{form} that": lemma for lemma in ("state", "report", "note", "claim", "promise", "remark")
                for form in (lemma, lemma + "s")}}
# One trie of all phrases, so the engine takes one branch per letter; where one phrase starts another ("claims",
# "claims that") the longer one matches, so at most one phrase matches at any position.
CUE = re.compile(rf"(?<![\w\-]){alternation(list(CUE_LEMMA))}\b")


# Capitalised words that start sentences but never names.
STOP_CAPS = ("At|In|On|But|And|The|A|An|For|If|As|When|While|After|Before|With|From|By|To|Of|It|He|She|They|We|I|"
             "This|That|These|Those|His|Her|Their|Its|Our|There|Here|So|Yet|Or|Nor|Not|No|Yes|Also|However|"
             "Meanwhile|Still|Now|Then|Asked|Although|Though|Even|Like|Unlike|Despite|During|Since|Until|Because|"
             "What|Who|Why|How|Where|Which|Speaking|Responding|Writing|Some|Many|Most|All|Both|Each|Every|Other|"
             "Several|Such|Once|Only|Just|Last|Next|Earlier|Later|Instead|Indeed|Thus|Hence|Today|Yesterday|More|One|"
             "Another")
STOP_CAPS = alternation(STOP_CAPS.split("|"))
# Capitalised words no name starts with: the words above, months that are not also first names
# ("In December Microsoft said"), shares of a whole ("Three-quarters said"), and days ("On Monday
# Tony Blair said") except as the first word of a newspaper's name ("the Sunday Telegraph").
NOT_A_NAME = (rf"(?:{STOP_CAPS}|January|February|March|September|October|November|December|Half"
              r"|(?:One|Two|Three|Four)-(?:third|quarter|fifth)s?"
              r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?!\s+(?:Times|Telegraph|Mirror|Express|"
              r"Herald|Post|Mail|Independent|Tribune|Star|Observer|People|Sport|Business|World)\b))\b")
# After a capital: the rest of a title cut short with a full stop ("Sen.", "Lt.") or of initials ("F.", "U.S.");
# any other word before a full stop ends a sentence ("… beat Tomas Zib. Roddick said").
_TITLE_ABBREVIATIONS = """Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col Maj Capt Sgt Cmdr Adm Prof Rev Hon St Jr Sr Pres Supt Insp
    Det Cpl Pvt Brig Cdr Fr Msgr Atty Sec Amb""".split()
# Full stops that end no sentence: "Mr.", "Sen.", "Lt.", initials ("F.", "U.S.").
ABBREVIATION_DOT = re.compile(r"\b(?:" + "|".join(_TITLE_ABBREVIATIONS) + r"|[A-Z])\.")
ABBREVIATION_REST = (r"(?:[a-z]{1,4}\.(?:" + "|".join(rf"(?<=\b{a}\.)" for a in _TITLE_ABBREVIATIONS) + r")"
                     r"|\.(?:[A-Z]\.)*)")
_NAME_TOKEN = (rf"(?=[A-ZÀ-ÝĀ-Ža-e])(?!{NOT_A_NAME})(?:[A-ZÀ-ÝĀ-Ž]{ABBREVIATION_REST}(?!\s+[a-z])"
               rf"|[A-ZÀ-ÝĀ-Ž](?:[\w\-]|&(?=[A-Z])|[’'](?!s\b)(?=\w))*+|al-[\w\-]++|el-[\w\-]++)")
_LINK = r"(?:\s+(?:of|for|the|de|del|la|le|van|von|bin|al|and))*"
_ROLE_WORD = "(?:(?:co|vice|ex|deputy)-)?(?:" + alternation("""spokesperson spokesman spokeswoman adviser advisor
    minister secretary official chief head leader president commander director prosecutor envoy ambassador governor
    senator lawmaker analyst expert professor lecturer lawyer correspondent editor reporter founder boss chairman
    chairwoman chair commissioner administrator coordinator deputy economist manager coach agency news service former
    foreign defence defense national security state senior top interior finance vice prime press general military
    justice health trade""".split()) + r")\b"
_GROUP = "(?:" + alternation("""officials sources analysts experts critics diplomats authorities leaders lawmakers
    media officers prosecutors investigators ministers spokespeople residents activists aides firms companies
    researchers scientists economists unions""".split()) + r")\b"
_HEAD_NOUN = "(?:" + alternation("""statement government ministry military authorities spokesperson spokesman
    spokeswoman office report post embassy army police court parliament""".split()) + r"|press\s+service)\b"
_FUNCTION_WORD = "(?:" + alternation("""over of in on at for with by from to about into after before against and or
    but that which who whom whose as than""".split()) + ")"
_NOT_PRONOUN = r"(?!(?:he|she|they|it|we|who)\b)"  # "Spanton's underwear he claimed": the phrase is "he"
# A speaker phrase: a pronoun, a (possibly titled) name, or a description, with an optional apposition.
_NP = (
    rf"(?<![\w’'\-])(?:(?P<pron>[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\b"
    rf"|(?P<np>(?:(?:[Tt]he|[Aa]n?)\s+)?(?:{_NAME_TOKEN}|{_ROLE_WORD}|{_GROUP})"
    rf"(?:(?:(?:\s+(?:of|for|the|de|del|la|le|van|von|bin|al|and))*\s+|[’']s?\s+)(?:{_NAME_TOKEN}|{_ROLE_WORD}))*+"
    # "Q magazine editor Paul Rees": a name, a role, then the person's name
    rf"(?:\s+(?:[a-z]+\s+){{0,2}}{_ROLE_WORD}\s+{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})+)?"
    rf"(?:(?:[’']s?\s+(?:{_NOT_PRONOUN}[a-z\-]++\s+){{0,3}}?{_NOT_PRONOUN}[a-z\-]++)|\s+{_GROUP}"
    rf"|(?:\s+{_HEAD_NOUN}){{1,2}})?)"
    rf"|(?P<desc>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|Our)\s+(?:[\w’'\-]++\s+){{0,4}}?(?!{_FUNCTION_WORD}\b){_NOT_PRONOUN}[a-z][\w\-]*+))"
)
# An apposition after a name: ", an RAF commander," / ", the head of ..., ".
_APPOSITION = (rf"(?:,\s+(?P<appos>(?:a|an|the|who|of|from|at|{_ROLE_WORD}|[A-Z][\w’']*[’']s"
               r"|(?![a-z]+(?:ed|ing)\b)[a-z][\w\-]*)\b"
               r"[^,;:.!?“”\"]{0,120}?"
               r"|[A-Z]-[A-Z][\w.\-]*|\d{1,3}),)?"
               r"(?:\s+who\b[^,;:.!?“”\"]{1,120}?,)?")
_ADVERBS = (r"(?:\s+(?:also|later|previously|again|then|further|repeatedly|recently|earlier|once|had|has|have|"
            r"would|will|has\s+also|on\s+\w+day|\w+day|last\s+\w+|this\s+\w+|publicly|separately|herself|himself|"
            r"both|all|themselves|itself|did|does|(?:went|goes|go)\s+on\s+to|[a-z]+ly))*")
# "Tessa Jowell who said", "Regina Ip from the pro-Beijing camp said"
_FROM_GROUP = r"(?:\s+(?:from|of|at)\s+the\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3})?"
_PARTY_STATE = r"(?:\s*\([A-Z][\w.]*-[A-Z][\w. ]{0,20}\))?"  # "Rep. Jim Jordan (R-Ohio) said"
_SUBJECT_BEFORE_VERB = re.compile(rf"{_NP}{_PARTY_STATE}{_APPOSITION}{_FROM_GROUP}(?:\s+who)?{_ADVERBS}\s*$")
# Where a speaker phrase can start: cheap to find, so the full pattern is tried at few places.
_PHRASE_START = re.compile(r"(?<![\w’'\-])(?:[A-ZÀ-ÝĀ-Ž]|he\b|she\b|they\b|it\b|the\b|an?\b|his\b|her\b|their\b|"
                           + _ROLE_WORD + "|"
                           + _GROUP + ")")


def subject_before(work: str, lo: int, hi: int) -> re.Match | None:
    """The speaker phrase that ends at hi (before a cue verb), starting as early as possible after lo."""
    fallback = None
    for start in _PHRASE_START.finditer(work, lo, hi):
        found = _SUBJECT_BEFORE_VERB.match(work, start.start(), hi)
        if found and found.group("desc") and found.group("desc")[:1] in "Aa":
            fallback = fallback or found  # "a contrast with DeSantis’ comments": a later phrase is the speaker
        elif found:
            return found
    return fallback
# Lower-case words before a full name after the verb: "said committee chairman Kostas Panagopoulos".
_LEAD = (rf"(?P<lead>(?:(?!{_FUNCTION_WORD}\b|this\b|last\b|earlier\b|later\b)[a-z0-9][\w\-]*\s+){{1,4}}?"
         rf"(?={_NAME_TOKEN}\s+{_NAME_TOKEN}))?")
SUBJECT_AFTER_VERB = re.compile(
    rf"\s+{_LEAD}{_NP}{_PARTY_STATE}(?:,\s+(?:(?P<appos>(?:(?:formerly|previously|now|then)\s+)?(?:a|an|the|{_ROLE_WORD})\b[^,;:.!?“”\"]{{1,120}})"
    rf"|(?P<name2>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})(?=\s*[,.;]|\s*$)))?"
)
SENTENCE_SUBJECT = re.compile(
    rf"[\s•*·–—-]*(?:(?:But|And|However|Meanwhile|Still|Yet|So|Now|Separately|Earlier|Later),?\s+)?"
    rf"(?:(?:Some|Many|Most|Several|Other|Both|All)\s+(?={_GROUP}))?{_NP}{_APPOSITION}"  # "Some analysts …, saying"
)
# What may sit between a cue verb and its clause: an object, a medium, a time.
_OBJECT = re.compile(
    r"(?:\s+[\w’'\-]+(?:\s+[\w’'\-]+){0,5}?(?=\s+that\b)"
    r"|\s+(?:the\s+)?[A-Z](?:[\w’'\-]|\.(?=\w))*+(?:[’']s)?\s*(?:[A-Z0-9](?:[\w’'\-]|\.(?=\w))*+(?:[’']s)?\s*){0,5}"
    r"(?:(?:programme|show|newspaper|magazine|website|radio|channel|station|agency|podcast|members|supporters|"
    r"officials|voters|delegates|leaders|staff|workers|reporters|journalists|colleagues|investors|viewers|"
    r"listeners|readers|fans)\b)?"
    r"|\s+(?:reporters|journalists|lawmakers|parliament|MPs|the\s+[\w\s’'\-]{1,40}?|him|her|them|us|me|viewers|"
    r"listeners|delegates|supporters|an?\s+[\w\s’'\-]{1,40}?)"
    r"|\s+(?:the\s+)?[a-z][\w’'\-]*(?=\s+(?:he|she|it|they|we|I|there)\s))(?=\s+that\b|\s*[“\"]|\s+(?:in|on|at|during|last)\b|\s*[,:.;!?]|"
    r"\s*$|\s+[A-Za-z])"
)
_MEDIUM = re.compile(
    r"(?:,?\s+(?:in|on|at|during|via|through|over|to)\s+(?:a|an|the|his|her|its|their)?\s*"
    r"[\w’'\-]+(?:\s+[\w’'\-]+){0,5}?\s*(?:statement|post|interview|address|message|tweet|video|speech|briefing|"
    r"conference|op-ed|letter|report|broadcast|Twitter|Telegram|Facebook|Instagram|X|television|radio|"
    r"podcast|blog|column|article|session|hearing|meeting|forum|summit|rally|event|call|email|memo|"
    r"note|filing|release|book|documentary|programme|program|show|past|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|week|month|year|morning|evening|night|afternoon)\b"
    r"|,?\s+(?:on|last|this|earlier|late)\s+(?:week|month|year|morning|afternoon|evening|night|weekend|[A-Z]\w+)\b"
    r"|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|yesterday|today|tonight|recently|earlier|later|previously|publicly|also)\b"
    r"|\s+(?:on|in)\s+[A-Z]\w+(?:\s+\d{1,2})?)"
)
_THAT = re.compile(r"(?:,\s+[^,;:.!?“”\"]{1,50},)?,?\s+that\b")  # also "claimed, with some justification, that"


_ISSUED_BY = re.compile(r"\s+(?:from|by|of|issued\s+by|released\s+by)(?=\s)")
_DOCUMENT_HEAD = re.compile(r"(?:statement|report|release|communiqu[eé]|post|letter|filing|document|notice)$")


def source_after(work: str, pos: int, end: int) -> re.Match | None:
    """Who "according to" names: "according to Tom Baker", "according to a statement from the ministry"."""
    source = SUBJECT_AFTER_VERB.match(work, pos, end)
    if source is not None and _DOCUMENT_HEAD.search(source.group().rstrip(" ,.")):
        issuer = _ISSUED_BY.match(work, source.end(), end)
        if issuer:
            return SUBJECT_AFTER_VERB.match(work, issuer.end(), end) or source
    return source


def verb_lemma(cue_match: re.Match) -> str:
    return CUE_LEMMA[cue_match.group()]


def skip_complement(text: str, pos: int, stop: int, lemma: str) -> int:
    """Position after a cue verb's object ("told CNN") and adverbials ("in a statement on Friday")."""
    if lemma in ("tell", "inform", "accuse", "assure", "remind"):
        match = _OBJECT.match(text, pos, stop)
        if match and lemma != "accuse":
            pos = match.end()
    for _ in range(4):
        match = _MEDIUM.match(text, pos, stop)
        if not match:
            break
        pos = match.end()
    return pos


def skip_that(text: str, pos: int, stop: int) -> tuple[int, bool]:
    match = _THAT.match(text, pos, stop)
    return (match.end(), True) if match else (pos, False)


# A verb after a subject: "Kirby said", "the office, in a statement, has warned".
FINITE_AFTER = re.compile(
    r",?\s+(?:[a-z]+ly\s+|also\s+|on\s+\w+\s+|\w+day\s+)?(?:[a-z]+(?:ed|s)|has|had|have|is|was|were|are|will|"
    r"would|can|could|may|might|must|should|did|does|do|told|said|made|took|gave|met|spoke|wrote|sent|left|began|"
    r"became|came|went|saw|put|set|led|held|ran|won|lost|got|kept|brought|thought|felt|found|paid|sought|stood|"
    r"fought|knew|drew|grew|chose|rose|fell|broke|spent|heard|built|hit|cut|let)\b")


_LEAD_IN_END = re.compile(r"[:,][ \t]*[“\"‘'„«]?$")


def lead_in_subject(work: str, sent_start: int, quote_start: int) -> re.Match | None:
    """The subject of a clause that leads into a quote with a colon or comma ("Bolton gave a different
    account: “…”", "Graham spoke on Fox News, “…”"), when the clause starts its sentence with it."""
    if not _LEAD_IN_END.search(work, max(sent_start, quote_start - 4), quote_start):
        return None
    subject = sentence_subject(work, sent_start, quote_start)
    if subject is None or subject.group("pron") in ("it", "It", "they", "They"):
        return None
    return subject


def sentence_subject(work: str, start: int, end: int) -> re.Match | None:
    """The speaker phrase that starts the sentence at start as its subject, followed by a verb."""
    subject = SENTENCE_SUBJECT.match(work, start, end)
    return subject if subject is not None and FINITE_AFTER.match(work, subject.end(), end) else None
