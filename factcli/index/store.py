"""The write path: schema creation and replacing a document's records.

Every document is replaced inside a transaction, so a killed run leaves the
previous state of each document intact. Full-text tables are the external
content FTS5 tables sqlite-utils' `enable_fts` makes, so `sqlite-utils
search` and Datasette use the same file as it is. They are kept in step in
bulk at the end of each transaction rather than by triggers, which cost three
times as much per row.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from datetime import UTC, datetime

from factcli.extract.records import Extraction
from factcli.extract.speakers import canonical_across
from factcli.index.database import BUSY_TIMEOUT_MS, SCHEMA_VERSION
from factcli.read.documents import Document
from factcli.read.text import LineIndex

FTS_COLUMNS = {
    "quotes": ["text"],
    "figures": ["text", "unit", "about", "sentence"],
    "sentences": ["text"],
    "speakers": ["name", "role"],
}
# Tables whose rows belong to a document, and whose full-text index follows them in bulk.
DOCUMENT_TABLES = ("sentences", "quotes", "figures")
# How long a writer waits for another one at a time: the first wait is quiet, then it says that it waits.
WAIT_STEP_MS = 500


class Store:
    """An open index for writing."""

    def __init__(self, conn: sqlite3.Connection, on_wait: Callable[[], None] = lambda: None) -> None:
        self.conn = conn
        self.on_wait = on_wait  # called once, when another writer makes this one wait
        self._waited = False
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        # a writer's settings: fewer checkpoints and a larger page cache while batches go in
        conn.execute("PRAGMA wal_autocheckpoint = 16384")
        conn.execute("PRAGMA cache_size = -65536")
        if not self._has_schema():
            self._begin()
            try:
                if not self._has_schema():  # another writer may have been first
                    self._create_schema()
                conn.execute("COMMIT")
            except BaseException:
                self._roll_back()
                raise
        self._load_speakers()
        self._seen_version = self._data_version()

    @contextmanager
    def transaction(self):
        """One write transaction; rows added in it reach the full-text tables before it commits.

        Another `index` run may have written since this one's last transaction (its speakers, say): the
        cached speaker ids are reloaded then, so two runs on one database never collide.
        """
        conn = self.conn
        self._begin()
        try:
            if self._data_version() != self._seen_version:
                self._load_speakers()
            self._synced = {table: self._max_id(table) for table in DOCUMENT_TABLES}
            yield
            for table in DOCUMENT_TABLES:
                columns = ", ".join(f"[{c}]" for c in FTS_COLUMNS[table])
                conn.execute(f"INSERT INTO {table}_fts (rowid, {columns}) SELECT id, {columns} FROM {table} "
                             "WHERE id > ?", (self._synced[table],))
            conn.execute("COMMIT")
        except BaseException:
            self._roll_back()
            raise
        self._seen_version = self._data_version()

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting for as long as another writer holds the database, and saying so once.

        SQLite waits in C, where Python cannot take a signal; short waits in a loop let Ctrl-C and SIGTERM
        end a run that waits.
        """
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {WAIT_STEP_MS}")
        try:
            while True:
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as error:
                    if error.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY:
                        raise
                if not self._waited:
                    self._waited = True
                    self.on_wait()
        finally:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def _roll_back(self) -> None:
        """Undo the open transaction, if SQLite has not already (it does on some errors, a full disk among them)."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        self._seen_version = None  # speaker ids cached during the transaction may be gone: reload them

    def _data_version(self) -> int:
        """Changes whenever another connection commits (SQLite's PRAGMA data_version)."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def _has_schema(self) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone() is not None

    def _max_id(self, table: str) -> int:
        return self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]

    def _create_schema(self) -> None:
        import sqlite_utils  # only to create the schema: a run that writes nothing new never loads it

        db = sqlite_utils.Database(self.conn)
        db["documents"].create(
            {"id": int, "key": str, "doc": str, "path": str, "title": str, "date": str, "outlet": str, "url": str,
             "sha256": str, "size": int, "indexed_at": str, "text": str},
            pk="id", not_null={"key", "doc", "sha256", "text"},
        )
        db["documents"].create_index(["key"], unique=True)
        db["documents"].create_index(["date"])
        db["speakers"].create(  # quotes and figures: counts kept by finish(), so `speakers` reads no records
            {"id": int, "name": str, "type": str, "role": str, "quotes": int, "figures": int}, pk="id",
            not_null={"name"}, defaults={"quotes": 0, "figures": 0},
        )
        db["speakers"].create_index(["name"], unique=True)
        db["aliases"].create(
            {"speaker_id": int, "alias": str}, pk=("speaker_id", "alias"),
            foreign_keys=[("speaker_id", "speakers", "id")],
        )
        db["aliases"].create_index(["alias"])
        located = {"document_id": int, "line": int, "start": int, "end": int}
        db["sentences"].create(
            {"id": int, **located, "text": str}, pk="id", foreign_keys=[("document_id", "documents", "id")],
        )
        db["quotes"].create(
            {"id": int, "speaker_id": int, "speaker_role": str, "text": str, "kind": str, "cue": str,
             **located, "context": str, "speaker_mention": str},
            pk="id",
            foreign_keys=[("document_id", "documents", "id"), ("speaker_id", "speakers", "id")],
        )
        db["figures"].create(
            {"id": int, "text": str, "value": float, "high": float, "unit": str, "qualifier": str, "about": str,
             "claimed_by_id": int, **located, "sentence": str},
            pk="id",
            foreign_keys=[("document_id", "documents", "id"), ("claimed_by_id", "speakers", "id")],
        )
        for table in ("sentences", "quotes", "figures"):
            db[table].create_index(["document_id"])
        db["quotes"].create_index(["speaker_id"])
        db["figures"].create_index(["claimed_by_id"])
        db["figures"].create_index(["unit", "value"])
        for table, columns in FTS_COLUMNS.items():
            # unicode61 rather than porter: a third of the cost to index; lookups match other
            # word forms themselves (query.fts_expression), and accents fold away ("Stéphane")
            db[table].enable_fts(columns, tokenize="unicode61 remove_diacritics 2", create_triggers=table == "speakers")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def known_documents(self) -> dict[str, str]:
        """key -> sha256 of every indexed document."""
        return {row[0]: row[1] for row in self.conn.execute("SELECT key, sha256 FROM documents")}

    def replace_document(self, document: Document, extraction: Extraction, sentences: list[tuple[int, int]]) -> None:
        """Delete the document's old records and write the new ones; call inside a transaction.

        Rows go in through executemany on prepared statements: this is the indexer's one
        single-threaded step, and sqlite-utils' per-call row building would triple its cost.
        """
        self.delete_document(document.key)
        conn = self.conn
        doc_id = conn.execute(
            """INSERT INTO documents (key, doc, path, title, date, outlet, url, sha256, size, indexed_at, text)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (document.key, document.doc, document.path, document.title, document.date, document.outlet, document.url,
             document.sha256, document.size, datetime.now(UTC).isoformat(timespec="seconds"), document.text),
        ).lastrowid
        aliases = []
        for speaker in extraction.speakers:
            speaker_id = self._speaker_id(speaker.name, speaker.type, speaker.role)
            aliases += [(speaker_id, alias) for alias in {speaker.name, *speaker.aliases}]
        conn.executemany("INSERT OR IGNORE INTO aliases (speaker_id, alias) VALUES (?, ?)", aliases)
        line_of = LineIndex(document.text).line_of
        text = document.text
        conn.executemany(
            'INSERT INTO sentences (document_id, line, start, "end", text) VALUES (?, ?, ?, ?, ?)',
            [(doc_id, line_of(start), start, end, text[start:end]) for start, end in sentences],
        )
        conn.executemany(
            """INSERT INTO quotes (speaker_id, speaker_role, text, kind, cue, document_id, line, start, "end",
               context, speaker_mention) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [(self._speaker_id(q.speaker) if q.speaker else None, q.speaker_role, q.text, q.kind, q.cue, doc_id,
              line_of(q.start), q.start, q.end, q.context, q.speaker_mention) for q in extraction.quotes],
        )
        conn.executemany(
            """INSERT INTO figures (text, value, high, unit, qualifier, about, claimed_by_id, document_id, line,
               start, "end", sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [(f.text, f.value, f.high, f.unit, f.qualifier, f.about,
              self._speaker_id(f.claimed_by) if f.claimed_by else None, doc_id, line_of(f.start), f.start, f.end,
              f.sentence) for f in extraction.figures],
        )

    def delete_document(self, key: str) -> None:
        """Remove a document, its records and their full-text entries; call inside a transaction."""
        conn = self.conn
        row = conn.execute("SELECT id FROM documents WHERE key = ?", (key,)).fetchone()
        if row is None:
            return
        for table in DOCUMENT_TABLES:
            columns = ", ".join(f"[{c}]" for c in FTS_COLUMNS[table])
            # external-content FTS forgets a row only when told its old values
            conn.execute(f"INSERT INTO {table}_fts ({table}_fts, rowid, {columns}) SELECT 'delete', id, {columns} "
                         f"FROM {table} WHERE document_id = ? AND id <= ?", (row[0], self._synced[table]))
            conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (row[0],))
        conn.execute("DELETE FROM documents WHERE id = ?", (row[0],))

    def delete_everything(self) -> None:
        conn = self.conn
        for table in DOCUMENT_TABLES:
            conn.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('delete-all')")
        for table in (*DOCUMENT_TABLES, "documents", "aliases", "speakers"):
            conn.execute(f"DELETE FROM {table}")
        self._speaker_ids.clear()
        self._held.clear()
        self._synced = dict.fromkeys(DOCUMENT_TABLES, 0)

    def document_keys(self) -> list[tuple[str, str | None]]:
        return [(row[0], row[1]) for row in self.conn.execute("SELECT key, path FROM documents")]

    def _load_speakers(self) -> None:
        self._speaker_ids: dict[str, int] = {}
        self._held: dict[int, tuple[str | None, str]] = {}  # id -> (role, type) as the row holds them
        for speaker_id, name, role, type_ in self.conn.execute("SELECT id, name, role, type FROM speakers"):
            self._speaker_ids[name] = speaker_id
            self._held[speaker_id] = (role, type_)

    def _speaker_id(self, name: str, type_: str | None = None, role: str | None = None) -> int:
        """The speaker's id, added when new; a role fills one the row lacks, a type replaces the row's."""
        speaker_id = self._speaker_ids.get(name)
        if speaker_id is None:
            speaker_id = self.conn.execute(
                "INSERT INTO speakers (name, type, role) VALUES (?, ?, ?)", (name, type_ or "person", role)
            ).lastrowid
            self._speaker_ids[name] = speaker_id
            self._held[speaker_id] = (role, type_ or "person")
            return speaker_id
        held_role, held_type = self._held[speaker_id]
        if (role and held_role is None) or (type_ and type_ != held_type):
            self.conn.execute(
                "UPDATE speakers SET role = coalesce(role, ?), type = coalesce(?, type) WHERE id = ?",
                (role, type_, speaker_id),
            )
            self._held[speaker_id] = (held_role or role, type_ or held_type)
        return speaker_id

    def finish(self) -> None:
        """After a run: merge speakers across documents and drop the ones nothing refers to."""
        names = [row[0] for row in self.conn.execute("SELECT name FROM speakers")]
        merges = {short: full for short, full in canonical_across(names).items() if short != full}
        for short, full in merges.items():
            self._merge_speaker(short, full)
        self.conn.execute(
            """DELETE FROM aliases WHERE speaker_id NOT IN (SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL
               UNION SELECT claimed_by_id FROM figures WHERE claimed_by_id IS NOT NULL)"""
        )
        self.conn.execute(
            """DELETE FROM speakers WHERE id NOT IN (SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL
               UNION SELECT claimed_by_id FROM figures WHERE claimed_by_id IS NOT NULL)"""
        )
        self.conn.execute(
            """UPDATE speakers SET quotes = (SELECT count(*) FROM quotes WHERE speaker_id = speakers.id),
                                   figures = (SELECT count(*) FROM figures WHERE claimed_by_id = speakers.id)"""
        )
        self._load_speakers()

    def _merge_speaker(self, short: str, full: str) -> None:
        old = self._speaker_ids.get(short)
        if old is None:
            return
        new = self._speaker_ids.get(full)
        if new is None:
            self.conn.execute("UPDATE speakers SET name = ? WHERE id = ?", [full, old])
            self.conn.execute("INSERT OR IGNORE INTO aliases (speaker_id, alias) VALUES (?, ?)", [old, full])
            self._speaker_ids[full] = self._speaker_ids.pop(short)
            return
        self.conn.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", [new, old])
        self.conn.execute("UPDATE figures SET claimed_by_id = ? WHERE claimed_by_id = ?", [new, old])
        self.conn.execute(
            "INSERT OR IGNORE INTO aliases (speaker_id, alias) SELECT ?, alias FROM aliases WHERE speaker_id = ?",
            [new, old],
        )
        self.conn.execute(
            "UPDATE speakers SET role = coalesce(role, (SELECT role FROM speakers WHERE id = ?)) WHERE id = ?",
            [old, new],
        )
        self.conn.execute("DELETE FROM aliases WHERE speaker_id = ?", [old])
        self.conn.execute("DELETE FROM speakers WHERE id = ?", [old])
        del self._speaker_ids[short]

    def prune(self, keys: Iterable[str]) -> int:
        count = 0
        for key in keys:
            self.delete_document(key)
            count += 1
        return count
