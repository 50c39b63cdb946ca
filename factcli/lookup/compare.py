"""`compare`: figures that disagree. Claims about the same thing, in the same kind of unit, with values
that cannot both be right, grouped, clearest disagreement first.

A shown group claims that numbers disagree, and a false one costs a fact-checker time, so the rules lean
to precision. Two figures are about the same thing when
  - their units are of one family (measures.py), both rates or both not ("a year" after the number);
  - they share a head: the noun the figure's own words name ("60-day extension"), the head of `about`,
    or, for a bare measure ("120 days"), the word that governs it ("extended for 120 days");
  - their sentences name no different dates ("in 2004" / "in 2005");
  - and the text says it is one claim told twice: in one sentence, by two claimants; in one document, by
    two claimants whose clauses share three content words besides the head, or one when either sentence
    names the other's number ("120 days rather than 60"); across documents, the same sentence but for
    its numbers, with the figure in the same place, or two claimants in sentences sharing a name whose
    clauses share three content words.
Figures linked that way form a group; it is shown when two of them, from different claimants or
documents, claim values whose intervals do not meet (measures.py: rounding and qualifiers widen them).
Identical occurrences (the same sentence, figure and claimant, in several documents) are one claim.
"""
from __future__ import annotations

import re
import sqlite3
from collections import Counter
from functools import lru_cache

from factcli.extract.figures.units import currency_of_word, singular
from factcli.lookup import measures
from factcli.lookup.query import (
    _FIGURE_SELECT,
    EVERY_DOCUMENT,
    FIGURE_FIELDS,
    Documents,
    _figure_record,
    fts_expression,
    fts_words,
    own_phrase,
)

_CONTRACT_FIGURE_FIELDS = FIGURE_FIELDS[:FIGURE_FIELDS.index("sentence") + 1]
COMPARE_FIELDS = (*_CONTRACT_FIGURE_FIELDS, "group", "group_about", "group_values", "group_unit",
                  *FIGURE_FIELDS[len(_CONTRACT_FIGURE_FIELDS):])
# Words that say nothing about what is measured.
_FUNCTION_WORDS = frozenset("""
a an the and or but nor of to in on at by for with from as into onto over under after before since until
about above below between through during per than then so if is are was were be been being am has have had
do does did done it its this that these those there their they them he she his her him we our us you your
i my me not no said says say saying told tell also would could should will can may might must shall which
who whom whose what when where while why how all any some such other only just very much many more most
less fewer least own same each every another new mr mrs ms dr around almost nearly roughly approximately
up down out off least further additional extra record last next past previous coming old
add added adds announce announced announces according argue argued believe believed claim claimed confirm
confirmed describe described emphasise emphasised emphasize emphasized estimate estimated expect expected
insist insisted note noted predict predicted report reported reports state stated suggest suggested think
thought warn warned""".split())
# Words naming a quantity rather than what it counts ("a period of two months", "a total of 40").
_QUANTITY_WORDS = frozenset("""
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy
eighty ninety hundred hundreds thousand thousands million millions billion billions trillion bn m k
dozen dozens half quarter third tenth percent cent period total maximum minimum average estimated
estimate figure figures number sum amount length span duration rate level some several""".split())
_TIME_WORDS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec""".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_RELATIVE_TIME = re.compile(r"\b(last|this|next|previous|coming) (year|month|week|quarter)\b", re.I)
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*")
_CLAUSE_BREAK = re.compile(r"[,;:()“”\"—–]| - ")
_PERIOD = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|annum)"
_RATE = re.compile(rf"^[^,;.]*?\b(?:(?:per|every|each)\s+{_PERIOD}|(?<!\bin )(?<!\bwithin )(?<!\bfor )(?<!\bover )"
                   rf"(?<!\bafter )(?<!\bthan )an?\s+{_PERIOD}|annually|yearly|monthly|weekly|daily|hourly)\b", re.I)
_OWN_RATE = re.compile(rf"\b(?:an?|per|every|each)\s+{_PERIOD}\b", re.I)
# Two claimants' sentences must share this many content words around the figures (besides its head),
# unless one names the other's number.
SHARED_WORDS = 3


def _stem(word: str) -> str:
    """Word forms that name one thing share a stem: "extension", "extended" -> "exten"; "ships" -> "ship"."""
    return singular(word.lower())[:5]


_TIME_STEMS = frozenset(_stem(word) for word in (*_TIME_WORDS, *_WEEKDAYS, "second", "minute", "hour", "day",
                                                  "week", "month", "quarter", "year", "decade", "century"))


def unnumbered(sentence: str) -> str:
    """A sentence with its numbers left out: the same statement printed with other numbers reads the same."""
    return _NUMBER.sub("#", sentence)


def _content(text: str, skip_capitals: bool = False) -> list[str]:
    """The stems of a text's content words, in order (without capitalised words: names, when asked)."""
    words = _WORD.findall(text)
    if skip_capitals:
        words = [word for word in words if not word[0].isupper()]
    return [stem for stem in map(_content_stem, words) if stem]


@lru_cache(maxsize=65536)  # news repeats its words; a stem is worked out once
def _content_stem(word: str) -> str | None:
    """A content word's stem; None for function words, quantities and currencies."""
    word = word.replace("’", "'").lower().removesuffix("'s")
    if len(word) > 2 and word not in _FUNCTION_WORDS and word not in _QUANTITY_WORDS and not currency_of_word(word):
        return _stem(word)
    return None


@lru_cache(maxsize=4096)  # several figures share a sentence
def _sentence_features(sentence: str) -> tuple[frozenset, frozenset, frozenset, frozenset]:
    """A sentence's content stems, names, dates and printed numbers."""
    names = frozenset(name.lower() for name in _NAME.findall(sentence)
                      if name.lower() not in _TIME_WORDS | _WEEKDAYS | _FUNCTION_WORDS)
    times = set(_YEAR.findall(sentence)) | {m.group().lower() for m in _RELATIVE_TIME.finditer(sentence)}
    times |= {w for w in (word.lower() for word in _WORD.findall(sentence)) if w in _TIME_WORDS}
    numbers = frozenset(m.group().replace(",", "") for m in _NUMBER.finditer(sentence))
    return frozenset(_content(sentence)), names, frozenset(times), numbers


class Claim:
    """One figure as compare sees it (the same figure in several documents is one claim)."""

    __slots__ = ("records", "others", "family", "bounds", "heads", "named", "documents", "claimant", "unit_stems",
                 "pattern", "_context")

    def __init__(self, record: dict, claimant_id: int | None, document_id: int, family: str, factor: float):
        self.records = [record]
        self.others: list[int] = []  # ids of the same figure in other places, read when the claim is shown
        self.family = family
        self.claimant = claimant_id
        self.documents = {document_id}
        self.bounds = measures.interval(record["value"], record["high"], record["qualifier"], factor)
        text, sentence = record["text"], record["sentence"] or ""
        self.unit_stems = {_stem(word) for word in (record["unit"] or "").split()}
        at = sentence.find(text)
        before, after = (sentence[:at], sentence[at + len(text):]) if at >= 0 else ("", "")
        if (_RATE.match(after) or _OWN_RATE.search(text)) and " per " not in family:
            self.family = f"{family} per period"
        self.named: set[str] = set()  # heads the figure's own words or `about` give, not the governing word
        self.heads = self._heads(text, record["about"], before, family.startswith("count of "))
        self.pattern = (unnumbered(sentence), unnumbered(before))  # the sentence but for its numbers, and where
        self._context: tuple | None = None

    def context(self) -> tuple[frozenset, set, set, frozenset, frozenset]:
        """The sentence's content stems, the clause's around the figure, names other than the claimant's,
        dates and printed numbers; worked out only for claims that share a head with another."""
        if self._context is None:
            record = self.records[0]
            text, sentence = record["text"], record["sentence"] or ""
            at = sentence.find(text)
            before, after = (sentence[:at], sentence[at + len(text):]) if at >= 0 else ("", "")
            stems, names, times, mentions = _sentence_features(sentence)
            clause = set(_content(_CLAUSE_BREAK.split(before)[-1] + " " + _CLAUSE_BREAK.split(after)[0]))
            claimant_words = {w.lower() for w in _WORD.findall(record["claimed_by"] or "")}
            names = {name for name in names if not set(_WORD.findall(name)) <= claimant_words}
            self._context = (stems - self.unit_stems, clause - self.unit_stems, names, times, mentions)
        return self._context

    def _heads(self, text: str, about: str | None, before: str, counted: bool) -> set[str]:
        """What the figure measures: the noun counted, its own noun, the head of `about`, else the governing word."""
        own = [stem for stem in _content(text) if stem not in self.unit_stems and stem not in _TIME_STEMS]
        phrase = own_phrase(about).split(" of ")[0]
        named = [stem for stem in _content(phrase) if stem not in self.unit_stems and stem not in _TIME_STEMS]
        self.named = {stems[-1] for stems in (own, named) if stems}
        if counted:
            self.named |= self.unit_stems
        if own or counted:
            return set(self.named)
        governing = [stem for stem in _content(_CLAUSE_BREAK.split(before.rstrip(" (["))[-1], skip_capitals=True)
                     if stem not in self.unit_stems and stem not in _TIME_STEMS]
        return self.named | set(governing[-1:])


def same_thing(one: Claim, other: Claim) -> bool:
    """Whether two claims of one family and head are about one thing (see the module's rules).

    What needs only the claims' own fields is decided first; their sentences' words are read after.
    """
    two_claimants = None not in (one.claimant, other.claimant) and one.claimant != other.claimant
    one_sentence, other_sentence = one.records[0]["sentence"] or "", other.records[0]["sentence"] or ""
    if one_sentence == other_sentence:
        return two_claimants
    elsewhere = not one.documents & other.documents
    if elsewhere and one.pattern == other.pattern:  # one sentence printed with another number in its place
        return one.context()[3] == other.context()[3]  # ... unless the number is the year
    heads = one.heads & other.heads
    if not two_claimants or not heads & (one.named | other.named):  # not two figures governed by one verb
        return False
    one_stems, one_clause, one_names, one_times, _ = one.context()
    other_stems, other_clause, other_names, other_times, _ = other.context()
    if one_times and other_times and not one_times & other_times:
        return False
    clause = one_clause & other_clause - heads
    if not elsewhere:  # one story: claimants who answer each other, or say the same words
        return len(clause) >= SHARED_WORDS or bool(clause) and _answers(one, other)
    return bool(one_names & other_names) and len(clause) >= SHARED_WORDS


def _answers(one: Claim, other: Claim) -> bool:
    """Whether either sentence names the other's number ("extended for 120 days rather than 60")."""
    return any(_printed(b.records[0]["value"]) in a.context()[4] for a, b in ((one, other), (other, one)))


def _printed(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def disagree(one: Claim, other: Claim) -> bool:
    """Values that cannot both be right, from two claimants or two documents."""
    separate = one.claimant != other.claimant or bool(one.documents ^ other.documents)
    return separate and measures.gap(one.bounds, other.bounds) > 0


class Group:
    """Claims about one thing that disagree, and how clearly."""

    __slots__ = ("claims", "clarity")

    def __init__(self, claims: list[Claim], clarity: float):
        self.claims, self.clarity = claims, clarity


def claims_of(conn: sqlite3.Connection, topic: str | None, documents: Documents) -> list[Claim]:
    """Every figure with a comparable unit (with a topic: those in documents with a figure matching it).

    Occurrences are read lean first (id, claimant, document, text, sentence) and folded into claims; the
    full record is read for one occurrence of each claim, and for the others only when a group is shown.
    """
    chosen, params = documents.where()
    joined = " JOIN documents d ON d.id = f.document_id" if chosen else ""
    where = [*chosen, "f.unit IS NOT NULL"]
    if topic is not None:
        words = fts_words(topic)
        if not words:
            return []
        where.append("f.document_id IN (SELECT document_id FROM figures WHERE id IN "
                     "(SELECT rowid FROM figures_fts WHERE figures_fts MATCH ?))")
        params.append(fts_expression(words))
    occurrences: dict[tuple, list[tuple[int, int]]] = {}
    lean = conn.cursor()
    lean.row_factory = None  # plain tuples: the fastest read of every occurrence
    lean.execute(f"SELECT f.id, f.claimed_by_id, f.document_id, f.text, f.sentence FROM figures f{joined} "
                 f"WHERE {' AND '.join(where)}", params)
    for figure_id, claimant, document, text, sentence in lean:
        occurrences.setdefault((sentence, text, claimant), []).append((figure_id, document))
    # a figure no one claims can only disagree with the same sentence printed with another number elsewhere
    printed: dict[str, set[str]] = {}
    for sentence, _, _ in occurrences:
        printed.setdefault(unnumbered(sentence or ""), set()).add(sentence)
    occurrences = {key: found for key, found in occurrences.items()
                   if key[2] is not None or len(printed[unnumbered(key[0] or "")]) > 1}
    first = _records(conn, [found[0][0] for found in occurrences.values()])
    claims = []
    for (_, _, claimant), found in occurrences.items():
        record = first[found[0][0]]
        kind = measures.measure(record["unit"])
        if kind is not None:
            claim = Claim(record, claimant, found[0][1], *kind)
            claim.documents = {document for _, document in found}
            claim.others = [figure_id for figure_id, _ in found[1:]]
            claims.append(claim)
    claims.sort(key=lambda claim: (claim.records[0]["doc"], claim.records[0]["start"]))
    return claims


def _records(conn: sqlite3.Connection, ids: list[int]) -> dict[int, dict]:
    """Figure records by id, read in chunks under SQLite's limit on bound parameters."""
    found = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for row in conn.execute(f"{_FIGURE_SELECT} WHERE f.id IN ({','.join('?' * len(chunk))})", chunk):
            found[int(row["id"][1:])] = _figure_record(row)
    return found


def complete(conn: sqlite3.Connection, shown: list[Group]) -> None:
    """Read the other occurrences of the claims in the groups shown, in document order."""
    claims = [claim for group in shown for claim in group.claims if claim.others]
    others = _records(conn, [figure_id for claim in claims for figure_id in claim.others])
    for claim in claims:
        claim.records += [others[figure_id] for figure_id in claim.others]
        claim.records.sort(key=lambda record: (record["doc"], record["start"]))
        claim.others = []


def groups(claims: list[Claim]) -> list[Group]:
    """Claims linked as one thing, in groups holding a disagreement; clearest first.

    Pairs that disagree are tested first (comparing intervals is cheap, reading sentences is not); then
    each group takes in the claims that agree with one of its members about the same thing.
    """
    by_head: dict[tuple[str, str], list[int]] = {}
    for index, claim in enumerate(claims):
        for head in claim.heads:
            by_head.setdefault((claim.family, head), []).append(index)
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    clarity: dict[int, float] = {}
    tested: set[tuple[int, int]] = set()
    for members in by_head.values():
        for position, i in enumerate(members):
            for j in members[position + 1:]:
                if (i, j) in tested or not disagree(claims[i], claims[j]):
                    continue
                tested.add((i, j))
                if same_thing(claims[i], claims[j]):
                    parent[root(i)] = root(j)
                    clarity[(i, j)] = _clarity(claims[i], claims[j])
    disagreeing = {root(i) for i, _ in clarity}
    for members in by_head.values():  # claims that agree with a member of a group join it
        linked = [i for i in members if root(i) in disagreeing]
        for j in members:
            if root(j) not in disagreeing and any(same_thing(claims[i], claims[j]) for i in linked):
                parent[root(j)] = root(linked[0])
    best: dict[int, float] = {}
    for (i, _), value in clarity.items():
        best[root(i)] = max(best.get(root(i), 0.0), value)
    members: dict[int, list[Claim]] = {}
    for index, claim in enumerate(claims):
        if root(index) in best:
            members.setdefault(root(index), []).append(claim)
    found = [Group(members[key], best[key]) for key in members]
    found.sort(key=lambda group: (-group.clarity, group.claims[0].records[0]["doc"],
                                  group.claims[0].records[0]["start"]))
    return found


def _clarity(one: Claim, other: Claim) -> float:
    """How clearly two claims disagree: the gap between their values, exact figures counting more than bounds."""
    exact = sum(claim.records[0]["qualifier"] == "exact" for claim in (one, other))
    return measures.gap(one.bounds, other.bounds) * (2 + exact) / 4


def group_records(group: Group, number: int) -> list[dict]:
    """The group's figures as records, each with the group's number, subject and values in one unit."""
    units = [record["unit"] for claim in group.claims for record in claim.records]
    family = measures.measure(units[0])[0]
    unit, size = measures.base_unit(family, units)
    values = sorted({_shown(record, size) for claim in group.claims for record in claim.records})
    about = _group_about(group)
    records = []
    for claim in sorted(group.claims, key=lambda c: (c.bounds[0], c.records[0]["doc"], c.records[0]["start"])):
        for record in claim.records:
            records.append({**record, "group": number, "group_about": about, "group_values": values,
                            "group_unit": unit})
    return records


def claim_rows(group: Group, number: int) -> list[dict]:
    """The group for a person: one row per claim (its first record), with its value in the group's unit
    as `shown_value` and every document that prints it as `repeats`."""
    records = {record["id"]: record for record in group_records(group, number)}
    units = [record["unit"] for record in records.values()]
    rows = []
    for claim in sorted(group.claims, key=lambda c: (c.bounds[0], c.records[0]["doc"], c.records[0]["start"])):
        first = records[claim.records[0]["id"]]
        size = measures.base_unit(measures.measure(first["unit"])[0], units)[1]
        rows.append({**first, "shown_value": _shown(first, size), "repeats": claim.records})
    return rows


def _shown(record: dict, size: float) -> float | int:
    """A figure's value in the group's unit, as a person writes it (60, not 60.00000001)."""
    value = round(record["value"] * measures.measure(record["unit"])[1] / size, 6)
    return int(value) if value == int(value) else value


def _group_about(group: Group) -> str:
    """What the group is about: its most common `about` phrase naming more than the unit, else its heads."""
    phrases = Counter()
    for claim in group.claims:
        phrase = (claim.records[0]["about"] or "").split(" — ")[0].strip()
        if phrase and set(_content(phrase)) - claim.unit_stems:
            phrases[phrase] += len(claim.records)
    if phrases:
        return phrases.most_common(1)[0][0]
    heads = Counter(head for claim in group.claims for head in claim.heads)
    return " ".join(head for head, _ in heads.most_common(2))


def disagreements(conn: sqlite3.Connection, topic: str | None = None, documents: Documents = EVERY_DOCUMENT
                  ) -> list[Group]:
    """Groups of figures that disagree, clearest first; with a topic, groups holding a figure that matches it."""
    if topic is None:
        return groups(claims_of(conn, None, documents))
    words = fts_words(topic)
    if not words:
        return []
    found = groups(claims_of(conn, topic, documents))
    rows = conn.execute("SELECT rowid FROM figures_fts WHERE figures_fts MATCH ?", [fts_expression(words)])
    matching = {row[0] for row in rows}
    return [group for group in found if any(matching.intersection(_ids(claim)) for claim in group.claims)]


def _ids(claim: Claim) -> list[int]:
    """The figure ids of every occurrence of a claim, read or not yet."""
    return [int(record["id"][1:]) for record in claim.records] + claim.others
