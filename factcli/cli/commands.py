"""What each command does, once its arguments are parsed: call the library, render, return the exit status.

Free of Typer, so that the launcher can run a plain lookup without loading
it; app.py declares the same commands for Typer and calls these functions.
Heavy modules are imported inside the commands that use them, so a JSON
lookup loads neither rich nor sqlite-utils. Every error ends in one line on
stderr and exit status 2; nothing found is exit status 1.
"""
from __future__ import annotations

import os
import re
import sqlite3
import sys

FOUND, NOT_FOUND, ERROR, INTERRUPTED, TERMINATED = 0, 1, 2, 130, 143
_ISO_PREFIX = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


class UserError(Exception):
    """Something the user can fix; printed as one line, exit status 2."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, which `timeout` and service managers send: it stops `index` the way Ctrl-C does."""


def _terminate(signum, frame) -> None:
    raise Terminated


def run(command, **params) -> int:
    """Run a command function; what it raises becomes a one-line message and an exit status."""
    try:
        return command(**params)
    except (KeyboardInterrupt, Exception) as error:
        return report(error)


def report(error: BaseException) -> int:
    """The one line a failure prints, and its exit status; FACTCLI_DEBUG=1 keeps a bug's traceback."""
    if isinstance(error, Terminated):
        sys.stderr.write("factcli: terminated\n")
        return TERMINATED
    if isinstance(error, KeyboardInterrupt):
        sys.stderr.write("factcli: interrupted\n")
        return INTERRUPTED
    if isinstance(error, BrokenPipeError):
        silence_stdout()
        return FOUND
    if isinstance(error, UserError):
        return fail(str(error))
    if isinstance(error, sqlite3.DatabaseError):  # a damaged file, a full disk, a lock held too long
        return fail(f"the index cannot be used: {error}")
    if os.environ.get("FACTCLI_DEBUG"):
        raise error
    return fail(f"internal error: {type(error).__name__}: {error} (set FACTCLI_DEBUG=1 for a traceback)")


def fail(message: str, hint: str = "") -> int:
    sys.stderr.write(f"factcli: error: {' '.join(str(message).split())}{hint}\n")
    return ERROR


def silence_stdout() -> None:
    """After the reader of a pipe went away: send what is left to /dev/null, quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _documents(source: str | None, since: str | None, until: str | None):
    from factcli.lookup.query import Documents

    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not _ISO_PREFIX.fullmatch(value):
            raise UserError(f"{name} takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return Documents(source or None, since, until)


def _format(json_: bool, jsonl: bool, csv_: bool) -> str:
    from factcli.lookup.render import choose_format

    try:
        return choose_format(json_, jsonl, csv_, sys.stdout)
    except ValueError as error:
        raise UserError(str(error)) from None


def _database(db: str | None) -> str | None:
    """--db as given: a file to read or create, never a folder."""
    if db is not None and os.path.isdir(db):
        raise UserError(f"--db {db} is a folder; name the index file in it (say {os.path.join(db, 'factcli.db')})")
    return db


def _connect(db: str | None):
    from factcli.index.database import DatabaseError, open_for_lookup
    from factcli.lookup.render import note

    try:
        return open_for_lookup(_database(db), note, _index_bundled_corpus)
    except DatabaseError as error:
        raise UserError(str(error)) from None


def _index_bundled_corpus(conn) -> None:
    """The first lookup's build of the default index: the write path loads only when it is needed."""
    from factcli.index.indexer import Indexer
    from factcli.read.documents import bundled_corpus

    Indexer(conn).run([bundled_corpus()])


def _written(write) -> None:
    """`factcli quote | head -1`: when the pipe closes, stop writing quietly; what was wanted was read."""
    try:
        write()
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()


def _emit(kind: str, result, fields, fmt: str, limit: int, highlight=()) -> int:
    """Print a result in the chosen format and the "N of M shown" note; 1 when it is empty."""
    from factcli.lookup.render import note, write_kind_table, write_records

    if result.note:
        note(f"factcli: {result.note}")
    if fmt == "table":
        if result.records:
            _written(lambda: write_kind_table(kind, result.records, sys.stdout, highlight))
    else:
        _written(lambda: write_records(result.records, fields, fmt, sys.stdout))
    if limit and result.total > len(result.records):
        note(f"{len(result.records)} of {result.total} shown; --limit 0 for all")
    return FOUND if result.records else NOT_FOUND


def _speaker_ids(conn, name: str, exact: bool) -> list[int]:
    from factcli.lookup.match import match_speakers
    from factcli.lookup.render import note

    match = match_speakers(conn, name, exact=exact)
    if not match.ids:
        hint = f"; did you mean {', '.join(repr(s) for s in match.suggestions)}?" if match.suggestions else ""
        note(f"factcli: no speaker matches {name!r}{hint}")
    return match.ids


def index(paths: list[os.PathLike] | None = None, db: str | None = None, jobs: int = 0, prune: bool = False,
          rebuild: bool = False, name: str = "stdin") -> int:
    import signal  # here, not at the top: it costs a lookup's start-up about 5 ms

    from factcli.index.database import DatabaseError, cause, connect, default_path, write_problem
    from factcli.index.indexer import Indexer
    from factcli.lookup.render import note
    from factcli.read.documents import bundled_corpus, document_from_stdin, looks_like_html

    paths = list(paths or [])
    from_stdin = [p for p in paths if str(p) == "-"]
    if from_stdin and len(paths) > 1:
        raise UserError("'-' (standard input) cannot be mixed with other paths")

    path = _database(db) or default_path()
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise UserError(f"cannot create the folder {folder} for the index: {_reason(error)}") from None
    if problem := write_problem(path):
        raise UserError(problem)
    try:
        conn = connect(path)
    except DatabaseError as error:
        raise UserError(str(error)) from None
    previous_handler = signal.signal(signal.SIGTERM, _terminate)
    try:
        indexer = Indexer(conn, jobs=jobs or None, on_note=note)
        if from_stdin:
            raw = sys.stdin.buffer.read()
            if looks_like_html(raw):
                indexer.prepare_html_reader()
            summary = indexer.index_documents([document_from_stdin(raw, name)])
        else:
            with _progress_bar() as on_progress:
                summary = indexer.run(
                    paths or [bundled_corpus()],
                    prune=prune,
                    rebuild=rebuild,
                    on_problem=lambda problem: note(f"factcli: skipped {problem.doc}: {problem.reason}"),
                    on_progress=on_progress,
                )
    except sqlite3.Error as error:  # a full disk, a folder made read-only mid-run: said in the user's terms
        raise UserError(cause(error, path)) from None
    except KeyboardInterrupt as error:  # Ctrl-C or SIGTERM: the open batch has rolled back
        return report(error)
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
        conn.close()
    parts = [f"{summary.documents} documents indexed", f"{summary.quotes} quotes", f"{summary.figures} figures",
             f"{summary.unchanged} unchanged", f"{summary.skipped} skipped"]
    if summary.failed:
        parts.append(f"{summary.failed} unreadable")
    if summary.pruned:
        parts.append(f"{summary.pruned} pruned")
    note(f"{', '.join(parts)} in {summary.seconds:.1f} s ({path})")
    return ERROR if summary.failed else FOUND


class _progress_bar:
    """A rich progress bar on a terminal's stderr; nothing elsewhere."""

    def __enter__(self):
        if not sys.stderr.isatty():
            return lambda done, total: None
        from rich.progress import Progress

        self._progress = Progress(transient=True)
        self._progress.start()
        task = self._progress.add_task("indexing", total=None)
        return lambda done, total: self._progress.update(task, completed=done, total=total)

    def __exit__(self, *exc):
        if hasattr(self, "_progress"):
            self._progress.stop()


def quote(speaker: str | None = None, about: str | None = None, exact: bool = False, source: str | None = None,
          since: str | None = None, until: str | None = None, db: str | None = None, limit: int = 20,
          json_: bool = False, jsonl: bool = False, csv_: bool = False) -> int:
    from factcli.lookup import query

    fmt = _format(json_, jsonl, csv_)
    documents = _documents(source, since, until)
    conn = _connect(db)
    ids = None
    if speaker is not None:
        ids = _speaker_ids(conn, speaker, exact)
        if not ids:
            return _emit("quote", query.Result([], 0), query.QUOTE_FIELDS, fmt, limit)
    # on a terminal, repeats are one row listing every source, and --limit counts rows
    lookup = query.quotes if fmt != "table" else query.quote_groups
    result = lookup(conn, ids, about, limit, documents)
    return _emit("quote", result, query.QUOTE_FIELDS, fmt, limit, highlight=query.fts_words(about or ""))


def figure(topic: str | None = None, unit: str | None = None, minimum: float | None = None,
           maximum: float | None = None, by: str | None = None, source: str | None = None, since: str | None = None,
           until: str | None = None, db: str | None = None, limit: int = 20, json_: bool = False,
           jsonl: bool = False, csv_: bool = False) -> int:
    from factcli.lookup import query

    fmt = _format(json_, jsonl, csv_)
    documents = _documents(source, since, until)
    conn = _connect(db)
    ids = None
    if by is not None:
        ids = _speaker_ids(conn, by, exact=False)
        if not ids:
            return _emit("figure", query.Result([], 0), query.FIGURE_FIELDS, fmt, limit)
    result = query.figures(conn, topic, unit, minimum, maximum, ids, limit, documents)
    return _emit("figure", result, query.FIGURE_FIELDS, fmt, limit, highlight=query.fts_words(topic or ""))


def speakers(name: str | None = None, source: str | None = None, since: str | None = None, until: str | None = None,
             db: str | None = None, limit: int = 20, json_: bool = False, jsonl: bool = False,
             csv_: bool = False) -> int:
    from factcli.lookup import query

    fmt = _format(json_, jsonl, csv_)
    documents = _documents(source, since, until)
    conn = _connect(db)
    ids = _speaker_ids(conn, name, exact=False) if name is not None else None
    if ids == []:
        return _emit("speaker", query.Result([], 0), query.SPEAKER_FIELDS, fmt, limit)
    return _emit("speaker", query.speakers(conn, ids, limit, documents), query.SPEAKER_FIELDS, fmt, limit)


def search(text: str, source: str | None = None, since: str | None = None, until: str | None = None,
           db: str | None = None, limit: int = 20, json_: bool = False, jsonl: bool = False,
           csv_: bool = False) -> int:
    from factcli.lookup import query

    fmt = _format(json_, jsonl, csv_)
    documents = _documents(source, since, until)
    conn = _connect(db)
    result = query.search(conn, text, limit, documents)
    return _emit("hit", result, query.HIT_FIELDS, fmt, limit, highlight=query.fts_words(text))


def show(record_id: str, db: str | None = None, json_: bool = False, jsonl: bool = False,
         csv_: bool = False) -> int:
    from factcli.lookup import query
    from factcli.lookup.render import note, write_record_card, write_records

    fmt = _format(json_, jsonl, csv_)
    conn = _connect(db)
    record = query.show(conn, record_id)
    if record is None:
        note(f"factcli: no record {record_id!r} (ids look like q12, f3, s40)")
        if fmt == "json":
            _written(lambda: sys.stdout.write("[]\n"))
        return NOT_FOUND
    if fmt == "table":
        _written(lambda: write_record_card(record, sys.stdout))
    else:
        _written(lambda: write_records([record], list(record), fmt, sys.stdout))
    return FOUND


def sources(source: str | None = None, since: str | None = None, until: str | None = None, db: str | None = None,
            limit: int = 20, json_: bool = False, jsonl: bool = False, csv_: bool = False) -> int:
    from factcli.lookup import query

    fmt = _format(json_, jsonl, csv_)
    documents = _documents(source, since, until)
    conn = _connect(db)
    return _emit("source", query.sources(conn, limit, documents), query.SOURCE_FIELDS, fmt, limit)


def check(text: str, by: str | None = None, min_score: int = 80, source: str | None = None,
          since: str | None = None, until: str | None = None, db: str | None = None, limit: int = 20,
          json_: bool = False, jsonl: bool = False, csv_: bool = False) -> int:
    """Did anyone (with --by: did SPEAKER) say TEXT? Quotes scoring at least min_score, best first."""
    from factcli.lookup import check as checking
    from factcli.lookup.render import note, write_check_table, write_records

    if not 0 <= min_score <= 100:
        raise UserError(f"--min-score takes a score from 0 to 100, not {min_score}")
    fmt = _format(json_, jsonl, csv_)
    documents = _documents(source, since, until)
    conn = _connect(db)
    found = checking.matches(conn, text, documents)
    said = [match for match in found if match.record["score"] >= min_score]
    if by is not None:
        names = checking.speaker_names(conn, _speaker_ids(conn, by, exact=False))
        others = [match for match in said if match.record["speaker"] not in names]
        said = [match for match in said if match.record["speaker"] in names]
        if not said and others:
            best = others[0].record
            note(f"factcli: said by {best['speaker'] or 'an unnamed speaker'}, not by {names[0] if names else by}: "
                 f"score {best['score']}, {best['id']}")
    elif not said:
        closest = f"; the closest is {found[0].record['id']} (score {found[0].record['score']})" if found else ""
        note(f"factcli: no quote scores {min_score} or more{closest}")
    if fmt == "table":  # the same words in several documents are one row listing every source
        rows = checking.one_row_per_saying(said)
        shown = rows[:limit] if limit else rows
        if shown:
            _written(lambda: write_check_table(shown, sys.stdout))
    else:
        rows = [match.record for match in said]
        shown = rows[:limit] if limit else rows
        _written(lambda: write_records(shown, checking.CHECK_FIELDS, fmt, sys.stdout))
    if limit and len(rows) > len(shown):
        note(f"{len(shown)} of {len(rows)} shown; --limit 0 for all")
    return FOUND if said else NOT_FOUND


def compare(topic: str | None = None, source: str | None = None, since: str | None = None,
            until: str | None = None, db: str | None = None, limit: int = 20, json_: bool = False,
            jsonl: bool = False, csv_: bool = False) -> int:
    """Groups of figures that disagree, clearest first; --limit counts groups."""
    from factcli.lookup import compare as comparing
    from factcli.lookup.render import note, write_compare_table, write_records

    fmt = _format(json_, jsonl, csv_)
    documents = _documents(source, since, until)
    conn = _connect(db)
    groups = comparing.disagreements(conn, topic or None, documents)
    shown = groups[:limit] if limit else groups
    comparing.complete(conn, shown)
    if not groups:
        note("factcli: no figures disagree" + (f" about {topic!r}" if topic else ""))
    if fmt == "table":
        tables = [comparing.claim_rows(group, number) for number, group in enumerate(shown, 1)]
        if tables:
            _written(lambda: write_compare_table(tables, sys.stdout))
    else:
        records = [record for number, group in enumerate(shown, 1)
                   for record in comparing.group_records(group, number)]
        _written(lambda: write_records(records, comparing.COMPARE_FIELDS, fmt, sys.stdout))
    if limit and len(groups) > len(shown):
        note(f"{len(shown)} of {len(groups)} groups shown; --limit 0 for all")
    return FOUND if groups else NOT_FOUND


def _reason(error: OSError) -> str:
    return error.strerror.lower() if error.strerror else str(error)
