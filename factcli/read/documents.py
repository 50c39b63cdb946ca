"""Finding documents on disk and reading them as text.

Nothing here raises for a bad file: problems come back as `Problem` values so
the indexer can report them in one line and go on with the rest.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json", ".jsonl"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
# Fields of a JSON article object, in order of preference.
TEXT_FIELDS = ("text", "content", "body")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "published_at", "datePublished")
OUTLET_FIELDS = ("source", "outlet", "publisher", "site")
# Encodings tried in turn; latin-1 decodes any byte string, so it is last.
FALLBACK_ENCODINGS = ("utf-8", "cp1252", "latin-1")

_MONTHS = {
    m: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})(?![\d-])"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
)
TITLE_MAX = 200


@dataclass(slots=True)
class Candidate:
    """A file to index: its display name and absolute path."""

    doc: str
    path: Path


@dataclass(slots=True)
class Document:
    """A decoded document, ready for extraction; `key` identifies it across runs."""

    key: str
    doc: str
    path: str | None
    text: str
    sha256: str
    size: int
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Problem:
    """A file that was skipped; `unreadable` ones make `index` exit 2."""

    doc: str
    reason: str
    unreadable: bool


def find_candidates(paths: list[Path]) -> Iterator[Candidate | Problem]:
    """Files under each path, recursively; directories behind links are not followed, so loops cannot form."""
    for root in paths:
        try:
            mode = os.stat(root).st_mode
        except OSError as error:
            yield Problem(str(root), _reason(error), unreadable=True)
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(root)
        elif stat.S_ISREG(mode):
            yield Candidate(root.name, root.resolve())
        else:
            yield Problem(str(root), "not a regular file", unreadable=False)


def _walk(root: Path) -> Iterator[Candidate | Problem]:
    problems: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=problems.append):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder, name)
            if path.suffix.lower() not in SUFFIXES:
                continue
            doc = path.relative_to(root).as_posix()
            try:
                mode = os.stat(path).st_mode
            except OSError as error:
                yield Problem(doc, _reason(error), unreadable=True)
                continue
            if not stat.S_ISREG(mode):
                yield Problem(doc, "not a regular file", unreadable=False)
                continue
            yield Candidate(doc, path.resolve())
        while problems:
            error = problems.pop()
            yield Problem(str(error.filename or folder), _reason(error), unreadable=True)


def read_file(candidate: Candidate) -> bytes | Problem:
    """A file's bytes; never raises, never blocks (a named pipe put in a file's place is refused, not read)."""
    try:
        fd = os.open(candidate.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        return Problem(candidate.doc, _reason(error), unreadable=True)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return Problem(candidate.doc, "not a regular file", unreadable=False)
        with open(fd, "rb", closefd=False) as handle:
            raw = handle.read()
    except OSError as error:
        return Problem(candidate.doc, _reason(error), unreadable=True)
    finally:
        os.close(fd)
    if b"\x00" in raw:
        return Problem(candidate.doc, "binary file (NUL bytes)", unreadable=False)
    return raw


def parse_documents(candidate: Candidate, raw: bytes) -> list[Document] | Problem:
    """A file's documents: one, or one per article object of a JSON file."""
    suffix = candidate.path.suffix.lower()
    path = str(candidate.path)
    if suffix in HTML_SUFFIXES:
        return [document_from_html(candidate.doc, path, raw)]
    if suffix in JSON_SUFFIXES:
        documents = documents_from_json(candidate.doc, path, raw, lines=suffix == ".jsonl")
        return documents or Problem(candidate.doc, "no article objects with a text, content or body field", False)
    return [document_from_bytes(candidate.doc, path, raw)]


def document_from_stdin(raw: bytes, name: str) -> Document:
    """Standard input as one document: HTML when it looks like a page, else plain text."""
    if looks_like_html(raw):
        return document_from_html(name, None, raw)
    return document_from_bytes(name, None, raw)


def looks_like_html(raw: bytes) -> bool:
    return raw.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))


def document_from_bytes(doc: str, path: str | None, raw: bytes) -> Document:
    """Plain text: BOM removed, line ends kept; title and date from the first line."""
    text = decode(raw)
    title, date = title_and_date(text)
    key = path if path is not None else f"stdin:{doc}"
    return Document(key, doc, path, text, hashlib.sha256(raw).hexdigest(), len(raw), title, date)


def document_from_html(doc: str, path: str | None, raw: bytes) -> Document:
    from factcli.read.article import read_page

    page = read_page(decode(raw))
    title, date = title_and_date(page.text)
    key = path if path is not None else f"stdin:{doc}"
    return Document(key, doc, path, page.text, hashlib.sha256(raw).hexdigest(), len(raw),
                    page.title or title, iso_date(page.date) or date, page.outlet, page.url)


def documents_from_json(doc: str, path: str, raw: bytes, lines: bool) -> list[Document]:
    """One document per article object: a JSON array, one object, or JSON Lines."""
    import json

    text = decode(raw)
    objects: list = []
    if lines:
        for line in text.splitlines():
            try:
                objects.append(json.loads(line) if line.strip() else None)
            except ValueError:
                objects.append(None)
    else:
        try:
            data = json.loads(text)
        except ValueError:
            return []
        objects = data if isinstance(data, list) else [data]
    sha = hashlib.sha256(raw).hexdigest()
    documents = []
    for number, item in enumerate((o for o in objects if o is not None), start=1):
        body = _first(item, TEXT_FIELDS) if isinstance(item, dict) else None
        if not body:
            continue
        first_title, first_date = title_and_date(body)
        outlet = _first(item, OUTLET_FIELDS)
        documents.append(Document(
            f"{path}#{number}", f"{doc}#{number}", path, body, sha, len(body.encode()),
            _first(item, TITLE_FIELDS) or first_title, iso_date(_first(item, DATE_FIELDS)) or first_date,
            outlet, _first(item, ("url", "link")),
        ))
    return documents


def _first(item: dict, fields: tuple[str, ...]) -> str | None:
    for name in fields:
        value = item.get(name)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return value
    return None


def iso_date(value: str | None) -> str | None:
    """A date as ISO 8601 (YYYY-MM-DD), from ISO timestamps or dates written out in words."""
    if not value:
        return None
    value = value.strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.search(value)
        if match and (iso := _iso_date(match)):
            return iso
    return None


def decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for encoding in FALLBACK_ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")


def title_and_date(text: str) -> tuple[str | None, str | None]:
    """The first line as title, and a date stated at its start ("March 18, 2023 Russia-Ukraine news")."""
    first = next((line.strip() for line in text[:4096].splitlines() if line.strip()), "")
    if not first:
        return None, None
    date = None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(first)
        if match and (iso := _iso_date(match)):
            date = iso
            first = first[match.end():].strip(" -–—,:|")
            break
    if len(first) > TITLE_MAX:
        cut = first.rfind(" ", 0, TITLE_MAX)
        first = first[: cut if cut > 0 else TITLE_MAX] + "…"
    return first or None, date


def _iso_date(match: re.Match) -> str | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()]
    day, year = int(groups["day"]), int(groups["year"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _reason(error: OSError) -> str:
    return error.strerror.lower() if error.strerror else str(error)


def bundled_corpus() -> Path:
    """The seed documents shipped with factcli: inside the wheel, or beside the package in a checkout."""
    package = Path(__file__).resolve().parents[1]
    inside = package / "corpus"
    return inside if inside.is_dir() else package.parent / "corpus"
