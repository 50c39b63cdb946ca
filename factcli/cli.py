"""The command line: parse options, call the library, render the result.

Heavy modules are imported inside the commands that use them, so a JSON
lookup loads neither rich nor sqlite-utils. Every error ends in one line on
stderr and exit status 2; nothing found is exit status 1.
"""
import os
import re
import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from typer import _click

from factcli import __version__

FOUND, NOT_FOUND, ERROR, INTERRUPTED = 0, 1, 2, 130


class UserError(Exception):
    """Something the user can fix; printed as one line, exit status 2."""


class FactcliGroup(typer.core.TyperGroup):
    """Runs the app with one-line errors and the contract's exit statuses, also under CliRunner."""

    def main(self, args=None, prog_name=None, **extra):
        extra.pop("standalone_mode", None)
        try:
            code = super().main(args=args, prog_name=prog_name or "factcli", standalone_mode=False, **extra)
        except _click.exceptions.NoArgsIsHelpError as error:  # plain `factcli`: what it can do
            sys.stdout.write(error.format_message() + "\n")
            sys.exit(FOUND)
        except _click.exceptions.UsageError as error:
            _fail(error.format_message(), error.ctx)
        except _click.exceptions.ClickException as error:
            _fail(error.format_message())
        except (typer.Abort, KeyboardInterrupt):
            sys.stderr.write("factcli: interrupted\n")
            sys.exit(INTERRUPTED)
        except UserError as error:
            _fail(str(error))
        except sqlite3.DatabaseError as error:  # a damaged file, a full disk, a lock held too long
            _fail(f"the index cannot be used: {error}")
        except Exception as error:  # a bug, not the user's fault: one line unless debugging
            if os.environ.get("FACTCLI_DEBUG"):
                raise
            _fail(f"internal error: {type(error).__name__}: {error} (set FACTCLI_DEBUG=1 for a traceback)")
        if code == INTERRUPTED:
            sys.stderr.write("factcli: interrupted\n")
        sys.exit(code if isinstance(code, int) else FOUND)


def _fail(message: str, ctx=None) -> None:
    hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    sys.stderr.write(f"factcli: error: {' '.join(str(message).split())}{hint}\n")
    sys.exit(ERROR)


def _silence_stdout() -> None:
    """After the reader of a pipe went away: send what is left to /dev/null, quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


app = typer.Typer(
    cls=FactcliGroup,
    name="factcli",
    help="Find who said what, and which numbers were claimed, in news text.",
    rich_markup_mode=None,
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"factcli {__version__}\n")
        raise typer.Exit(FOUND)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Find who said what, and which numbers were claimed, in news text."""


Db = Annotated[
    Path | None,
    typer.Option("--db", envvar="FACTCLI_DB", metavar="PATH", dir_okay=False,
                 help="The index file (default: factcli.db in your data directory)."),
]
Limit = Annotated[int, typer.Option("--limit", "-n", min=0, metavar="N",
                                    help="At most N records, best first; 0 for all.")]
Json = Annotated[bool, typer.Option("--json", help="A JSON array of records.")]
Jsonl = Annotated[bool, typer.Option("--jsonl", "--nl", help="One JSON object per line.")]
Csv = Annotated[bool, typer.Option("--csv", help="CSV with a header row.")]
Source = Annotated[str | None, typer.Option("--source", metavar="TEXT",
                                            help="Only documents whose outlet, title, path or URL has TEXT.")]
Since = Annotated[str | None, typer.Option("--since", metavar="DATE",
                                           help="Only documents dated DATE (YYYY[-MM[-DD]]) or later.")]
Until = Annotated[str | None, typer.Option("--until", metavar="DATE",
                                           help="Only documents dated DATE (YYYY[-MM[-DD]]) or earlier.")]
_ISO_PREFIX = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


def _documents(source: str | None, since: str | None, until: str | None):
    from factcli.query import Documents

    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not _ISO_PREFIX.fullmatch(value):
            raise UserError(f"{name} takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return Documents(source or None, since, until)


def _format(json_: bool, jsonl: bool, csv_: bool) -> str:
    from factcli.render import choose_format

    try:
        return choose_format(json_, jsonl, csv_, sys.stdout)
    except ValueError as error:
        raise UserError(str(error)) from None


def _connect(db: Path | None):
    from factcli.database import DatabaseError, open_for_lookup
    from factcli.render import note

    try:
        return open_for_lookup(db, note)
    except DatabaseError as error:
        raise UserError(str(error)) from None


@contextmanager
def _reader_may_leave():
    """`factcli quote | head -1`: when the pipe closes, stop writing quietly; what was wanted was read."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(FOUND) from None


def _emit(kind: str, result, fields, fmt: str, limit: int, highlight=()) -> None:
    """Print a result in the chosen format, the "N of M shown" note, and exit 1 when it is empty."""
    from factcli.render import note, write_kind_table, write_records

    if result.note:
        note(f"factcli: {result.note}")
    with _reader_may_leave():
        if fmt == "table":
            if result.records:
                write_kind_table(kind, result.records, sys.stdout, highlight)
        else:
            write_records(result.records, fields, fmt, sys.stdout)
    if limit and result.total > len(result.records):
        note(f"{len(result.records)} of {result.total} shown; --limit 0 for all")
    if not result.records:
        raise typer.Exit(NOT_FOUND)


def _speaker_ids(conn, name: str, exact: bool) -> list[int]:
    from factcli.query import match_speakers
    from factcli.render import note

    match = match_speakers(conn, name, exact=exact)
    if not match.ids:
        hint = f"; did you mean {', '.join(repr(s) for s in match.suggestions)}?" if match.suggestions else ""
        note(f"factcli: no speaker matches {name!r}{hint}")
    return match.ids


@app.command()
def index(
    paths: Annotated[list[Path] | None, typer.Argument(
        metavar="[PATH]...", show_default=False, help="Files and folders to index (default: the bundled corpus).",
    )] = None,
    db: Db = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, metavar="N",
                                      help="Worker processes; 0 for all cores.")] = 0,
    prune: Annotated[bool, typer.Option("--prune", help="Drop documents whose files are gone.")] = False,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Start the index over.")] = False,
    name: Annotated[str, typer.Option("--name", metavar="NAME",
                                      help="The document name for standard input (PATH '-').")] = "stdin",
) -> None:
    """Index files and folders (.txt, .md, .html, .json, .jsonl), recursively; '-' reads standard input.

    Unchanged files are skipped.
    """
    from factcli.database import DatabaseError, connect, default_path
    from factcli.documents import bundled_corpus, document_from_stdin
    from factcli.indexer import Indexer
    from factcli.render import note

    paths = list(paths or [])
    from_stdin = [p for p in paths if str(p) == "-"]
    if from_stdin and len(paths) > 1:
        raise UserError("'-' (standard input) cannot be mixed with other paths")

    path = db if db is not None else default_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(path)
    except (DatabaseError, OSError) as error:
        raise UserError(str(error)) from None
    indexer = Indexer(conn, jobs=jobs or None)
    if from_stdin:
        summary = indexer.index_documents([document_from_stdin(sys.stdin.buffer.read(), name)])
    else:
        with _progress_bar() as on_progress:
            summary = indexer.run(
                paths or [bundled_corpus()],
                prune=prune,
                rebuild=rebuild,
                on_problem=lambda problem: note(f"factcli: skipped {problem.doc}: {problem.reason}"),
                on_progress=on_progress,
            )
    conn.close()
    parts = [f"{summary.documents} documents indexed", f"{summary.quotes} quotes", f"{summary.figures} figures",
             f"{summary.unchanged} unchanged", f"{summary.skipped} skipped"]
    if summary.failed:
        parts.append(f"{summary.failed} unreadable")
    if summary.pruned:
        parts.append(f"{summary.pruned} pruned")
    note(f"{', '.join(parts)} in {summary.seconds:.1f} s ({path})")
    if summary.failed:
        raise typer.Exit(ERROR)


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


@app.command()
def quote(
    speaker: Annotated[str | None, typer.Argument(metavar="[SPEAKER]", show_default=False,
                                                  help="Who said it; fuzzy-matched.")] = None,
    about: Annotated[str | None, typer.Option("--about", metavar="WORDS",
                                              help="Only quotes whose text has all these words.")] = None,
    exact: Annotated[bool, typer.Option("--exact", help="SPEAKER must equal a canonical name or alias.")] = False,
    source: Source = None, since: Since = None, until: Until = None,
    db: Db = None, limit: Limit = 20, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
) -> None:
    """Quotes by SPEAKER ("Kirby", "kirbi", "John Kirby"); no SPEAKER: all quotes."""
    from factcli import query

    fmt = _format(json_, jsonl, csv_)
    documents = _documents(source, since, until)
    conn = _connect(db)
    ids = None
    if speaker is not None:
        ids = _speaker_ids(conn, speaker, exact)
        if not ids:
            _emit("quote", query.Result([], 0), query.QUOTE_FIELDS, fmt, limit)
    # on a terminal, repeats are one row listing every source, and --limit counts rows
    lookup = query.quotes if fmt != "table" else query.quote_groups
    result = lookup(conn, ids, about, limit, documents)
    _emit("quote", result, query.QUOTE_FIELDS, fmt, limit, highlight=query.fts_words(about or ""))


@app.command()
def figure(
    topic: Annotated[str | None, typer.Argument(metavar="[TOPIC]", show_default=False,
                                                help="What the numbers are about.")] = None,
    unit: Annotated[str | None, typer.Option("--unit", metavar="U",
                                             help="Only this unit (ton, USD, percent, person).")] = None,
    minimum: Annotated[float | None, typer.Option("--min", metavar="X", help="Only values of at least X.")] = None,
    maximum: Annotated[float | None, typer.Option("--max", metavar="X", help="Only values of at most X.")] = None,
    by: Annotated[str | None, typer.Option("--by", metavar="SPEAKER",
                                           help="Only figures claimed by SPEAKER; fuzzy-matched.")] = None,
    source: Source = None, since: Since = None, until: Until = None,
    db: Db = None, limit: Limit = 20, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
) -> None:
    """Numeric claims about TOPIC ("grain", "icc members"); no TOPIC: all figures."""
    from factcli import query

    fmt = _format(json_, jsonl, csv_)
    documents = _documents(source, since, until)
    conn = _connect(db)
    ids = None
    if by is not None:
        ids = _speaker_ids(conn, by, exact=False)
        if not ids:
            _emit("figure", query.Result([], 0), query.FIGURE_FIELDS, fmt, limit)
    result = query.figures(conn, topic, unit, minimum, maximum, ids, limit, documents)
    _emit("figure", result, query.FIGURE_FIELDS, fmt, limit, highlight=query.fts_words(topic or ""))


@app.command()
def speakers(
    name: Annotated[str | None, typer.Argument(metavar="[NAME]", show_default=False,
                                               help="Only speakers matching NAME.")] = None,
    source: Source = None, since: Since = None, until: Until = None,
    db: Db = None, limit: Limit = 20, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
) -> None:
    """Who is quoted, how often, under which names."""
    from factcli import query

    fmt = _format(json_, jsonl, csv_)
    documents = _documents(source, since, until)
    conn = _connect(db)
    ids = _speaker_ids(conn, name, exact=False) if name is not None else None
    if ids == []:
        _emit("speaker", query.Result([], 0), query.SPEAKER_FIELDS, fmt, limit)
    _emit("speaker", query.speakers(conn, ids, limit, documents), query.SPEAKER_FIELDS, fmt, limit)


@app.command()
def search(
    text: Annotated[str, typer.Argument(metavar="QUERY", help="Words to find.")],
    source: Source = None, since: Since = None, until: Until = None,
    db: Db = None, limit: Limit = 20, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
) -> None:
    """Full-text search over quotes, figures and sentences."""
    from factcli import query

    fmt = _format(json_, jsonl, csv_)
    documents = _documents(source, since, until)
    conn = _connect(db)
    result = query.search(conn, text, limit, documents)
    _emit("hit", result, query.HIT_FIELDS, fmt, limit, highlight=query.fts_words(text))


@app.command()
def show(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="A record id: q12, f3, s40.")],
    db: Db = None, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
) -> None:
    """One record with its paragraph and source."""
    from factcli import query
    from factcli.render import note, write_record_card, write_records

    fmt = _format(json_, jsonl, csv_)
    conn = _connect(db)
    record = query.show(conn, record_id)
    if record is None:
        note(f"factcli: no record {record_id!r} (ids look like q12, f3, s40)")
        if fmt == "json":
            sys.stdout.write("[]\n")
        raise typer.Exit(NOT_FOUND)
    with _reader_may_leave():
        if fmt == "table":
            write_record_card(record, sys.stdout)
        else:
            write_records([record], list(record), fmt, sys.stdout)


@app.command()
def sources(
    source: Source = None, since: Since = None, until: Until = None,
    db: Db = None, limit: Limit = 20, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
) -> None:
    """The indexed documents."""
    from factcli import query

    fmt = _format(json_, jsonl, csv_)
    documents = _documents(source, since, until)
    conn = _connect(db)
    _emit("source", query.sources(conn, limit, documents), query.SOURCE_FIELDS, fmt, limit)


def main() -> None:
    app()
