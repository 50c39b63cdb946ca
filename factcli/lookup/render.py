"""Every output format, written once: table, tab-separated, JSON, JSON Lines, CSV.

Text from documents is inert wherever it is printed: control characters are
made visible and rich never parses it as markup. JSON keeps text exactly as
indexed (the encoder escapes control characters itself). rich is imported
only to draw a table on a terminal.
"""
from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections.abc import Sequence
from io import TextIOBase as TextIO

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_TSV_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_TSV_SPECIAL = re.compile(r"[\\\t\n\r]")


def visible(text: str) -> str:
    """Control and bidi-override characters as visible escapes (ESC as \\x1b): a document cannot drive the terminal."""
    return _CONTROL.sub(_escape_control, text)


def _escape_control(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def choose_format(json_: bool, jsonl: bool, csv_: bool, stream: TextIO) -> str:
    chosen = [name for name, flag in (("json", json_), ("jsonl", jsonl), ("csv", csv_)) if flag]
    if len(chosen) > 1:
        raise ValueError("choose one of --json, --jsonl and --csv")
    if chosen:
        return chosen[0]
    return "table" if _is_terminal(stream) else "tsv"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def write_records(records: Sequence[dict], fields: Sequence[str], fmt: str, stream: TextIO) -> None:
    """Machine formats: one writer for every record type."""
    if fmt == "json":
        stream.write(json.dumps([{f: r.get(f) for f in fields} | _extra(r, fields) for r in records],
                                ensure_ascii=False, indent=2))
        stream.write("\n")
    elif fmt == "jsonl":
        for record in records:
            stream.write(json.dumps({f: record.get(f) for f in fields} | _extra(record, fields), ensure_ascii=False))
            stream.write("\n")
    elif fmt == "csv":
        all_fields = list(fields) + [k for k in (records[0] if records else {}) if k not in fields]
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(all_fields)
        for record in records:
            writer.writerow([visible(_flat(record.get(f))) for f in all_fields])
    elif fmt == "tsv":
        all_fields = list(fields) + [k for k in (records[0] if records else {}) if k not in fields]
        for record in records:
            stream.write("\t".join(_tsv_value(record.get(f)) for f in all_fields))
            stream.write("\n")
    else:
        raise ValueError(f"unknown format {fmt}")


def _extra(record: dict, fields: Sequence[str]) -> dict:
    return {k: v for k, v in record.items() if k not in fields}


def _flat(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_flat(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _tsv_value(value) -> str:
    return visible(_TSV_SPECIAL.sub(lambda m: _TSV_ESCAPES[m.group()], _flat(value)))


def write_table(rows: Sequence[Sequence[str]], columns: Sequence[str], stream: TextIO,
                highlight: Sequence[str] = (), wide: Sequence[str] = ()) -> None:
    """A rich table for a person at a terminal; cells are plain text, never markup."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=stream, no_color=bool(os.environ.get("NO_COLOR")) or None, highlight=False)
    table = Table(show_lines=False, expand=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold", ratio=3 if column in wide else None,
                         max_width=NARROW_COLUMNS.get(column),
                         no_wrap=column not in wide and column in ("id", "value", "unit", "quotes", "figures"))
    pattern = _highlight_pattern(highlight)
    for row in rows:
        cells = []
        for cell in row:
            if isinstance(cell, tuple):  # (text, style) pieces
                text = Text.assemble(*((visible(piece), style) for piece, style in cell))
            else:
                text = Text(visible(cell or ""))
            if pattern is not None:
                text.highlight_regex(pattern, style="bold yellow")
            cells.append(text)
        table.add_row(*cells)
    console.print(table)


def _highlight_pattern(words: Sequence[str]) -> re.Pattern | None:
    words = [w for w in words if w]
    if not words:
        return None
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\w*")


def source_of(record: dict) -> str:
    """doc:line, the document as it was indexed (never where an installed package keeps it); `path` is for scripts."""
    return f"{record.get('doc') or ''}:{record.get('line')}"


def note(message: str) -> None:
    """A message for the person, never for the pipe."""
    sys.stderr.write(visible(message) + "\n")


# Columns of each record type's table: (header, field or function of the record).
TABLE_COLUMNS = {
    "quote": [("id", "id"), ("speaker", "speaker"), ("quote", "text"), ("cue", "cue"), ("source", "sources")],
    "hit": [("id", "id"), ("type", "type"), ("match", "snippet"), ("source", "sources")],
    "speaker": [("name", "name"), ("type", "type"), ("role", "role"), ("also called", "aliases"),
                ("quotes", "quotes"), ("figures", "figures")],
    "source": [("doc", "doc"), ("title", "title"), ("date", "date"), ("quotes", "quotes"), ("figures", "figures"),
               ("bytes", "size")],
}
QUOTED_STYLE = "bold"  # the words a reported clause quotes
WIDE_COLUMNS = ("quote", "figure", "about", "match", "title")
# Columns that wrap rather than take the room the words need.
NARROW_COLUMNS = {"speaker": 22, "cue": 16, "claimed by": 22, "role": 24, "also called": 30}


def write_kind_table(kind: str, records: Sequence[dict], stream: TextIO, highlight: Sequence[str] = ()) -> None:
    if kind == "figure":
        write_figure_table(records, stream, highlight)
        return
    columns = TABLE_COLUMNS[kind]
    rows = []
    for record in records:
        record = {**record, "sources": "\n".join(source_of(r) for r in record.get("repeats", [record]))}
        row = [_flat(record.get(key)) for _, key in columns]
        if record.get("quoted"):
            at = [key for _, key in columns].index("text")
            row[at] = _quoted_pieces(record["text"], record["quoted"])
        rows.append(row)
    write_table(rows, [header for header, _ in columns], stream, highlight, wide=WIDE_COLUMNS)


def _quoted_pieces(text: str, spans: Sequence[Sequence[int]]) -> tuple[tuple[str, str], ...]:
    """A reported clause as (text, style) pieces, the words it quotes (partial quotes inside it) in QUOTED_STYLE."""
    pieces, at = [], 0
    for start, end in spans:
        start = max(start, at)
        if start < end:
            pieces += [(text[at:start], ""), (text[start:end], QUOTED_STYLE)]
            at = end
    pieces.append((text[at:], ""))
    return tuple(pieces)


def write_record_card(record: dict, stream: TextIO) -> None:
    """One record as field/value lines, then its paragraph: what `show` prints on a terminal."""
    rows = [[key, _flat(value)] for key, value in record.items() if key not in ("paragraph",)]
    rows.append(["source", source_of(record)])
    rows.append(["paragraph", record.get("paragraph") or ""])
    write_table(rows, ["field", "value"], stream, wide=("value",))


_DIFF_STYLES = {"same": "", "removed": "strike red", "added": "underline green"}


def write_check_table(rows: Sequence[tuple[dict, object]], stream: TextIO) -> None:
    """`check` for a person: score, speaker, the quote with TEXT's words struck through where the quote
    differs and the quote's own words underlined, and every source of the same words."""
    from rich.text import Text

    table_rows = []
    for record, alignment in rows:
        quote = Text()
        if alignment.before:
            quote.append(visible(alignment.before) + " ", style="dim")
        for index, (kind, words) in enumerate(alignment.segments):
            if index and not (kind == "added" and alignment.segments[index - 1][0] == "removed"):
                quote.append(" ")
            quote.append(visible(words), style=_DIFF_STYLES[kind])
        if alignment.after:
            quote.append(" " + visible(alignment.after), style="dim")
        sources = "\n".join(source_of(r) for r in record.get("repeats", [record]))
        table_rows.append([str(record["score"]), record.get("speaker") or "", quote, sources])
    _write_styled_table(table_rows, ["score", "speaker", "quote", "source"], stream)


def write_compare_table(groups: Sequence[Sequence[dict]], stream: TextIO) -> None:
    """`compare` for a person: each group under its subject, one row per claim with its value in the group's
    unit, its claimant and every source that prints it."""
    table_rows = []
    for rows in groups:
        for position, record in enumerate(rows):
            subject = f"{record['group']}. {record['group_about']}" if position == 0 else ""
            value = f"{_flat(record['shown_value'])} {unit_words(record['shown_value'], record['group_unit'])}"
            sources = "\n".join(source_of(r) for r in record.get("repeats", [record]))
            table_rows.append([subject, record["text"], value, record.get("claimed_by") or "", sources])
    _write_styled_table(table_rows, ["group", "figure", "value", "claimed by", "source"], stream,
                        separate=[len(rows) for rows in groups])


_PLURALS = {"person": "people", "child": "children", "man": "men", "woman": "women", "foot": "feet",
            "penny": "pence", "century": "centuries"}


def unit_words(value, unit: str) -> str:
    """A unit as a person writes it after a number: "60 days", "1 day", "2 people", "5 USD"."""
    if value == 1 or unit.isupper() or unit == "percent" or " " in unit:
        return unit
    if unit in _PLURALS:
        return _PLURALS[unit]
    if unit.endswith("y") and unit[-2:-1] not in ("a", "e", "i", "o", "u"):
        return unit[:-1] + "ies"
    return unit + ("es" if unit.endswith(("s", "x", "ch", "sh")) else "s")


def _write_styled_table(rows: Sequence[Sequence], columns: Sequence[str], stream: TextIO,
                        separate: Sequence[int] = ()) -> None:
    """A table whose cells may be rich Text already (styled by us); plain strings are made inert."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=stream, no_color=bool(os.environ.get("NO_COLOR")) or None, highlight=False)
    table = Table(show_lines=False, expand=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold", ratio=3 if column in WIDE_COLUMNS else None,
                         max_width=NARROW_COLUMNS.get(column), no_wrap=column in ("score", "value"))
    ends = set()
    total = 0
    for size in separate:
        total += size
        ends.add(total - 1)
    for index, row in enumerate(rows):
        cells = [cell if isinstance(cell, Text) else Text(visible(cell or "")) for cell in row]
        table.add_row(*cells, end_section=index in ends)
    console.print(table)


# How much of a figure's sentence its table row shows: about three lines of the context column, which has
# what the other columns leave of the terminal's width.
_EXCERPT_LINES = 3
_OTHER_COLUMNS = 60
_EXCERPT_MIN = 80


def write_figure_table(records: Sequence[dict], stream: TextIO, highlight: Sequence[str] = ()) -> None:
    """Figures for a person judging them: the number as printed over its value and unit, who claims it over
    the source, and what it is about over the sentence around it, the number marked and the sentence cut to
    fit the terminal, so that the claim can be read without `show`. Four columns, so 80 are enough."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=stream, no_color=bool(os.environ.get("NO_COLOR")) or None, highlight=False)
    table = Table(show_lines=True, expand=True, header_style="bold")
    table.add_column("id", no_wrap=True)
    table.add_column("figure · value unit", overflow="fold", max_width=22)
    table.add_column("claimed by · source", overflow="fold", max_width=24)
    table.add_column("about · in context", overflow="fold", ratio=1)
    pattern = _highlight_pattern(highlight)
    budget = max(_EXCERPT_MIN, (console.width - _OTHER_COLUMNS) * _EXCERPT_LINES)
    for record in records:
        sources = "\n".join(source_of(r) for r in record.get("repeats", [record]))
        figure = Text(visible(record.get("text") or ""), style="bold")
        figure.append("\n" + visible(f"{figure_value(record)} {record.get('unit') or ''}".strip()), style="dim")
        claimed = Text(visible(record.get("claimed_by") or ""), style="bold")
        claimed.append(("\n" if claimed else "") + visible(sources), style="dim")
        story = Text(visible(record.get("about") or ""), style="italic")
        excerpt = _excerpt(record.get("sentence") or "", record.get("text") or "", budget)
        if excerpt:
            story.append("\n" if story else "")
            before, number, after = excerpt
            story.append(visible(before))
            story.append(visible(number), style="bold reverse")
            story.append(visible(after))
        if pattern is not None:
            story.highlight_regex(pattern, style="bold yellow")
        table.add_row(record.get("id") or "", figure, claimed, story)
    console.print(table)


def figure_value(record: dict) -> str:
    """A figure's value as a person reads it: "25,000,000", "0.333", a range as "500–800"."""
    def number(value) -> str:
        if value is None:
            return ""
        value = float(value)
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.3g}" if abs(value) < 1 else f"{value:,.2f}"
    low, high = number(record.get("value")), number(record.get("high"))
    return f"{low}–{high}" if high else low


def _excerpt(sentence: str, text: str, budget: int) -> tuple[str, str, str] | None:
    """The sentence around the figure's printed text, cut at word boundaries to about `budget` characters with
    "…" where it is cut: (before, the figure, after)."""
    sentence = " ".join(sentence.split())
    text = " ".join(text.split())
    at = sentence.find(text) if text else -1
    if at < 0:
        return (sentence[:budget] + ("…" if len(sentence) > budget else ""), "", "") if sentence else None
    room = max(0, budget - len(text))
    start = max(0, at - room // 2)
    end = min(len(sentence), at + len(text) + room - (at - start))
    start = max(0, min(start, end - budget))
    if start > 0:
        space = sentence.find(" ", start, at)
        start = space + 1 if space >= 0 else start
    if end < len(sentence):
        space = sentence.rfind(" ", at + len(text), end)
        end = space if space >= 0 else end
    before = ("…" if start > 0 else "") + sentence[start:at]
    after = sentence[at + len(text):end] + ("…" if end < len(sentence) else "")
    return before, sentence[at:at + len(text)], after
