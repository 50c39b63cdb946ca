"""Shell completion: Typer's scripts for bash, zsh and fish, and speaker names read from the index by the launcher."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from factcli.cli import launcher
from factcli.lookup.names import names_starting

from .conftest import invoke

CLUB = """Club news

Coach Mia Berg said: "We need three more players." Berg added: "The season starts soon."

Mark Bergson, the club's treasurer, said: "The accounts are in order."

Ana Lopes said: "I am staying." Lopes added: "Really, I am."

Berg said: "Training starts on Monday."
"""


@pytest.fixture(scope="module")
def club_db(tmp_path_factory) -> Path:
    """Mia Berg quoted three times, Ana Lopes twice, Mark Bergson once."""
    folder = tmp_path_factory.mktemp("club")
    (folder / "club.txt").write_text(CLUB)
    db = folder / "club.db"
    assert invoke("index", folder / "club.txt", db=db).exit_code == 0
    return db


def complete(environ: dict[str, str], db: Path | None = None) -> subprocess.CompletedProcess:
    """factcli as a completion script runs it: no arguments, the request in the environment."""
    env = {**os.environ, **environ}
    if db is not None:
        env["FACTCLI_DB"] = str(db)
    return subprocess.run([sys.executable, "-m", "factcli"], env=env, capture_output=True, text=True)


def bash(words: str, cword: int | None = None, db: Path | None = None) -> subprocess.CompletedProcess:
    cword = len(words.split(" ")) - 1 if cword is None else cword
    return complete({"_FACTCLI_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}, db)


@pytest.mark.parametrize(("words", "reply"), [
    ("factcli quote Ber", "Berg\n"),
    ("factcli quote M", "Mia\\ Berg\nMark\\ Bergson\n"),  # the most quoted first; bash inserts them escaped
    ("factcli quote mia ", "Berg\n"),  # the words typed so far are part of the name
    ("factcli quote -n 2 --json Mia B", "Berg\n"),
    ("factcli speakers lo", "lopes\n"),  # completes the word as typed
    ("factcli figure --by A", "Ana\\ Lopes\n"),
    ("factcli figure grain --by Ber", "Berg\n"),
    ("factcli quote Zed", "\n"),  # nothing: bash falls back to file names
])
def test_bash_gets_speaker_names_ranked_by_quotes(club_db, words, reply):
    result = bash(words, db=club_db)
    assert (result.returncode, result.stdout, result.stderr) == (0, reply, "")


def test_zsh_and_fish_get_names_with_who_and_how_often(club_db):
    zsh = complete({"_FACTCLI_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "factcli quote M"}, club_db)
    assert zsh.stdout == """_arguments '*: :(("Mia Berg":"3 quotes"\n"Mark Bergson":"1 quote"))'\n"""
    fish = {"_FACTCLI_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": "factcli figure --by Ber"}
    listed = complete({**fish, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}, club_db)
    assert listed.stdout == "Berg\tMia Berg, 3 quotes\n"
    assert complete({**fish, "_TYPER_COMPLETE_FISH_ACTION": "is-args"}, club_db).returncode == 0
    nobody = {**fish, "_TYPER_COMPLETE_ARGS": "factcli quote Zed", "_TYPER_COMPLETE_FISH_ACTION": "is-args"}
    assert complete(nobody, club_db).returncode == 1  # fish then offers files
    empty_zsh = complete({"_FACTCLI_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "factcli quote Zed"}, club_db)
    assert empty_zsh.stdout == "_files\n"


def test_names_come_from_the_db_named_on_the_line(club_db, tmp_path):
    named = bash(f"factcli quote --db {club_db} Ber", db=tmp_path / "elsewhere.db")
    assert named.stdout == "Berg\n"
    missing = bash("factcli quote Ber", db=tmp_path / "missing.db")
    assert (missing.returncode, missing.stdout, missing.stderr) == (0, "\n", "")


def test_completion_never_builds_the_default_index(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path), "FACTCLI_DB": ""}
    result = complete({**env, "_FACTCLI_COMPLETE": "complete_bash", "COMP_WORDS": "factcli quote K", "COMP_CWORD": "2"})
    assert (result.returncode, result.stdout, result.stderr) == (0, "\n", "")
    assert not (tmp_path / "factcli").exists()


@pytest.mark.parametrize(("words", "reply"), [
    ("factcli qu", "quote\n"),
    ("factcli quote --ab", "--about\n"),
    ("factcli figure --by=", ""),  # an unusual form: Click's reading, no names
])
def test_commands_and_options_are_completed_by_typer(club_db, words, reply):
    result = bash(words, db=club_db)
    assert result.returncode == 0
    assert result.stdout.strip("\n") == reply.strip("\n")


PROBE = """
import sys
from factcli.cli.launcher import main
try:
    main()
except SystemExit:
    pass
print(sorted({name.split('.')[0] for name in sys.modules} & {'typer', 'rich', 'rapidfuzz', 'sqlite_utils'}),
      file=sys.stderr)
"""


def test_a_name_is_completed_without_loading_typer(club_db):
    env = {**os.environ, "FACTCLI_DB": str(club_db), "_FACTCLI_COMPLETE": "complete_bash",
           "COMP_WORDS": "factcli quote Ber", "COMP_CWORD": "2"}
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True)
    assert (result.stdout, result.stderr) == ("Berg\n", "[]\n")


@pytest.mark.parametrize(("args", "incomplete", "wanted"), [
    (["quote"], "Ki", (None, "Ki")),
    (["quote", "John"], "Ki", (None, "John Ki")),
    (["quote", "--db", "x.db", "--exact", "John"], "", ("x.db", "John ")),
    (["speakers", "-n3"], "pu", (None, "pu")),
    (["figure", "--by"], "Kr", (None, "Kr")),
    (["figure", "grain", "--db=x.db", "--by"], "", ("x.db", "")),
    (["figure", "grain"], "Kr", None),  # a topic, not a name
    (["figure", "--by", "X", "--by"], "", None),  # given twice: Click's error, not a name
    (["figure", "--unit"], "t", None),
    (["quote"], "--a", None),
    (["quote"], "-", None),
    (["quote", "--about"], "x", None),
    (["quote", "--", "x"], "y", None),
    (["quote", "--bogus"], "x", None),
    (["search"], "x", None),
    (["show"], "q", None),
    ([], "qu", None),
    (["nosuchcommand"], "x", None),
])
def test_which_words_are_speaker_names(args, incomplete, wanted):
    assert launcher.name_wanted(args, incomplete, {}) == wanted


def test_factcli_db_from_the_environment_names_the_index():
    assert launcher.name_wanted(["quote"], "K", {"FACTCLI_DB": "env.db"}) == ("env.db", "K")


def names_db(tmp_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(tmp_path / "names.db")
    conn.executescript("""
        CREATE TABLE speakers (id INTEGER PRIMARY KEY, name TEXT, quotes INTEGER, figures INTEGER);
        CREATE TABLE aliases (speaker_id INTEGER, alias TEXT);
        INSERT INTO speakers VALUES (1, 'John Kirby', 12, 0), (2, 'Kremlin', 14, 1), (3, 'Kirill 100%_Sure', 1, 0),
                                    (4, 'Élodie Kir', 2, 0), (5, 'The Guardian', 1, 0);
        INSERT INTO aliases VALUES (1, 'Kirby'), (1, 'kirby'), (1, 'John Kirby'), (2, 'the Kremlin'), (2, ''),
                                   (1, 'National Security Council Coordinator John Kirby'), (1, 'Admiral John Kirby'),
                                   (2, 'The Kremlin'), (4, 'élodie'), (5, 'The Guardian');
    """)
    return conn


@pytest.mark.parametrize(("typed", "labels"), [
    ("k", ["Kremlin", "Kirby", "Kirill 100%_Sure"]),  # most quoted first, each name once
    ("john k", ["John Kirby"]),
    ("nat", []),  # a title and a name is a description, not what a person types
    ("adm", ["Admiral John Kirby"]),
    ("the", ["The Guardian"]),  # "the Kremlin" describes; a canonical name is kept
    ("kirill 100%", ["Kirill 100%_Sure"]),  # % and _ are letters here
    ("kirill 1000", []),
    ("%", []),
    ("ÉLO", ["Élodie Kir", "élodie"]),  # case folded beyond ASCII
    ("", ["Kremlin", "John Kirby", "Admiral John Kirby", "Kirby", "Élodie Kir", "élodie", "Kirill 100%_Sure",
          "The Guardian"]),
])
def test_names_starting(tmp_path, typed, labels):
    assert [name.label for name in names_starting(names_db(tmp_path), typed)] == labels


def test_names_are_capped(tmp_path):
    assert len(names_starting(names_db(tmp_path), "", limit=2)) == 2


SHELL_SCRIPTS = {
    "bash": "complete -o default -F _factcli_completion factcli",
    "zsh": "compdef _factcli_completion factcli",
    "fish": "complete --command factcli --no-files",
}


@pytest.mark.parametrize("shell", sorted(SHELL_SCRIPTS))
def test_show_completion_prints_each_shells_script(shell):
    env = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    shown = subprocess.run([sys.executable, "-m", "factcli", "--show-completion", shell], env=env,
                           capture_output=True, text=True)
    assert shown.returncode == 0 and SHELL_SCRIPTS[shell] in shown.stdout
    assert "_FACTCLI_COMPLETE=complete_" in shown.stdout
    sourced = complete({"_FACTCLI_COMPLETE": f"source_{shell}"})
    assert sourced.stdout.strip() == shown.stdout.strip()


@pytest.mark.parametrize(("shell", "written"), [("bash", ".bash_completions/factcli.sh"), ("zsh", ".zfunc/_factcli"),
                                                ("fish", ".config/fish/completions/factcli.fish")])
def test_install_completion_writes_the_script_for_each_shell(tmp_path, shell, written):
    env = {**os.environ, "HOME": str(tmp_path), "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    result = subprocess.run([sys.executable, "-m", "factcli", "--install-completion", shell], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert SHELL_SCRIPTS[shell] in (tmp_path / written).read_text()


def test_show_completion_finds_the_shell_it_runs_in():
    result = subprocess.run(["bash", "-c", f"'{sys.executable}' -m factcli --show-completion"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and SHELL_SCRIPTS["bash"] in result.stdout


def test_bash_completes_a_name_through_the_installed_script(club_db, tmp_path):
    """The script Typer prints, sourced in bash, with factcli on PATH, as a user's shell does it."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "factcli").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m factcli "$@"\n')
    (bin_dir / "factcli").chmod(0o755)
    script = """
        source <(_FACTCLI_COMPLETE=source_bash factcli)
        COMP_WORDS=(factcli quote M); COMP_CWORD=2; _factcli_completion factcli; printf '[%s]' "${COMPREPLY[@]}"
        COMP_WORDS=(factcli sp); COMP_CWORD=1; _factcli_completion factcli; printf '[%s]' "${COMPREPLY[@]}"
    """
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "FACTCLI_DB": str(club_db)}
    result = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True)
    assert result.stdout == "[Mia\\ Berg][Mark\\ Bergson][speakers]"
