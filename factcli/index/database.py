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


def connect(path: str | os.PathLike, read_only: bool | None = None) -> sqlite3.Connection:
    """Open an existing factcli database, or one that is to be created by the writer.

    A database that this user cannot write (read_only=None finds out) is opened read-only, so a shared or
    published index answers lookups.
    """
    try:
        if read_only or (read_only is None and not writable(os.fspath(path))):
            conn = _open_read_only(os.fspath(path))
        else:
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


def _open_read_only(path: str) -> sqlite3.Connection:
    """A database this user cannot write (a read-only file, folder or mount), opened as SQLite allows.

    mode=ro still needs the WAL index (the -shm file) beside the database, which a read-only folder
    cannot hold unless a writer left it there; then immutable=1 reads the file as it stands, as
    SQLite documents for read-only media.
    """
    uri = "file:" + _uri_path(path)
    conn = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as error:
        conn.close()
        if error.sqlite_errorcode & 0xFF != sqlite3.SQLITE_CANTOPEN:
            raise
    return sqlite3.connect(uri + "?immutable=1", uri=True, isolation_level=None)


def _uri_path(path: str) -> str:
    """A file path as the path of an SQLite URI: absolute, forward slashes, with %, ? and # escaped."""
    path = os.path.abspath(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return "/" + path.replace("\\", "/") if sys.platform == "win32" else path


def writable(path: str) -> bool:
    """Whether SQLite can write the database at path: the file, and its folder for the -wal and -shm files."""
    folder = os.path.dirname(os.path.abspath(path))
    return os.access(folder, os.W_OK) and (not os.path.exists(path) or os.access(path, os.W_OK))


def write_problem(path: str) -> str | None:
    """Why the index at path cannot be written, in one line, or None when it can."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.exists(path) and not os.access(path, os.W_OK):
        return f"{path} is read-only: index cannot write to it (lookups still read it)"
    if not os.access(folder, os.W_OK):
        return f"the folder {folder} is read-only: index cannot write {os.path.basename(path)} there"
    return None


def cause(error: sqlite3.Error, path: str) -> str:
    """What an SQLite error met while writing the index at path means for the user, in one line."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    folder = os.path.dirname(os.path.abspath(path))
    if code == sqlite3.SQLITE_FULL or (code == sqlite3.SQLITE_IOERR and _no_space(folder)):
        return (f"no space left on {folder}: the index keeps what was committed before; "
                "free space and run index again")
    if code == sqlite3.SQLITE_READONLY:
        return write_problem(path) or f"{path} is read-only: index cannot write to it"
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return f"{path} is damaged: {error}"
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return f"{path} is locked by another program ({error})"
    if code == sqlite3.SQLITE_CANTOPEN:
        return f"cannot open {path}: {write_problem(path) or error}"
    return f"the index cannot be used: {error}"


def _no_space(folder: str) -> bool:
    import shutil  # only on this error path: it costs a lookup's start-up several milliseconds

    try:
        return shutil.disk_usage(folder).free == 0
    except OSError:
        return False


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
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    except OSError as error:
        raise DatabaseError(f"cannot create {os.path.dirname(path)} for the index: {error.strerror or error}") from None
    if problem := write_problem(path):
        raise DatabaseError(problem)
    with closing(connect(path)) as writer:
        try:
            build_default(writer)
        except sqlite3.Error as error:
            raise DatabaseError(cause(error, path)) from None
    return connect(path)
