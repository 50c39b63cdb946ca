"""Bare words: `factcli search arrest warrant` is `factcli search "arrest warrant"`, launched or through Typer."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from factcli.cli import launcher

from .conftest import invoke

BARE_AND_QUOTED = [
    (["quote", "John", "Kirby"], ["quote", "John Kirby"]),
    (["quote", "Mr", "Putin"], ["quote", "Mr Putin"]),
    (["quote", "--about", "war crimes", "John", "Kirby"], ["quote", "John Kirby", "--about", "war crimes"]),
    (["figure", "icc", "members"], ["figure", "icc members"]),
    (["figure", "grain", "--unit", "ton", "deal"], ["figure", "grain deal", "--unit", "ton"]),
    (["speakers", "vladimir", "putin"], ["speakers", "vladimir putin"]),
    (["search", "arrest", "warrant"], ["search", "arrest warrant"]),
]


def launched(argv: list[str], db) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factcli", *argv, "--db", str(db)], capture_output=True, text=True)


@pytest.mark.parametrize(("bare", "quoted"), BARE_AND_QUOTED, ids=lambda argv: " ".join(argv))
def test_bare_words_are_one_query_on_both_paths(seeds_db, bare, quoted):
    expected = invoke(*quoted, "--json", db=seeds_db)
    assert expected.exit_code == 0 and json.loads(expected.stdout)
    through_typer = invoke(*bare, "--json", db=seeds_db)
    assert (through_typer.exit_code, through_typer.stdout) == (0, expected.stdout)
    assert launcher.parse([*bare, "--json"], {}) is not None  # the launcher runs it itself
    run = launched([*bare, "--json"], seeds_db)
    assert (run.returncode, run.stdout, run.stderr) == (0, expected.stdout, expected.stderr)


@pytest.mark.parametrize(("command", "usage"), [("quote", "[WORDS]..."), ("figure", "[WORDS]..."),
                                                ("speakers", "[WORDS]..."), ("search", "{WORDS...}")])
def test_help_shows_words(command, usage):
    shown = subprocess.run([sys.executable, "-m", "factcli", command, "--help"], capture_output=True, text=True,
                           env={**os.environ, "COLUMNS": "80"})
    assert shown.stdout.startswith(f"Usage: factcli {command} [OPTIONS] {usage}\n")


def test_search_still_needs_a_word(seeds_db):
    result = invoke("search", db=seeds_db)
    assert result.exit_code == 2 and result.stderr.startswith("factcli: error: Missing argument 'WORDS...'")


def test_show_takes_one_id_only(seeds_db):
    result = invoke("show", "q1", "q2", db=seeds_db)
    assert result.exit_code == 2 and "unexpected extra argument" in result.stderr
