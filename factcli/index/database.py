"""Opening the index file: location, connection settings, schema checks.

Standard library only, and os.path rather than pathlib (whose import costs
a lookup about 8 ms), so lookups start fast; the write path (store.py) adds
sqlite-utils on top of the same connection.
"""
from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from contextlib import closing

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 10_000
TABLES = ("documents", "sentences", "speakers", "aliases", "quotes", "figures")


class DatabaseError(Exception):
    """A database the user pointed at cannot be used; the message is one line."""


def default_path() -> str:
    """factcli.db in the user's data directory, as each platform places it."""
    home = os.path.expanduser("~")
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local")
    elif sys.platform == "darwin":
        base = os.path.join(home, "Library", "Application Support")
    else:
        base = os.environ.get("XDG_DATA_HOME") or os.path.join(home, ".local", "share")
    return os.path.join(base, "factcli", "factcli.db")


def connect(path: str | os.PathLike) -> sqlite3.Connection:
    """Open an existing factcli database, or one that is to be created by the writer."""
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path} is not a usable SQLite database ({error})") from None
    if version > SCHEMA_VERSION:
        conn.close()
        raise DatabaseError(
            f"{path} was written by a newer factcli (schema {version}; this one reads {SCHEMA_VERSION}): "
            "upgrade factcli"
        )
    if tables and not set(TABLES) <= tables:
        conn.close()
        raise DatabaseError(f"{path} is not a factcli database")
    conn.row_factory = sqlite3.Row
    return conn


def is_empty(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'documents'").fetchone()[0] == 0


def open_for_lookup(
    db: str | os.PathLike | None,
    on_note: Callable[[str], None],
    build_default: Callable[[sqlite3.Connection], None],
) -> sqlite3.Connection:
    """The index to read: the one named, or the default one, which build_default fills on first use.

    The caller supplies the build (the bundled corpus, through the indexer), so opening a database never
    imports the write path.
    """
    path = os.fspath(db) if db is not None else default_path()
    if db is not None and not os.path.isfile(path):
        raise DatabaseError(f"no database at {path} (create it with: factcli index PATH --db {path})")
    if os.path.isfile(path):
        conn = connect(path)
        if not is_empty(conn):
            return conn
        conn.close()
        if db is not None:
            raise DatabaseError(f"{path} holds no factcli index yet (create it with: factcli index PATH --db {path})")
    on_note(f"factcli: first run: indexing the bundled corpus into {path}")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with closing(connect(path)) as writer:
        build_default(writer)
    return connect(path)
