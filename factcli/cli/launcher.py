"""The `factcli` program: plain lookups and help run without loading Typer.

Importing Typer and building its command tree costs more than a lookup
itself (about 120 ms of a 200 ms `quote --json` on a slow two-core machine),
and scripts call lookups in loops. So when the arguments are a lookup in the
plain forms (a known command; known options, each given once; well-formed
values) they are parsed here, against COMMANDS, and the command runs
directly; help at the usual width is printed from helptext.py, Typer's own
help stored by the tests. Everything else (usage errors, `index`, narrow
terminals, unusual forms) goes to the Typer app in app.py, which declares
the same commands; the tests check COMMANDS against it, this parse against
Click's, and the stored help against Typer's. Shell completion of speaker
names is a lookup too, answered here with completion.py.
"""
import os
import re
import sys


class Command:
    """A lookup's arguments: positional parameter names in order, how many are required, and its options."""

    def __init__(self, positionals: tuple[str, ...], required: int, options: dict[str, tuple[str, str]],
                 words: bool = False):
        self.positionals = positionals
        self.required = required
        self.options = options  # spelling -> (parameter, kind: flag, text, count or number)
        self.words = words  # the last positional takes every remaining word, joined with spaces


_OUTPUT = {"--db": ("db", "text"), "--json": ("json_", "flag"), "--jsonl": ("jsonl", "flag"),
           "--nl": ("jsonl", "flag"), "--csv": ("csv_", "flag")}
_LOOKUP = _OUTPUT | {"--source": ("source", "text"), "--since": ("since", "text"), "--until": ("until", "text"),
                     "--limit": ("limit", "count"), "-n": ("limit", "count")}
COMMANDS = {
    "quote": Command(("speaker",), 0, _LOOKUP | {"--about": ("about", "text"), "--exact": ("exact", "flag")},
                     words=True),
    "figure": Command(("topic",), 0, _LOOKUP | {"--unit": ("unit", "text"), "--min": ("minimum", "number"),
                                                "--max": ("maximum", "number"), "--by": ("by", "text")}, words=True),
    "speakers": Command(("name",), 0, _LOOKUP, words=True),
    "search": Command(("text",), 1, _LOOKUP, words=True),
    "show": Command(("record_id",), 1, _OUTPUT),
    "sources": Command((), 0, _LOOKUP),
    "check": Command(("text",), 1, _LOOKUP | {"--by": ("by", "text"), "--min-score": ("min_score", "count")},
                     words=True),
    "compare": Command(("topic",), 0, _LOOKUP, words=True),
}
DB_VARIABLE = "FACTCLI_DB"  # what --db defaults to, as in app.py
COMPLETE_VARIABLE = "_FACTCLI_COMPLETE"  # set by the shell completion scripts (Click's name for factcli)
_COUNT = re.compile(r"[0-9]+")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def parse(argv: list[str], environ=os.environ) -> tuple[str, dict] | None:
    """(command, parameters) when argv is a plain lookup, else None: then Typer decides what it means."""
    if not argv or argv[0] not in COMMANDS:
        return None
    command = COMMANDS[argv[0]]
    read = read_arguments(command, argv[1:], environ)
    if read is None:
        return None
    params, positionals = read
    if len(positionals) < command.required:
        return None
    if command.words and len(positionals) >= len(command.positionals):
        last = len(command.positionals) - 1
        positionals = [*positionals[:last], " ".join(positionals[last:])]
    if len(positionals) > len(command.positionals):
        return None
    params.update(zip(command.positionals, positionals, strict=False))
    return argv[0], params


def read_arguments(command: Command, tokens: list[str], environ=os.environ) -> tuple[dict, list[str]] | None:
    """The options given (with --db from the environment) and the positional words, or None where Click decides.

    Also what name completion reads: an option left waiting for its value is None here too.
    """
    params: dict = {}
    positionals: list[str] = []
    rest = iter(tokens)
    for token in rest:
        if not token.startswith("-") or token == "-":
            positionals.append(token)
            continue
        spelling, attached = token, None
        if token.startswith("--") and "=" in token:
            spelling, attached = token.split("=", 1)
        elif not token.startswith("--") and len(token) > 2:
            spelling, attached = token[:2], token[2:]
        if spelling not in command.options:
            return None
        name, kind = command.options[spelling]
        if name in params:
            return None
        if kind == "flag":
            if attached is not None:
                return None
            params[name] = True
            continue
        value = attached if attached is not None else next(rest, None)
        if value is None or (attached is None and value.startswith("-")):
            return None
        params[name] = _convert(value, kind)
        if params[name] is None:
            return None
    if "db" not in params and environ.get(DB_VARIABLE):
        params["db"] = environ[DB_VARIABLE]
    return params, positionals


def _convert(value: str, kind: str):
    """The value as Click would convert it, or None where Click might see it otherwise."""
    if kind == "text":
        return value
    if kind == "count":
        return int(value) if _COUNT.fullmatch(value) else None
    return float(value) if _NUMBER.fullmatch(value) else None


# Parameters that take a speaker's name, in every command that has them (quote WORDS, figure --by, ...).
NAME_PARAMETERS = frozenset({"speaker", "name", "by"})


def name_wanted(args: list[str], incomplete: str, environ=os.environ) -> tuple[str | None, str] | None:
    """(--db if given, the name typed so far) when the word being completed is a speaker's name, else None.

    args are the words before it, without the program's name. Where this is unsure (an unknown option, `--`),
    None: Typer completes as Click would.
    """
    if not args or args[0] not in COMMANDS or incomplete.startswith("-") or "--" in args:
        return None
    command, rest = COMMANDS[args[0]], args[1:]
    if rest and rest[-1] in command.options:  # an option waiting for its value
        name, kind = command.options[rest[-1]]
        read = read_arguments(command, rest[:-1], environ)
        if name not in NAME_PARAMETERS or kind != "text" or read is None or name in read[0]:
            return None
        return read[0].get("db"), incomplete
    if not command.words or len(command.positionals) != 1 or command.positionals[0] not in NAME_PARAMETERS:
        return None
    read = read_arguments(command, rest, environ)
    if read is None:
        return None
    params, words = read
    return params.get("db"), " ".join([*words, incomplete])


HELP_OPTIONS = ("-h", "--help")
HELP_TOPICS = ("", "index", *COMMANDS)  # the program's help, and each command's
HELP_WIDTH = 80  # Click wraps help to the terminal, up to this many columns


def help_topic(argv: list[str], environ=os.environ) -> str | None:
    """Whose help argv asks for ("" for the program's, or a command), when Click would draw it full width."""
    if argv and argv[-1] not in HELP_OPTIONS or len(argv) > 2:
        return None
    topic = argv[0] if len(argv) == 2 else ""
    if topic not in HELP_TOPICS:
        return None
    return topic if _terminal_columns(environ) >= HELP_WIDTH else None


def _terminal_columns(environ) -> int:
    """The width shutil.get_terminal_size gives Click, without importing shutil."""
    try:
        columns = int(environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # shutil's fallback
    except (AttributeError, ValueError, OSError):
        return 80


def main() -> None:
    argv = sys.argv[1:]
    if os.environ.get(COMPLETE_VARIABLE):  # the shell asks for completions; argv is not a command line
        from factcli.cli import completion

        request = completion.shell_request(os.environ[COMPLETE_VARIABLE])
        wanted = request and name_wanted(*request[1:])
        if wanted:
            text, status = completion.name_reply(request[0], *wanted, request[2])
            sys.stdout.write(text)
            sys.exit(status)
        from factcli.cli.app import main as typer_main

        typer_main()
        return
    if argv == ["--version"]:
        from factcli import __version__

        sys.stdout.write(f"factcli {__version__}\n")
        sys.exit(0)
    topic = help_topic(argv)
    if topic is not None:
        from factcli.cli.helptext import HELP

        sys.stdout.write(HELP[topic])
        sys.exit(0)
    parsed = parse(argv)
    if parsed is None:
        from factcli.cli.app import main as typer_main

        typer_main()
        return
    from factcli.cli import commands

    name, params = parsed
    sys.exit(commands.run(getattr(commands, name), **params))
