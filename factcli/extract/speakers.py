"""Who a speaker phrase names: splitting titles from names, and one canonical
name per entity, within a document and across documents.

A phrase such as "National Security Council spokesperson John Kirby" becomes
the name "John Kirby" and the role "National Security Council spokesperson";
"Kirby" and "Mr Kirby" later in the document become "John Kirby" too.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from factcli.extract.first_names import FIRST_NAME_GENDER
from factcli.extract.records import Speaker

# Words that make a capitalised phrase a title or role rather than a name.
TITLE_WORDS = frozenset(
    """president vice prime minister ministers secretary chancellor gov governor sen senator rep representative
    mayor premier king queen prince princess sir dame lord lady mr mrs ms miss dr prof professor judge justice
    gen general col colonel lt maj major capt captain sgt adm admiral cmdr commander chief spokesperson spokesman
    spokeswoman spokespeople ambassador envoy chairman chairwoman chair director head leader deputy coordinator
    adviser advisor counsel attorney prosecutor commissioner officer official inspector superintendent detective
    speaker chancellor pope bishop archbishop rev reverend father foreign defence defense interior finance health
    justice home economy trade state national security council executive managing senior former acting interim
    assistant first lady coach manager boss founder analyst economist editor correspondent reporter mp mep
    shadow""".split()
)
# Nouns that make a name an organisation ("Ministry of Defence", "Wagner Group").
ORG_WORDS = frozenset(
    """ministry department office court council commission committee agency authority bureau service services
    force forces army navy police guard house parliament assembly congress senate government administration
    cabinet kremlin union nations institute foundation university college school bank group company corp
    corporation inc ltd plc party association federation organisation organization network news times post
    journal tribune telegraph guardian herald press agency tass reuters bbc cnn nato league club fund
    chamber board embassy mission centre center alliance coalition campaign trust society team research capital
    partners securities holdings exchange associates consulting consultancy records studios pictures films
    airlines airways
    motors systems technologies labs networks telecom energy industries international institution
    commission observatory watch foundation charity courier gazette chronicle mail mirror express observer daily
    weekly magazine""".split()
)
# Titles that name an office holder, not a body ("Council Leader Ann Lee" is a person).
_OFFICE_NOUNS = frozenset("""leader spokesman spokesperson spokeswoman chief head director chairman chairwoman chair
    secretary minister president governor commissioner officer official boss editor analyst economist manager
    coach captain executive founder""".split())
_SURNAME_TITLES = frozenset("king bishop major judge pope prince knight marshal dean".split())
HONORIFICS = {"mr": "male", "sir": "male", "lord": "male", "mrs": "female", "ms": "female", "miss": "female",
              "dame": "female", "lady": "female"}
# Plural or generic heads that name no one ("officials", "Russian media").
GROUP_WORDS = frozenset(
    """officials critics analysts experts sources unions residents producers media observers diplomats people
    authorities investigators campaigners activists protesters lawyers researchers scientists economists
    commentators reports some many others several insiders aides allies members voters fans witnesses locals
    supporters opponents politicians leaders lawmakers legislators ministers bosses executives staff workers
    police doctors teachers officers soldiers troops users customers viewers readers parents students
    observers rebels militants judges prosecutors mps meps peers councillors organizers organisers companies
    firms businesses investors traders retailers consumers shoppers employers farmers families""".split()
)
_PARTICLES = frozenset("al el bin ibn de da di du van von der den la le dos del ter".split())
# Adjectives of nationality or place: "Ukrainian officials" names no one.
_ADJECTIVE = re.compile(r"(?:an|ese|ish|ic|i|ch|ean)$")
_LOCATED = re.compile(r"-(?:based|born|run|led|[a-z]+ing|[a-z]+ed)$")  # "Bracknell-based", "coffee-loving"
_GROUP_ADJECTIVES = frozenset("""local western eastern northern southern senior top former foreign other some
    many several government state military security intelligence police health industry company party""".split())
_TOKEN = re.compile(r"[^\W\d_](?:[\w’'.\-]|&(?=[A-Z]))*", re.UNICODE)  # "S&P" is one word
_POSSESSIVE = re.compile(r"[’']s?$")


@dataclass(slots=True)
class Mention:
    """A speaker phrase split into the entity's name and its role."""

    name: str
    role: str | None
    type: str  # "person" or "organisation"
    gender: str | None = None


def _clean(token: str) -> str:
    return token.strip(".,;:’'").lower()


def acronym_of(words: list[str]) -> str:
    """Initials of the capitalised words: "Royal Air Force" -> "RAF"."""
    return "".join(w[0] for w in words if w[:1].isupper())


def split_name(phrase: str) -> Mention | None:
    """Name and role of a capitalised phrase; None when it names no one."""
    first, *others = _AND.split(phrase, maxsplit=1)
    # "Culture, Media and Sport Secretary Tessa Jowell": one title before one name
    titled = bool(others) and " " not in first.strip() and any(_clean(w) in TITLE_WORDS for w in others[0].split()[:-1])
    if not others or (_clean(others[0].split()[-1]) not in ORG_WORDS and not titled):
        phrase = first  # "A and B said": the first named; "Securities and Exchange Commission" is one body
    tokens = [t.rstrip(".") if len(t.rstrip(".")) > 3 else t for t in _TOKEN.findall(phrase)]
    if tokens and _is_possessive(tokens[-1]):
        tokens[-1] = _POSSESSIVE.sub("", tokens[-1])  # "Ricky Gervais' new sitcom": the name is Ricky Gervais
    while tokens and _clean(tokens[0]) in ("the", "a", "an"):
        tokens = tokens[1:]
    # "The" after "of" is part of a body's name ("Lucy Fischer of The Times"), elsewhere a new name starts
    tokens = [t.lower() if t == "The" and i and tokens[i - 1] in ("of", "at", "for", "from") else t
              for i, t in enumerate(tokens)]
    internal_the = [i for i, t in enumerate(tokens) if i and t == "The"]
    if internal_the:
        tokens = tokens[internal_the[-1] + 1:]
    if not tokens:
        return None
    lowered = [_clean(t) for t in tokens]
    # "Police spokesman Mariusz Ciarka": a group word before a title and a name is part of the role
    titled = titled or (tokens[-1][:1].isupper() and any(t in TITLE_WORDS for t in lowered[1:-1]))
    if (lowered[-1] in GROUP_WORDS and tokens[-1][:1].islower()) or (lowered[0] in GROUP_WORDS and not titled):
        head = [t for t in tokens[:-1] if t[:1].isupper() and not _ADJECTIVE.search(_clean(t))
                and _clean(t) not in _GROUP_ADJECTIVES]
        if lowered[0] in GROUP_WORDS or not head:
            return None  # "Ukrainian officials", "critics", "Judges at the court"
        return Mention(" ".join(head), None, "organisation")
    if not tokens[-1][:1].isupper():
        return None
    if len(tokens) > 1 and lowered[-1] == "executive" and all(
            t[:1].isupper() and low not in TITLE_WORDS for t, low in zip(tokens[:-1], lowered, strict=False)):
        return Mention(" ".join(tokens), None, "organisation")  # "the Scottish Executive" governs; no one's title
    honorific = next((HONORIFICS[t] for t in lowered if t in HONORIFICS), None)
    # roles end at the last title word or lowercase word: "state news agency RIA Novosti"
    lower_at = max((i for i, t in enumerate(tokens) if (t[:1].islower() and lowered[i] not in _PARTICLES
                    and lowered[i] not in _CONNECTORS and not _PARTICLE_NAME.match(t))
                    or ("-" in t and (_LOCATED.search(t) or _hyphenated_role(lowered[i])))), default=-1)
    # a title word after an honorific is a surname ("Ms King", "Mr Speaker"),
    # and so is a title that is also a surname after a first name: "Oona King", "Tom Bishop"
    surname_title = len(tokens) > 1 and (lowered[-2] in HONORIFICS or (
        lowered[-1] in _SURNAME_TITLES and lowered[-2] not in TITLE_WORDS and tokens[-2][:1].isupper()))
    named = len(tokens) - 1 if surname_title else len(tokens)
    boundary = max([lower_at] + [i for i, t in enumerate(lowered[:named]) if t in TITLE_WORDS or _is_possessive(t)])
    org_at = max((i for i, t in enumerate(lowered) if t in ORG_WORDS and tokens[i][:1].isupper()), default=-1)
    if lowered[0] in ORG_WORDS and honorific is None and not _OFFICE_NOUNS.intersection(lowered) and all(
            t[:1].isupper() or lowered[i] in _CONNECTORS for i, t in enumerate(tokens)):
        # "Office for National Statistics", "University of Colorado at Boulder": a body's name, titles and all
        return Mention(" ".join(tokens), None, "organisation", None)
    affiliated = next((i for i, t in enumerate(lowered) if t in ("of", "at") and i >= 2), None)
    if affiliated is not None and honorific is None and 2 <= affiliated <= 3 and all(
            tokens[i][:1].isupper() and lowered[i] not in ORG_WORDS and lowered[i] not in TITLE_WORDS
            for i in range(affiliated)) and not _describes(tokens[0]):
        # "Ted Scambos of CU Boulder's Cooperative Institute": the person, of an organisation
        name = " ".join(tokens[:affiliated])
        return Mention(name, None, "person", gender_of_name(name))
    if 0 <= org_at < len(tokens) - 2 and lowered[org_at + 1] in ("of", "for") and honorific is None and (
            not _OFFICE_NOUNS.intersection(lowered)) and all(
            t[:1].isupper() or lowered[i] in _CONNECTORS for i, t in enumerate(tokens[org_at:], org_at)):
        # "the Turkish Ministry of Foreign Affairs": the body's name runs on through "of"
        start = _org_start(tokens, lowered, lower_at)
        return Mention(" ".join(tokens[start:]), " ".join(tokens[:start]) or None, "organisation", None)
    if org_at > boundary and _person_after_org(tokens, lowered, org_at):
        # "Amnesty International Man-kei Tam", "the United Nations Nikki Haley": the organisation is the role
        role = " ".join(tokens[:org_at + 1])
        return Mention(" ".join(tokens[org_at + 1:]), role if _is_role(role) else None, "person",
                       honorific or gender_of_name(" ".join(tokens[org_at + 1:])))
    if org_at > boundary or (len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1):
        start = _org_start(tokens, lowered, lower_at)
        return Mention(" ".join(tokens[start:]), " ".join(tokens[:start]) or None, "organisation", None)
    name_tokens = [t for t in tokens[boundary + 1:] if _clean(t) not in HONORIFICS]
    while len(name_tokens) > 1 and (_clean(name_tokens[0]) in _CONNECTORS
                                    or (name_tokens[0].isupper() and len(name_tokens) > 2)):
        name_tokens = name_tokens[1:]  # "ICC Piotr Hofmanski": the acronym is the role's; "UK Athletics" stays
    if not name_tokens or (len(name_tokens) == 1 and 0 <= boundary < len(tokens) - 2 and (
            lowered[boundary + 1] in _CONNECTORS)):
        return None  # "Prime Minister of Iraq": an office, no name
    if honorific is None and len(tokens) > 2 and lowered[0] in TITLE_WORDS and lowered[1] in ("of", "for") and (
            _OFFICE_DOMAIN.search(_clean(name_tokens[-1]))):
        return None  # "Minister for Defence Procurement", "Director of Public Prosecutions": an office, no name
    affiliation = next((i for i, t in enumerate(name_tokens) if i >= 2 and _clean(t) in ("of", "for", "at")), None)
    if affiliation is not None:
        name_tokens = name_tokens[:affiliation]  # "Doug Williams of BT": the person, not "of BT"
    if len(name_tokens) > 3 or (len(name_tokens) == 3 and boundary + 1 < len(tokens) and (
            lowered[boundary + 1] in _CONNECTORS)):
        name_tokens = name_tokens[-2:]  # "Mayor of London Sadiq Khan": the place is the role's
    if len(name_tokens) == 3 and _describes(name_tokens[0]):
        name_tokens = name_tokens[1:]  # "Republican Donald Trump", "Crooked Hillary Clinton": a word before the name
    role = " ".join(t for t in tokens[:boundary + 1] if _clean(t) not in HONORIFICS) or None
    name = " ".join(name_tokens)
    if role is not None and not _is_role(role):
        role = None  # "San Jose Top-seeded": words before the name that are no role
    if not honorific and len(name_tokens) > 1 and all(_describes(t) and not _SURNAME_LIKE.match(t)
                                                       for t in name_tokens):
        # "Liberal Democrat", "Turkish Cypriot", "New Labour": a party or a people, not a person
        return Mention(name, role, "organisation", None)
    return Mention(name, role, "person", honorific or gender_of_name(name))


def gender_of_name(name: str) -> str | None:
    """"male" or "female" when a full name starts with a first name used for one gender only."""
    first, _, rest = name.partition(" ")
    return FIRST_NAME_GENDER.get(first) if rest else None


_CONNECTORS = frozenset("of for the and on at".split())
# What an office is for, not a surname: "Procurement", "Prosecutions", "Culture", "Trade", "Sport".
_OFFICE_DOMAIN = re.compile(r"(?:ment|tions?|sions?|ture|ence|ance|ity|ics|ism|ships?|trade|sport|transport"
                            r"|europe|energy|industry|health|housing|work|pensions|schools|women|equalities)$")
_PARTICLE_NAME = re.compile(r"(?:al|el|ul|bin|ibn|de|da|di|van|von|le|la)-[A-ZÀ-Ý]")  # "el-Sisi", "al-Assad"
# Party and nationality words that stand before a name: "Republican Donald Trump", "Frenchman Cyril Saulnier".
_DESCRIPTOR = re.compile(r"(?:[A-Z][a-z]+(?:an|ans|ese|ish|ic|ch|ean|men|man|woman|women|crat|crats)|Tory|Labour|"
                         r"Green|Liberal|Conservative|Crooked|Top|Veteran|Star|Former|Late|Young|Old|New|Greek|Cypriot|Thai|Swiss|Dutch|"
                         r"French|Welsh|Scots|Czech|Dane|Turk|Kurd|Arab|Serb|Croat|Pole|Briton|Brit|Uzbek|Kazakh|"
                         r"Eastern|Western|Northern|Southern|Central|North|South|East|West)s?$")


_ROLE_NOUN = re.compile(r"[a-z]+(?:er|or|ist|ian|ant|ent|man|woman|person|ary|ee)$")


def _hyphenated_role(word: str) -> bool:
    """"co-developer", "co-founder": a role word, not a double-barrelled name."""
    return _ROLE_NOUN.match(word.rsplit("-", 1)[-1]) is not None


def _is_role(words: str) -> bool:
    """True when words hold a title or a noun of office ("Health Secretary", "Hong Kong director of Amnesty")."""
    return any(_clean(w) in TITLE_WORDS or _hyphenated_role(w.lower()) for w in words.split())


_SURNAME_LIKE = re.compile(r"[A-Z][a-z]+[^ie]an$")  # "Erdogan", "Sullivan": names, though they end like "Korean"


def _describes(first: str) -> bool:
    """True when first is a party, nationality or description word before a name, not its first name."""
    return first not in FIRST_NAME_GENDER and _DESCRIPTOR.match(first) is not None


def _person_after_org(tokens: list[str], lowered: list[str], org_at: int) -> bool:
    """True when a person's name follows an organisation's ("Amnesty International Man-kei Tam"): one to three
    capitalised words that hold no organisation word, after an organisation of two words or more."""
    tail = [t for t in tokens[org_at + 1:] if t.lower() not in _PARTICLES]  # "Ursula von der Leyen"
    if not 1 <= len(tail) <= 3 or org_at == 0:
        return False
    if any(lowered[i] in ORG_WORDS or lowered[i] in _CONNECTORS for i in range(org_at + 1, len(tokens))):
        return False
    return all(t[:1].isupper() and not t.isupper() for t in tail)


_AND = re.compile(r"\s+(?:and|or)\s+")


def _is_possessive(token: str) -> bool:
    return ("’" in token or "'" in token) and _POSSESSIVE.search(token) is not None


def _org_start(tokens: list[str], lowered: list[str], boundary: int) -> int:
    """Where an organisation's name starts: after the role words, keeping its own "of"s and "the"s."""
    start = boundary + 1
    while start < len(tokens) and lowered[start] in _CONNECTORS:
        start += 1
    return min(start, len(tokens) - 1)


class SpeakerTable:
    """Canonical names of one document: short forms map to the fullest form seen.

    Capitalised phrases are added raw and split into name and role only when a
    speaker's name is looked up, so a long document costs little more than a regex pass.
    """

    def __init__(self, split: Callable[[str], Mention | None] = split_name) -> None:
        self._split = split
        self._cache: dict[str, Mention | None] = {}
        self._counts: Counter[str] = Counter()
        self._by_last: dict[str, list[str]] = {}
        self._by_initials: dict[str, list[str]] | None = None  # built on first need, see _initials
        self._by_prefix: dict[tuple[int, str], list[str]] | None = None  # see _spelled_out
        self._by_first: dict[str, list[str]] = {}
        self._acronyms: dict[str, str] = {}
        self._canonical: dict[str, str] = {}
        self.speakers: dict[str, Speaker] = {}
        self.gender: dict[str, str] = {}

    def add(self, surfaces: Counter[str]) -> None:
        """Capitalised phrases seen in the document, with how often."""
        for surface, count in surfaces.items():
            if surface not in self._counts:
                words = surface.split()
                self._by_last.setdefault(_POSSESSIVE.sub("", words[-1]), []).append(surface)
                if len(words) == 2:
                    self._by_first.setdefault(words[0], []).append(surface)
                for i in range(len(words) - 2):  # "Sir John" is Sir John Bourn
                    if words[i] in ("Sir", "Dame"):
                        self._by_first.setdefault(words[i + 1], []).append(surface)
            self._counts[surface] += count
        self._by_initials = None
        self._by_prefix = None
        self._canonical.clear()

    def mention(self, surface: str) -> Mention | None:
        if surface not in self._cache:
            self._cache[surface] = self._split(surface)
        return self._cache[surface]

    def role_of(self, name: str) -> str | None:
        """A role the document gives name in front of it ("Health Secretary Maria Lopez")."""
        for surface in self._by_last.get(name.split()[-1], []):
            found = self.mention(surface)
            if found is not None and found.role and found.name == name:
                return found.role
        return None

    def honorific_gender(self, name: str) -> str | None:
        """The gender an honorific gives name somewhere in the document ("Ms King" for "Oona King")."""
        for surface in self._by_last.get(name.split()[-1], []):
            found = self.mention(surface)
            if found is not None and found.gender and found.type == "person" and self.canonical(found.name) == name:
                return found.gender
        return None

    def define_acronym(self, acronym: str, name: str) -> None:
        self._acronyms[acronym] = name
        self._canonical.pop(acronym, None)

    def canonical(self, name: str) -> str:
        """The fullest form of name in the document ("Kirby" -> "John Kirby", "RAF" -> "Royal Air Force")."""
        found = self._canonical.get(name)
        if found is None:
            found = self._canonical[name] = self._fullest(name)
        return found

    def _fullest(self, name: str) -> str:
        if name in self._acronyms:
            return self._acronyms[name]
        words = name.split()
        if len(words) == 1 and name.isupper() and len(name) > 1:
            for surface in self._initials().get(name, []):
                found = self.mention(surface)
                if found is not None and found.type == "organisation" and acronym_of(found.name.split()) == name:
                    return found.name
        best, best_key = name, (0, 0)
        counts: Counter[str] = Counter()
        for surface in self._by_last.get(words[-1], []) + self._by_first.get(name, []):
            found = self.mention(surface)
            # only people have fuller forms: "Russia" is not "BBC Russia", nor a court "the Rome Statute of" it
            if found is not None and found.type == "person" and not found.name.split()[0].isupper():
                counts[found.name] += self._counts[surface]
        for form, count in counts.items():
            other = form.split()
            if len(other) <= len(words) or not _extends(other, words):
                continue
            key = (count, -len(other))
            if key > best_key:
                best, best_key = form, key
        if best == name and len(words) > 1:
            return self._spelled_out(words) or name
        return best

    def _spelled_out(self, words: list[str]) -> str | None:
        """The name that a shortened one abbreviates word by word: "Lib Dems" -> "Liberal Democrats"."""
        if not all(len(w) >= 3 and w[:1].isupper() for w in words):
            return None
        stems = [w.lower().rstrip("s") for w in words]
        if self._by_prefix is None:  # surfaces by word count and first three letters, built on first need
            self._by_prefix = {}
            for surface in self._counts:
                parts = surface.split()
                self._by_prefix.setdefault((len(parts), parts[0][:3].lower()), []).append(surface)
                if len(parts) > 1 and parts[0].lower() == "the":
                    self._by_prefix.setdefault((len(parts) - 1, parts[1][:3].lower()), []).append(surface)
        for surface in self._by_prefix.get((len(words), stems[0][:3]), []):
            found = self.mention(surface)
            other = found.name.split() if found is not None else []
            if len(other) == len(words) and other != words and all(
                    o.lower().startswith(stem) for o, stem in zip(other, stems, strict=True)):
                return found.name
        return None

    def _initials(self) -> dict[str, list[str]]:
        """Surfaces by their initials, in the order first seen; only all-capital names need them."""
        if self._by_initials is None:
            self._by_initials = {}
            for surface in self._counts:
                self._by_initials.setdefault(acronym_of(surface.split()), []).append(surface)
        return self._by_initials

    def register(self, mention: Mention, surface: str) -> Speaker:
        """The document's Speaker for a mention, created on first use."""
        name = self.canonical(mention.name)
        speaker = self.speakers.get(name)
        if speaker is None:
            full = self.mention(name) if name != mention.name else None  # "Lib Dems" is what "Liberal Democrats" is
            kind = full.type if full is not None else mention.type
            speaker = self.speakers[name] = Speaker(name=name, type=kind, role=clean_role(mention.role))
        if mention.role and not speaker.role:
            speaker.role = clean_role(mention.role)
        if surface not in speaker.aliases and is_name_alias(surface, name):
            speaker.aliases.append(surface)
        if mention.gender:
            self.gender.setdefault(name, mention.gender)
        return speaker


def _extends(longer: list[str], shorter: list[str]) -> bool:
    """True when shorter is the surname or the first name(s) of longer."""
    n = len(shorter)
    return longer[-n:] == shorter or (n == 1 and longer[0] == shorter[0] and len(longer) == 2)


def is_name_alias(surface: str, name: str) -> bool:
    """True when surface names the entity by its name, part of it or its acronym ("Mr. Kirby", "Kirby",
    "President Obama", "NATO"); not a description ("the president", "The company", "Trump's tweets"), which
    may name someone else in another document, nor a list of names."""
    words = [_POSSESSIVE.sub("", w) for w in _TOKEN.findall(surface)]
    if not words or any(w[:1].islower() and w.lower() not in _CONNECTORS and w.lower() not in _PARTICLES
                        for w in words):
        return False
    if _AND.search(surface) or _is_possessive(surface.split()[-1]):
        return False
    name_words = [w.rstrip(".") for w in name.split()]
    if words[0].lower() == "the":
        words = words[1:]
    if len(words) == len(name_words) and all(len(w) >= 3 and n.lower().startswith(w.lower().rstrip("s"))
                                             for w, n in zip(words, name_words, strict=True)):
        return True  # "Lib Dems" for "Liberal Democrats"
    return bool(set(name_words) & {w.rstrip(".") for w in words}) or surface.strip() == acronym_of(name_words)


_ROLE_LEAD = re.compile(r"(?:(?:and|said|says|a|an|the|his|her|their|its|who|is|was|\d+-year-old|year-old)\s+)+")
_ROLE_WORDS = 12  # a longer "role" is a clause the apposition pattern took
# A verb inside a "role" makes it a clause: "the first woman to win a title", "one of the men lampooned in …".
_ROLE_CLAUSE = re.compile(r"\s(?:to\s+(?!the\b|a\b|an\b)[a-z]+|who|which|that|[a-z]+ed)\b")


def clean_role(role: str | None) -> str | None:
    """A role as a role: without a leading article, conjunction or verb ("and industry commissioner" ->
    "industry commissioner"), and none when it is a clause rather than a role."""
    if not role:
        return None
    role = _ROLE_LEAD.sub("", " ".join(role.split()), count=1) if _ROLE_LEAD.match(role) else " ".join(role.split())
    if not role or len(role.split()) > _ROLE_WORDS or role.endswith(("'", "’")) or _ROLE_CLAUSE.search(role):
        return None
    return role


def _full_name_key(name: str) -> tuple[str, str] | None:
    """(first, last) of a person's full name, so that "Donald J. Trump" and "Donald Trump" meet."""
    words = _folded(name).split()
    return (words[0], words[-1]) if len(words) >= 2 else None


def _folded(name: str) -> str:
    """name without diacritics, so that "Erdogan" meets "Erdoğan"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def is_name_list(name: str) -> bool:
    """True for people who spoke together ("Antoine Quirin and Nicolas Redouane"), not a body's name with an
    "and" in it ("Securities and Exchange Commission")."""
    parts = _AND.split(name)
    return len(parts) > 1 and all(len(part.split()) >= 2 for part in parts)


def canonical_across(names: list[str]) -> dict[str, str]:
    """Map names to a fuller name from the list when only one entity fits ("Kirby" -> "John Kirby"), and
    forms of one full name to one of them ("Donald J. Trump" -> "Donald Trump")."""
    counts = Counter(name for name in names if not is_name_list(name))
    mapping: dict[str, str] = {}
    by_key: dict[tuple[str, str], list[str]] = {}
    for name in counts:
        key = _full_name_key(name)
        if key is not None:
            by_key.setdefault(key, []).append(name)
    for forms in by_key.values():  # "Donald J. Trump", "Donald John Trump" -> the commonest, shortest form
        if len(forms) > 1:
            best = max(forms, key=lambda c: (counts[c], -len(c.split()), c))
            mapping.update({form: best for form in forms if form != best})
    by_last: dict[str, list[str]] = {}
    for name in counts:
        words = name.split()
        if len(words) > 1 and name not in mapping and not ORG_WORDS.intersection(w.lower() for w in words):
            by_last.setdefault(_folded(words[-1]), []).append(name)  # "Times" is not the "Financial Times"
    for name in counts:
        candidates = by_last.get(_folded(name), []) if " " not in name else []
        if not candidates or len({c.split()[0] for c in candidates}) > 1:
            continue  # no fuller form, or two people share the surname
        mapping[name] = max(candidates, key=lambda c: (counts[c], -len(c.split()), c))
    return mapping
