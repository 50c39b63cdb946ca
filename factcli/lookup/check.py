"""`check`: did anyone say TEXT? The indexed quotes closest to it, scored word for word, with a word diff.

Candidates come from the full-text index (quotes holding any of TEXT's words, best bm25 first), so the
cost follows the words, not the size of the index. Each candidate is then aligned with TEXT word by word:
rapidfuzz finds the stretch of the quote that best matches TEXT (a short TEXT inside a long quote), its
LCS alignment counts the words TEXT and the quote share in order, and a bag-of-words count over the same
stretch forgives reordered words at a small cost. Words compare case-folded, without accents and
surrounding punctuation, with curly quotation marks and apostrophes made straight; the diff prints the
quote's words as printed. rapidfuzz is imported here only: `check` is the one lookup that always needs it.
"""
from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections import Counter

from factcli.lookup.query import (
    _QUOTE_SELECT,
    EVERY_DOCUMENT,
    QUOTE_FIELDS,
    Documents,
    _quote_record,
    fts_expression,
    fts_words,
)

# The contract's quote fields, then the match's, then the fields added to quotes later.
_CONTRACT_QUOTE_FIELDS = QUOTE_FIELDS[:QUOTE_FIELDS.index("context") + 1]
CHECK_FIELDS = (*_CONTRACT_QUOTE_FIELDS, "score", "diff", *QUOTE_FIELDS[len(_CONTRACT_QUOTE_FIELDS):])
DEFAULT_MIN_SCORE = 80
# How many full-text candidates are aligned with TEXT: the best by bm25.
CANDIDATES = 200
# Reordered words count for this share of words in order: the same words, but not as said.
REORDERED = 0.9
# A word that turns a statement round ("not", "never") counts this many times when it differs.
NEGATION_WEIGHT = 5
_NEGATIONS = frozenset("not no never nothing none nobody nowhere neither nor without cannot can't won't don't "
                       "doesn't didn't isn't aren't wasn't weren't hasn't haven't hadn't shouldn't wouldn't couldn't"
                       .split())
# Words too common to find candidates with (they still count in the score).
_COMMON = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been it its this that these those "
    "there their they he she his her we our you your i my me not no so if than then do does did has have had "
    "will would can could should may might must".split())
_STRAIGHT = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
                           "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
                           "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")


class Word:
    """One word as printed and the key it is compared by."""

    __slots__ = ("printed", "key")

    def __init__(self, printed: str, key: str):
        self.printed, self.key = printed, key


def word_key(token: str) -> str:
    """What a word is compared by: case-folded, accents and edge punctuation dropped, quote marks straight."""
    folded = unicodedata.normalize("NFKD", token.translate(_STRAIGHT).casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _EDGE_PUNCTUATION.sub("", folded)


def words_of(text: str) -> list[Word]:
    """The words of a text; punctuation standing alone ("—", "…") is printed with the word before it."""
    found: list[Word] = []
    for token in text.split():
        key = word_key(token)
        if key:
            found.append(Word(token, key))
        elif found:
            found[-1].printed += " " + token
    return found


class Alignment:
    """How TEXT matches one quote: the score and the diff over the stretch of the quote that matches."""

    __slots__ = ("score", "diff", "segments", "before", "after")

    def __init__(self, score: int, segments: list[tuple[str, str]], before: str = "", after: str = ""):
        self.score = score
        self.segments = segments  # (kind, words): "same" (the quote's), "removed" (TEXT's only), "added"
        self.before, self.after = before, after  # the quote's words around the stretch that matches
        self.diff = word_diff(segments)


def word_diff(segments: list[tuple[str, str]]) -> str:
    """The segments as `git diff --word-diff=plain` writes them; empty when TEXT and quote are the same words."""
    if all(kind == "same" for kind, _ in segments):
        return ""
    marks = {"same": "{}", "removed": "[-{}-]", "added": "{{+{}+}}"}
    pieces: list[str] = []
    for index, (kind, words) in enumerate(segments):
        if kind == "added" and index and segments[index - 1][0] == "removed":
            pieces[-1] += marks[kind].format(words)  # a replacement: [-TEXT's words-]{+the quote's+}
        else:
            pieces.append(marks[kind].format(words))
    return " ".join(pieces)


def align(text: list[Word], quote: list[Word]) -> Alignment:
    """Score (0-100: how much of TEXT the quote holds, word for word) and the diff of the matching stretch."""
    from rapidfuzz.distance import Indel
    from rapidfuzz.fuzz import partial_ratio_alignment

    if not text or not quote:
        return Alignment(0, [])
    codes: dict[str, str] = {}
    text_code = "".join(codes.setdefault(w.key, chr(0xE000 + len(codes))) for w in text)
    quote_code = "".join(codes.setdefault(w.key, chr(0xE000 + len(codes))) for w in quote)
    # the stretch of the quote TEXT best fits (all of it when TEXT is the longer), with room for added words
    start, end = 0, len(quote)
    if len(text) < len(quote):
        best = partial_ratio_alignment(text_code, quote_code)
        slack = len(text) // 2 + 2
        start, end = max(0, best.dest_start - slack), min(len(quote), best.dest_end + slack)
    opcodes = Indel.opcodes(text_code, quote_code[start:end])
    matched = [(op.dest_start + start, op.dest_end + start) for op in opcodes if op.tag == "equal"]
    if not matched:
        return Alignment(0, [])
    first, last = _edges(opcodes, start, matched[0][0], matched[-1][1])
    same = sum(b - a for a, b in matched)
    turned = _negations(text, quote, opcodes, start, first, last) * (NEGATION_WEIGHT - 1)
    in_order = same / (max(len(text), last - first) + turned)
    # the same words in another order: TEXT's words found in the stretch, over the span they cover
    stretch = quote_code[start:end]
    found = [i for i, code in enumerate(stretch) if code in text_code]
    shared = sum((Counter(text_code) & Counter(stretch)).values())
    reordered = REORDERED * shared / (max(len(text), found[-1] - found[0] + 1) + turned)
    if reordered > in_order:  # the diff covers every word of TEXT found, in the quote's order
        first, last = min(first, start + found[0]), max(last, start + found[-1] + 1)
    return Alignment(round(100 * max(in_order, reordered)), _segments(text, quote, opcodes, start, first, last),
                     " ".join(w.printed for w in quote[:first]), " ".join(w.printed for w in quote[last:]))


def _negations(text: list[Word], quote: list[Word], opcodes, offset: int, first: int, last: int) -> int:
    """How many words of negation one side has and the other lacks ("I will [-not-] raise taxes")."""
    differ = [w for op in opcodes if op.tag != "equal" for w in text[op.src_start:op.src_end]]
    differ += [quote[i] for op in opcodes if op.tag != "equal"
               for i in range(max(first, offset + op.dest_start), min(last, offset + op.dest_end))]
    return sum(w.key in _NEGATIONS or w.key.endswith("n't") for w in differ)


def _edges(opcodes, offset: int, first: int, last: int) -> tuple[int, int]:
    """Widen first..last over words the quote has where TEXT's first or last words differ ("[-said-]{+told+}")."""
    leading = [op for op in opcodes if op.dest_end + offset <= first and op.tag != "equal"]
    trailing = [op for op in opcodes if op.dest_start + offset >= last and op.tag != "equal"]
    changed_first = sum(op.src_end - op.src_start for op in leading)
    changed_last = sum(op.src_end - op.src_start for op in trailing)
    before = sum(op.dest_end - op.dest_start for op in leading)
    after = sum(op.dest_end - op.dest_start for op in trailing)
    return first - min(changed_first, before), last + min(changed_last, after)


def _segments(text: list[Word], quote: list[Word], opcodes, offset: int, first: int, last: int):
    """The diff between TEXT and the quote's words first..last, as (kind, printed words) runs.

    Between two runs of the same words, TEXT's words come first, then the quote's, as git prints them.
    """
    segments: list[tuple[str, str]] = []
    removed: list[Word] = []
    added: list[Word] = []

    def flush() -> None:
        for kind, words in (("removed", removed), ("added", added)):
            if words:
                segments.append((kind, " ".join(w.printed for w in words)))
            words.clear()

    for op in opcodes:
        span = range(max(first, offset + op.dest_start), min(last, offset + op.dest_end))
        if op.tag == "equal":
            flush()
            if span:
                segments.append(("same", " ".join(quote[i].printed for i in span)))
        else:
            removed += text[op.src_start:op.src_end]
            added += [quote[i] for i in span]
    flush()
    return segments


class Match:
    """A quote, its alignment with TEXT and its record (the quote's fields, score and diff)."""

    __slots__ = ("record", "alignment")

    def __init__(self, record: dict, alignment: Alignment):
        self.record, self.alignment = record, alignment


def speaker_names(conn: sqlite3.Connection, ids: list[int]) -> list[str]:
    """Canonical names of speaker ids, in the order given: whom `--by` asks about."""
    names = dict(conn.execute(f"SELECT id, name FROM speakers WHERE id IN ({','.join('?' * len(ids))})", ids))
    return [names[i] for i in ids if i in names]


def candidate_words(text: str) -> list[str]:
    """The words to find candidates with: TEXT's words without the most common, unless that leaves none."""
    words = fts_words(text.translate(_STRAIGHT))
    content = [w for w in words if w.lower() not in _COMMON]
    return list(dict.fromkeys(content or words))


def matches(conn: sqlite3.Connection, text: str, documents: Documents = EVERY_DOCUMENT,
            candidates: int = CANDIDATES) -> list[Match]:
    """Quotes sharing words with TEXT, best score first (then best bm25): every candidate, whatever its score."""
    words = candidate_words(text)
    target = words_of(text)
    if not words or not target:
        return []
    where, params = documents.where()
    best = "SELECT rowid, bm25(quotes_fts) AS rank FROM quotes_fts WHERE quotes_fts MATCH ?"
    best_params: list = [fts_expression(words, any_word=True)]
    if where:
        best = (f"SELECT quotes_fts.rowid, bm25(quotes_fts) AS rank FROM quotes_fts "
                f"JOIN quotes q ON q.id = quotes_fts.rowid JOIN documents d ON d.id = q.document_id "
                f"WHERE quotes_fts MATCH ? AND {' AND '.join(where)}")
        best_params += params
    select = _QUOTE_SELECT.replace("FROM quotes q", f"FROM ({best} ORDER BY rank LIMIT ?) m "
                                                      "JOIN quotes q ON q.id = m.rowid")
    rows = conn.execute(select + " ORDER BY m.rank", [*best_params, candidates]).fetchall()
    found = []
    aligned: dict[str, Alignment] = {}  # the same words quoted in several documents are aligned once
    for rank, row in enumerate(rows):
        record = _quote_record(row)
        if record["text"] not in aligned:
            aligned[record["text"]] = align(target, words_of(record["text"]))
        alignment = aligned[record["text"]]
        if alignment.score:
            record["score"], record["diff"] = alignment.score, alignment.diff
            found.append((-alignment.score, rank, Match(record, alignment)))
    found.sort(key=lambda item: item[:2])
    return [match for *_, match in found]


def one_row_per_saying(found: list[Match]) -> list[tuple[dict, Alignment]]:
    """The terminal's rows: the same words from the same speaker once, with every occurrence as `repeats`,
    in first-seen order, each with its alignment."""
    first: dict[tuple, tuple[dict, Alignment]] = {}
    for match in found:
        record = match.record
        key = (record["speaker"], record["text"].casefold())
        if key in first:
            first[key][0]["repeats"].append(record)
        else:
            first[key] = ({**record, "repeats": [record]}, match.alignment)
    return list(first.values())
