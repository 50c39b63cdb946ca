"""Finding the spans that quotation marks enclose.

Marks are paired within a paragraph by a left-to-right scan, so unbalanced
marks cost at most one paragraph and the scan stays linear. An opening mark
that is never closed ends at the sentence before the next opening mark (the
BBC convention of reopening a quote at each paragraph) or, failing that, after
its first sentence. A closing mark with no opening mark (snippets cut out of
a longer text) closes a quote that starts at its sentence's start.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from factcli.read.text import paragraph_spans, sentence_spans

MAX_QUOTE = 3000  # longest quote kept whole; longer spans are cut at a sentence end

DOUBLE_MARKS = re.compile(r"[“”„‟«»\"]")
SINGLE_MARKS = re.compile(r"[‘’‚‹›']")
_STRAIGHT_DOUBLE = re.compile('"')
_STRAIGHT_SINGLE = re.compile("'")
_INNER_TERM = 60  # longest term set in straight marks inside a quote in straight marks
_HAS_SINGLE = re.compile(r"[‘’']")
_UTTERED_BEFORE = re.compile(r"\b(?:said|told(?:\s+\w+){1,2}|asked|replied|shouted|yelled|wrote|added|exclaimed|"
                             r"declared)\s*[,:]?\s*$")
# The first character of each pattern is spelled out so that the regex engine skips ahead to it.
_SENTENCE_END = re.compile(r"[.!?…][.!?…]*[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-Ý])")
_SINGLE_OPENER = re.compile(r"[‘'](?<=[\s(\[—–].)[^\W\d_]")  # a single mark after a space or bracket, before a letter
_WORDISH = re.compile(r"[\w(\[$£€…-]", re.UNICODE)


@dataclass(slots=True)
class QuotedSpan:
    """Words between quotation marks: content [start, end), marks included in [outer_start, outer_end)."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool = True
    reopened: bool = False  # the quote goes on in the next opening mark (same speaker)
    unbalanced: bool = False  # its paragraph has marks that do not pair up
    nested: bool = False  # single marks inside a quote in double marks: words the speaker quotes


def uses_single_marks(text: str) -> bool:
    """True for outlets whose main quotation marks are single (‘…’), told apart from apostrophes."""
    sample = text[:200_000]
    singles = len(_SINGLE_OPENER.findall(sample)) + bool(_SINGLE_OPENER.match(" " + sample[:2], 1))
    doubles = sample.count("“") + sample.count('"') + sample.count("„") + sample.count("«")
    return singles >= 2 and singles > 2 * doubles


def find_quoted(text: str, single: bool = False) -> list[QuotedSpan]:
    """Quoted spans of the whole text, in order, never crossing a paragraph."""
    marks = _mark_pattern(text, single)
    spans: list[QuotedSpan] = []
    paragraphs = paragraph_spans(text)
    for n, (para_start, para_end) in enumerate(paragraphs):
        following = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
        continues = following is not None and marks.match(text, following[0]) is not None and _role(
            text, following[0], following[0], following[1], False, single) == "open"
        _scan_paragraph(text, para_start, para_end, marks, single, continues, spans)
    if single:
        return spans
    with_nested: list[QuotedSpan] = []
    for span in spans:
        with_nested.append(span)
        if span.closed and _HAS_SINGLE.search(text, span.start, span.end):
            with_nested.extend(_nested(text, span))
    return with_nested


def _nested(text: str, outer: QuotedSpan) -> list[QuotedSpan]:
    """Quotes in single marks inside a quote in double marks (“He said, ‘Let’s talk tomorrow.’”): words once
    uttered, so a past verb of saying must lead into them; thoughts (“I thought, ‘…’”), imagined speech
    (“someone says, ‘…’”) and terms (“a phenomenon ‘suicide by cop’”) are no quotes of their own. Only marks that
    pair up count, so an apostrophe ('90s) that opens and never closes adds nothing."""
    found: list[QuotedSpan] = []
    open_at: int | None = None
    for match in _HAS_SINGLE.finditer(text, outer.start, outer.end):
        i = match.start()
        role = _role(text, i, outer.start, outer.end, open_at is not None, True)
        if role == "open":
            open_at = i
        elif role == "close" and open_at is not None:
            if _UTTERED_BEFORE.search(text, max(outer.start, open_at - 40), open_at):
                _add(text, open_at + 1, i, open_at, i + 1, found)
            open_at = None
    for span in found:
        span.nested = True
    return found


def _mark_pattern(text: str, single: bool) -> re.Pattern:
    """The marks to pair; in plain ASCII only the straight mark can occur, and the regex engine finds one
    character much faster than a class."""
    if text.isascii():
        return _STRAIGHT_SINGLE if single else _STRAIGHT_DOUBLE
    return SINGLE_MARKS if single else DOUBLE_MARKS


def _role(text: str, i: int, para_start: int, para_end: int, is_open: bool, single: bool) -> str | None:
    """'open', 'close' or None (not a quotation mark here) for the mark at i."""
    c = text[i]
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < para_end else " "
    if single:
        if before.isalnum() and after.isalpha():
            return None  # don’t, Xi’an
        if c in "‘‚‹" or (c == "'" and not before.isalnum() and not (before in ".,!?" and is_open)):
            return "open" if _WORDISH.match(after) or after in "“\"" else None
        if c in "’›'":
            if not is_open:
                return None  # an apostrophe: "the Joneses’ car"
            if before == "s" and after == " " and text[i + 2:i + 3].islower():
                return None  # plural possessive inside a quote: "the players' union"
            return "close" if not after.isalnum() else None
        return None
    if c in "“„‟«":
        if c == "“" and is_open and not before.isspace() and not _WORDISH.match(after):
            return "close"  # a misused “ after the words („…“ or typing slips)
        return "open"
    if c in "”»":
        if not is_open and before.isspace() and _WORDISH.match(after):
            return "open"  # a misused ” before the words
        return "close"
    # a straight mark: its neighbours say which it is
    opens = (before.isspace() or before in "([{—–-/:") and not after.isspace()
    if is_open:
        return "open" if opens and (after.isalpha() or after in "‘'") and before.isspace() and _mid_sentence(
            text, i, para_start) else "close"
    if opens:
        return "open"
    if before.isspace() and after.isspace():
        return None
    return "close" if not before.isdigit() else None


def _mid_sentence(text: str, i: int, para_start: int) -> bool:
    """True when a straight mark inside an open quote starts a new quote (after a sentence end or a colon)."""
    j = i - 1
    while j > para_start and text[j].isspace():
        j -= 1
    return text[j] in ".!?:…" if j >= para_start else True


def _inner_term_end(text: str, i: int, para_end: int) -> int | None:
    """Inside a quote in straight marks, a mark that opens mid-sentence and closes a few words on, with the
    quote's closing mark after it, sets a term in marks; the position after its closing mark, else None."""
    if not (text[i - 1].isspace() and text[i + 1:i + 2].isalpha()) or _mid_sentence(text, i, 0):
        return None
    j = text.find('"', i + 1, min(para_end, i + _INNER_TERM))
    if j < 0 or not text[j - 1].isalnum() or any(c in ".!?" for c in text[i + 1:j]):
        return None
    if text[j + 1:j + 2] not in (" ", ",", ";", ":"):
        return None
    k = text.find('"', j + 1, para_end)  # the quote's own closing mark: after its words, before a space
    if k < 0 or text[k - 1].isspace() or not (k + 1 == para_end or text[k + 1].isspace()):
        return None
    return j + 1


def _scan_paragraph(text: str, para_start: int, para_end: int, marks: re.Pattern, single: bool,
                    continues: bool, spans: list[QuotedSpan]) -> None:
    """Pair the marks of one paragraph; continues: the next paragraph reopens a quote."""
    open_at: int | None = None
    floor = para_start  # an orphan closing mark's quote starts no earlier than this
    first = len(spans)
    skip_to = para_start
    for match in marks.finditer(text, para_start, para_end):
        i = match.start()
        if i < skip_to:
            continue
        if open_at is not None and text[i] == '"' and not single:
            inner_end = _inner_term_end(text, i, para_end)
            if inner_end:
                skip_to = inner_end  # “… The "United States" is not …”: a term in the quote, not its end
                continue
        role = _role(text, i, para_start, para_end, open_at is not None, single)
        if role == "open":
            if open_at is not None:
                _add_unclosed(text, open_at, i, spans, reopened=True)
            open_at = i
        elif role == "close":
            if open_at is not None:
                _add(text, open_at + 1, i, open_at, i + 1, spans)
                open_at = None
            else:
                _add_orphan(text, floor, i, spans)
            floor = i + 1
    if open_at is not None and continues and para_end - open_at <= MAX_QUOTE:
        _add(text, open_at + 1, para_end, open_at, para_end, spans, closed=False, reopened=True)
    elif open_at is not None:
        _add_unclosed(text, open_at, para_end, spans, reopened=False)
    if any(not s.closed and not s.reopened for s in spans[first:]):
        spans[first:] = _split_sentences(text, spans[first:])
        for span in spans[first:]:
            span.unbalanced = True


def _split_sentences(text: str, spans: list[QuotedSpan]) -> list[QuotedSpan]:
    """In a paragraph with unbalanced marks (snippets cut from longer texts), the marks may pair across the
    writer's own sentences, so a quote of several sentences is kept one record per sentence."""
    out: list[QuotedSpan] = []
    for span in spans:
        pieces = sentence_spans(text, span.start, span.end) if span.closed else []
        if len(pieces) < 3:
            out.append(span)
            continue
        for n, (start, end) in enumerate(pieces):
            outer_start = span.outer_start if n == 0 else start
            outer_end = span.outer_end if n == len(pieces) - 1 else end
            out.append(QuotedSpan(start, end, outer_start, outer_end, span.closed, n < len(pieces) - 1))
    return out


def _add(text: str, start: int, end: int, outer_start: int, outer_end: int, spans: list[QuotedSpan],
         closed: bool = True, reopened: bool = False) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start > MAX_QUOTE:
        end = _first_sentence_end(text, start, start + MAX_QUOTE)
        closed = False
    if end > start and any(ch.isalnum() for ch in text[start:min(end, start + 50)]):
        spans.append(QuotedSpan(start, end, outer_start, outer_end, closed, reopened))


def _add_unclosed(text: str, open_at: int, stop: int, spans: list[QuotedSpan], reopened: bool) -> None:
    """An opening mark never closed: up to the sentence before the next opening mark, or its first sentence."""
    start = open_at + 1
    if reopened:
        end = _last_sentence_end(text, start, stop)
    else:
        end = _first_sentence_end(text, start, min(stop, start + MAX_QUOTE))
    _add(text, start, end, open_at, end, spans, closed=False, reopened=reopened and end == _strip_end(text, stop))


def _add_orphan(text: str, floor: int, close_at: int, spans: list[QuotedSpan]) -> None:
    """A closing mark with no opening mark: the quote starts where its sentence does."""
    if close_at == floor or text[close_at - 1].isspace():
        return
    lower = max(floor, close_at - MAX_QUOTE)
    start = lower
    for match in _SENTENCE_END.finditer(text, lower, close_at):
        if match.end() < close_at:
            start = match.end()
    while start < close_at and not _WORDISH.match(text[start]):
        start += 1
    if close_at - start >= 2:
        _add(text, start, close_at, start, close_at + 1, spans, closed=False)


def _first_sentence_end(text: str, start: int, stop: int) -> int:
    match = _SENTENCE_END.search(text, start, stop)
    return match.start() + len(match.group().rstrip()) if match else stop


def _last_sentence_end(text: str, start: int, stop: int) -> int:
    """End of the last sentence that finishes before stop (stop itself when the text just before it ends one)."""
    end = _strip_end(text, stop)
    if end > start and text[end - 1] in ".!?…,":
        return end
    last = None
    for match in _SENTENCE_END.finditer(text, start, stop):
        last = match
    return last.start() + len(last.group().rstrip()) if last else end


def _strip_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
