"""Speaker-name completion for bash, zsh and fish, answered without loading Typer.

The scripts that `factcli --show-completion` prints (Typer's) run factcli with _FACTCLI_COMPLETE set
to complete_bash, complete_zsh or complete_fish; bash passes the words in COMP_WORDS and COMP_CWORD,
zsh and fish the command line so far in _TYPER_COMPLETE_ARGS (fish asks twice:
_TYPER_COMPLETE_FISH_ACTION is-args, then get-args). When the word under the cursor is a speaker
name (the words of `quote` and `speakers`, the value of `--by`: launcher.name_wanted decides), the
reply is read here from the index and written as Typer's completion classes write it, because a
completion is a lookup and importing Typer costs more than the lookup. Anything else (commands,
options) is Typer's to complete. A completion never builds the default index.
"""
from __future__ import annotations

import os
import re

SHELLS = {"complete_bash": "bash", "complete_zsh": "zsh", "complete_fish": "fish"}
# What bash would read as more than a word's own letters; escaped in what it inserts.
_BASH_SPECIAL = re.compile(r"([^\w@%+=:,./-])")


def shell_request(instruction: str, environ=os.environ) -> tuple[str, list[str], str] | None:
    """(shell, the words before the one being completed, that word so far), for the shells served here."""
    shell = SHELLS.get(instruction)
    if shell is None:
        return None
    return shell, *_completion_args(shell, environ)


def name_reply(shell: str, db: str | None, typed: str, incomplete: str, environ=os.environ) -> tuple[str, int]:
    """(what to print, exit status): the names that start with `typed`, each completing the word `incomplete`."""
    values = [(incomplete + name.label[len(typed):], _description(name)) for name in _names(db, typed)]
    return _formatted(shell, values, environ)


def _completion_args(shell: str, environ) -> tuple[list[str], str]:
    """The words before the one being completed (without the program's name), and that word so far."""
    if shell == "bash":
        words = split_arg_string(environ.get("COMP_WORDS", ""))
        try:
            cword = int(environ.get("COMP_CWORD", ""))
        except ValueError:
            cword = len(words)
        return words[1:cword], words[cword] if cword < len(words) else ""
    line = environ.get("_TYPER_COMPLETE_ARGS", "")
    words = split_arg_string(line)[1:]
    if words and not line.endswith(" "):
        return words[:-1], words[-1]
    return words, ""


def split_arg_string(string: str) -> list[str]:
    """Words as the shell would split them; an unclosed quote or escape keeps its partial word (as Click does)."""
    import shlex

    lexer = shlex.shlex(string, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    words = []
    try:
        for word in lexer:
            words.append(word)
    except ValueError:
        words.append(lexer.token)
    return words


def _names(db: str | None, typed: str) -> list:
    """The index's names that start with `typed`; none when there is no usable index (completion never builds one)."""
    import sqlite3

    from factcli.index.database import DatabaseError, connect, default_path
    from factcli.lookup.names import names_starting

    path = db or default_path()
    if not os.path.isfile(path):
        return []
    try:
        conn = connect(path)
        try:
            return names_starting(conn, typed)
        finally:
            conn.close()
    except (DatabaseError, sqlite3.Error):
        return []


def _description(name) -> str:
    quotes = f"{name.quotes} quote{'' if name.quotes == 1 else 's'}"
    return quotes if name.label == name.speaker else f"{name.speaker}, {quotes}"


def _formatted(shell: str, values: list[tuple[str, str]], environ) -> tuple[str, int]:
    """The reply as Typer's completion classes write it for each shell, and the exit status."""
    if shell == "bash":
        return "".join(_BASH_SPECIAL.sub(r"\\\1", value) + "\n" for value, _ in values) or "\n", 0
    if shell == "zsh":
        if not values:
            return "_files\n", 0
        items = "\n".join(f'"{_zsh_escape(value)}":"{_zsh_escape(help_)}"' for value, help_ in values)
        return f"_arguments '*: :(({items}))'\n", 0
    action = environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
    if action == "is-args":  # fish asks whether to offer these instead of files
        return "", 0 if values else 1
    if action == "get-args" and values:
        return "".join(f"{value}\t{help_}\n" for value, help_ in values), 0
    return "\n", 0


def _zsh_escape(text: str) -> str:
    return (text.replace('"', '""').replace("'", "''").replace("$", "\\$").replace("`", "\\`")
            .replace(":", r"\\:"))
