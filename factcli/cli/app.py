"""The command line for Typer: every command, option and help text, declared once.

The work of each command is in commands.py, which the launcher also calls
directly for plain lookups, without loading Typer. Every error ends in one
line on stderr and exit status 2; nothing found is exit status 1.
"""
import sys
from pathlib import Path
from typing import Annotated

import typer
from typer import _click

from factcli import __version__
from factcli.cli import commands
from factcli.cli.commands import FOUND


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
            hint = f" (see '{error.ctx.command_path} --help')" if error.ctx is not None else ""
            sys.exit(commands.fail(error.format_message(), hint))
        except _click.exceptions.ClickException as error:
            sys.exit(commands.fail(error.format_message()))
        except typer.Abort:  # Click's form of Ctrl-C
            code = commands.report(KeyboardInterrupt())
        except (KeyboardInterrupt, Exception) as error:
            code = commands.report(error)
        sys.exit(code if isinstance(code, int) else FOUND)


app = typer.Typer(
    cls=FactcliGroup,
    name="factcli",
    help="Find who said what, and which numbers were claimed, in news text.",
    rich_markup_mode=None,
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
    str | None,
    typer.Option("--db", envvar="FACTCLI_DB", metavar="PATH",
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


def _joined(words: list[str] | None) -> str | None:
    """Bare words as one query: `search arrest warrant` is `search "arrest warrant"`."""
    return " ".join(words) if words else None


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
) -> int:
    """Index files and folders (.txt, .md, .html, .json, .jsonl), recursively; '-' reads standard input.

    Unchanged files are skipped.
    """
    return commands.index(paths, db, jobs, prune, rebuild, name)


@app.command()
def quote(
    speaker: Annotated[list[str] | None, typer.Argument(metavar="[WORDS]...", show_default=False,
                                                        help="Who said it; fuzzy-matched.")] = None,
    about: Annotated[str | None, typer.Option("--about", metavar="WORDS",
                                              help="Only quotes whose text has all these words.")] = None,
    exact: Annotated[bool, typer.Option("--exact", help="The name must equal a canonical name or alias.")] = False,
    source: Source = None, since: Since = None, until: Until = None,
    db: Db = None, limit: Limit = 20, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
) -> int:
    """Quotes by a speaker (Kirby, kirbi, John Kirby), or every quote."""
    return commands.quote(_joined(speaker), about, exact, source, since, until, db, limit, json_, jsonl, csv_)


@app.command()
def figure(
    topic: Annotated[list[str] | None, typer.Argument(metavar="[WORDS]...", show_default=False,
                                                      help="What the numbers are about.")] = None,
    unit: Annotated[str | None, typer.Option("--unit", metavar="U",
                                             help="Only this unit (ton, USD, percent, person).")] = None,
    minimum: Annotated[float | None, typer.Option("--min", metavar="X", help="Only values of at least X.")] = None,
    maximum: Annotated[float | None, typer.Option("--max", metavar="X", help="Only values of at most X.")] = None,
    by: Annotated[str | None, typer.Option("--by", metavar="SPEAKER",
                                           help="Only figures claimed by SPEAKER; fuzzy-matched.")] = None,
    source: Source = None, since: Since = None, until: Until = None,
    db: Db = None, limit: Limit = 20, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
) -> int:
    """Numeric claims about a topic (grain, icc members), or all."""
    return commands.figure(_joined(topic), unit, minimum, maximum, by, source, since, until, db, limit, json_, jsonl,
                           csv_)


@app.command()
def speakers(
    name: Annotated[list[str] | None, typer.Argument(metavar="[WORDS]...", show_default=False,
                                                     help="Only speakers matching this name.")] = None,
    source: Source = None, since: Since = None, until: Until = None,
    db: Db = None, limit: Limit = 20, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
) -> int:
    """Who is quoted, how often, under which names."""
    return commands.speakers(_joined(name), source, since, until, db, limit, json_, jsonl, csv_)


@app.command()
def search(
    text: Annotated[list[str], typer.Argument(metavar="WORDS...", help="Words to find.")],
    source: Source = None, since: Since = None, until: Until = None,
    db: Db = None, limit: Limit = 20, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
) -> int:
    """Full-text search over quotes, figures and sentences."""
    return commands.search(_joined(text), source, since, until, db, limit, json_, jsonl, csv_)


@app.command()
def show(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="A record id: q12, f3, s40.")],
    db: Db = None, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
) -> int:
    """One record with its paragraph and source."""
    return commands.show(record_id, db, json_, jsonl, csv_)


@app.command()
def sources(
    source: Source = None, since: Since = None, until: Until = None,
    db: Db = None, limit: Limit = 20, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
) -> int:
    """The indexed documents."""
    return commands.sources(source, since, until, db, limit, json_, jsonl, csv_)


@app.command()
def check(
    text: Annotated[list[str], typer.Argument(metavar="WORDS...", show_default=False,
                                              help="The words someone is said to have said.")],
    by: Annotated[str | None, typer.Option("--by", metavar="SPEAKER",
                                           help="Did SPEAKER say it? Exit 1, naming who did, when not.")] = None,
    min_score: Annotated[int, typer.Option("--min-score", min=0, metavar="N",
                                           help="How close counts as said, 0-100.")] = 80,
    source: Source = None, since: Since = None, until: Until = None,
    db: Db = None, limit: Limit = 20, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
) -> int:
    """Did anyone say these words? The quotes closest to them, best first, with a score and what differs."""
    return commands.check(_joined(text), by, min_score, source, since, until, db, limit, json_, jsonl, csv_)


@app.command()
def compare(
    topic: Annotated[list[str] | None, typer.Argument(metavar="[WORDS]...", show_default=False,
                                                      help="Only groups with a figure about this.")] = None,
    source: Source = None, since: Since = None, until: Until = None,
    db: Db = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, metavar="N",
                                       help="At most N groups, clearest first; 0 for all.")] = 20,
    json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
) -> int:
    """Figures that disagree: claims about one thing, in one kind of unit, with values that cannot both be right."""
    return commands.compare(_joined(topic), source, since, until, db, limit, json_, jsonl, csv_)


def main() -> None:
    app()
