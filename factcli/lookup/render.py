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
    "figure": [("id", "id"), ("figure", "text"), ("value", "value"), ("unit", "unit"), ("about", "about"),
               ("claimed by", "claimed_by"), ("source", "sources")],
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
