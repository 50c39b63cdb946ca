"""The records extraction produces: plain dataclasses, no I/O.

Extraction modules (quotes, speakers, figures) return these; the store writes
them and the render layer never sees them (it reads rows from the database).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Speaker:
    """One entity quoted in a document, under its canonical name."""

    name: str
    type: str = "person"  # "person" or "organisation"
    role: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    """Words attributed to someone; offsets are code points into the document text."""

    text: str
    kind: str  # "direct", "partial" or "indirect"
    start: int
    end: int
    speaker: str | None = None
    speaker_role: str | None = None
    speaker_mention: str | None = None
    cue: str | None = None
    context: str = ""


@dataclass(slots=True)
class Figure:
    """A numeric claim; `value` is a range's low end, `high` its high end."""

    text: str
    value: float
    start: int
    end: int
    high: float | None = None
    unit: str | None = None
    qualifier: str = "exact"
    about: str | None = None
    claimed_by: str | None = None
    sentence: str = ""


@dataclass(slots=True)
class Extraction:
    """Everything found in one document."""

    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)


def _reduce(record):
    """Pickle a record as its class and field values: workers send thousands per file, and
    unpickling them through __init__ takes a third of the time slots' default state does."""
    return type(record), tuple(getattr(record, name) for name in record.__slots__)


Speaker.__reduce__ = Quote.__reduce__ = Figure.__reduce__ = _reduce
