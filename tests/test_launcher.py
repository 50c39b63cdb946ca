"""The launcher runs plain lookups without Typer; whatever it accepts must mean what Typer means."""
from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from typer import _click

from factcli.cli import commands, launcher
from factcli.cli.app import app

from .conftest import invoke

GROUP = typer.main.get_command(app)
HELP = {"-h", "--help"}


def typer_parse(argv: list[str], environ: dict[str, str]) -> dict | None:
    """Every parameter as Typer's Click parses argv, or None where it stops (a usage error, --help)."""
    name, *rest = argv
    with mock.patch.dict(os.environ, environ):
        if launcher.DB_VARIABLE not in environ:
            os.environ.pop(launcher.DB_VARIABLE, None)
        try:
            params = GROUP.commands[name].make_context(name, list(rest)).params
        except (_click.exceptions.ClickException, _click.exceptions.Exit):
            return None
    for param in GROUP.commands[name].params:
        if param.nargs == -1:  # bare words, as app.py joins them
            params[param.name] = " ".join(params[param.name]) if params[param.name] else None
    return params


def defaults(name: str) -> dict:
    signature = inspect.signature(getattr(commands, name))
    return {p.name: p.default for p in signature.parameters.values() if p.default is not inspect.Parameter.empty}


def kind_of(param) -> str:
    if param.is_flag:
        return "flag"
    if isinstance(param.type, _click.types.IntRange) and param.type.min == 0:
        return "count"
    if isinstance(param.type, _click.types.FloatParamType):
        return "number"
    assert isinstance(param.type, _click.types.StringParamType), param
    return "text"


def test_every_lookup_is_launched_directly():
    assert set(launcher.COMMANDS) == set(GROUP.commands) - {"index"}


@pytest.mark.parametrize("name", sorted(launcher.COMMANDS))
def test_commands_declare_what_typer_declares(name):
    declared = GROUP.commands[name].params
    spec = launcher.COMMANDS[name]
    arguments = [p for p in declared if p.param_type_name == "argument"]
    assert spec.positionals == tuple(p.name for p in arguments)
    assert spec.required == sum(p.required for p in arguments)
    assert spec.words == (bool(arguments) and arguments[-1].nargs == -1)
    assert all(p.nargs == 1 for p in arguments[:-1])
    options = {}
    for param in declared:
        if param.param_type_name == "option":
            for spelling in [*param.opts, *param.secondary_opts]:
                if spelling not in HELP:
                    options[spelling] = (param.name, kind_of(param))
            if param.envvar:
                assert (param.name, param.envvar) == ("db", launcher.DB_VARIABLE)
    assert spec.options == options


@pytest.mark.parametrize("name", sorted(GROUP.commands))
def test_cli_passes_every_parameter_in_order_with_the_same_defaults(name):
    """app.py calls commands.NAME positionally: names, order and defaults must agree."""
    declared = [p for p in GROUP.commands[name].params if p.name != "help"]
    assert [p.name for p in declared] == list(inspect.signature(getattr(commands, name)).parameters)
    expected = defaults(name)
    for param in declared:
        if not param.required:
            assert param.default == expected[param.name], param.name


@pytest.mark.parametrize(
    ("argv", "params"),
    [
        (["quote", "Kirby", "--json"], {"speaker": "Kirby", "json_": True}),
        (["quote", "--about", "grain deal", "John Kirby", "-n", "5"],
         {"speaker": "John Kirby", "about": "grain deal", "limit": 5}),
        (["figure", "grain", "--min=1000", "--max", "2.5", "--unit", "ton", "--nl"],
         {"topic": "grain", "minimum": 1000.0, "maximum": 2.5, "unit": "ton", "jsonl": True}),
        (["search", "Black Sea", "--limit=0", "--csv", "--db", "x.db"],
         {"text": "Black Sea", "limit": 0, "csv_": True, "db": "x.db"}),
        (["speakers", "-n3", "--source", "bbc", "--since", "2023"], {"limit": 3, "source": "bbc", "since": "2023"}),
        (["show", "q12"], {"record_id": "q12"}),
        (["sources", "--until", "2024-05"], {"until": "2024-05"}),
        (["quote", "--about=", "-"], {"about": "", "speaker": "-"}),
        (["quote", "Mr", "Putin"], {"speaker": "Mr Putin"}),
        (["figure", "icc", "--unit", "country", "members"], {"topic": "icc members", "unit": "country"}),
        (["speakers", "vladimir", "putin", "-n1"], {"name": "vladimir putin", "limit": 1}),
        (["search", "arrest", "warrant", "--json"], {"text": "arrest warrant", "json_": True}),
        (["search", "", "x"], {"text": " x"}),
    ],
)
def test_plain_lookups_are_parsed_here(argv, params):
    assert launcher.parse(argv, {}) == (argv[0], params)
    assert typer_parse(argv, {}) == defaults(argv[0]) | params


@pytest.mark.parametrize(
    "argv",
    [[], ["--help"], ["index"], ["quote", "--help"], ["quote", "-h"], ["quote", "--bogus"], ["show", "a", "b"],
     ["search"], ["figure", "--min", "lots"], ["figure", "--min", "1e3"], ["quote", "--limit", "-1"],
     ["quote", "--json", "--json"], ["quote", "--json=yes"], ["quote", "--about"], ["quote", "--about", "--json"],
     ["quote", "--", "-x"], ["nosuchcommand"], ["--version", "quote"]],
)
def test_everything_else_is_left_to_typer(argv):
    assert launcher.parse(argv, {}) is None


def test_factcli_db_from_the_environment_unless_db_is_given():
    assert launcher.parse(["sources"], {"FACTCLI_DB": "env.db"}) == ("sources", {"db": "env.db"})
    assert launcher.parse(["sources", "--db", "x.db"], {"FACTCLI_DB": "env.db"}) == ("sources", {"db": "x.db"})
    assert launcher.parse(["sources"], {"FACTCLI_DB": ""}) == ("sources", {})


SPELLINGS = sorted({s for c in launcher.COMMANDS.values() for s in c.options} | HELP)
ODD = ["--", "-", "-x", "--bogus", "-n5", "-n=5", "--limit=3", "--limit=", "--json=1", "--about=a b", "--min=-2"]
VALUES = ["Kirby", "grain", "5", "0", "007", "-3", "1.5", "-2.5", "1e3", "inf", "", " ", "é", "a=b", "q1", "x.db"]
VALUE = st.sampled_from(VALUES) | st.text(max_size=4)
ENVIRONMENTS = st.sampled_from([{}, {"FACTCLI_DB": "env.db"}, {"FACTCLI_DB": ""}])


@st.composite
def arguments(draw, name: str) -> list[str]:
    """Mostly well-formed pieces (an option and its value, a flag, a word), with odd tokens among them."""
    options = launcher.COMMANDS[name].options
    argv = []
    for _ in range(draw(st.integers(0, 5))):
        spelling = draw(st.sampled_from(sorted(options)))
        piece = draw(st.sampled_from(["option"] * 4 + ["joined"] * 2 + ["word", "odd"]))
        if piece == "word":
            argv.append(draw(VALUE))
        elif piece == "odd":
            argv.append(draw(st.sampled_from(SPELLINGS + ODD)))
        elif options[spelling][1] == "flag":
            argv.append(spelling)
        elif piece == "joined":
            argv.append(f"{spelling}={draw(VALUE)}" if spelling.startswith("--") else spelling + draw(VALUE))
        else:
            argv += [spelling, draw(VALUE)]
    return argv


@settings(max_examples=800, deadline=None)
@given(st.sampled_from(sorted(launcher.COMMANDS)).flatmap(lambda name: st.tuples(st.just(name), arguments(name))),
       ENVIRONMENTS)
def test_what_the_launcher_accepts_typer_reads_the_same_way(command, environ):
    name, rest = command
    argv = [name, *rest]
    parsed = launcher.parse(argv, environ)
    if parsed is None:
        return
    assert parsed[0] == name
    assert typer_parse(argv, environ) == defaults(name) | parsed[1], argv


LOOKUPS = [
    ["quote", "Kirby", "--json"], ["quote", "kirbi", "--jsonl", "-n", "2"], ["quote", "--about", "grain", "--csv"],
    ["quote", "Nobody Atall", "--json"], ["quote", "Kirby", "--exact", "--json"], ["figure", "grain"],
    ["figure", "--min", "1000000", "--unit", "ton", "--json"], ["figure", "--by", "Kirby", "--json"],
    ["speakers", "--json", "-n", "3"], ["speakers", "Putin"], ["search", "Black Sea", "--nl"],
    ["search", "zzzzqqq", "--json"], ["show", "q1", "--json"], ["show", "q999999", "--json"], ["show", "f1"],
    ["sources", "--csv"], ["sources", "--since", "2023-13"], ["quote", "--json", "--csv"],
    ["check", "very,", "very", "unlikely", "--json"], ["check", "very", "unlikely", "--by", "Putin", "--jsonl"],
    ["check", "green", "cheese", "--min-score", "101"], ["compare", "grain", "--csv"], ["compare", "-n", "0"],
]


@pytest.mark.parametrize("argv", LOOKUPS, ids=" ".join)
def test_a_launched_lookup_prints_what_typer_prints(argv, seeds_db):
    env = {**os.environ, "FACTCLI_DB": str(seeds_db)}
    launched = subprocess.run([sys.executable, "-m", "factcli", *argv], env=env, capture_output=True, text=True)
    assert launcher.parse(argv, env) is not None
    through_typer = invoke(*argv, db=seeds_db)
    assert (launched.returncode, launched.stdout, launched.stderr) == (
        through_typer.exit_code, through_typer.stdout, through_typer.stderr)


def test_a_folder_for_db_is_one_line_and_exit_2(tmp_path):
    launched = subprocess.run([sys.executable, "-m", "factcli", "quote", "--db", str(tmp_path)],
                              capture_output=True, text=True)
    assert launched.returncode == 2
    assert launched.stderr == f"factcli: error: --db {tmp_path} is a folder; name the index file in it " \
                              f"(say {tmp_path / 'factcli.db'})\n"
    assert invoke("index", "--db", str(tmp_path)).exit_code == 2


HELPTEXT = Path(launcher.__file__).with_name("helptext.py")


def through_typer(*argv: str, columns: int = 100) -> subprocess.CompletedProcess:
    """The program as it runs with Typer only (CliRunner would draw help at a width of its own)."""
    return subprocess.run([sys.executable, "-c", "from factcli.cli.app import main; main()", *argv],
                          capture_output=True, text=True, env={**os.environ, "COLUMNS": str(columns)})


def typer_help() -> dict[str, str]:
    """Typer's help for the program and each command, at full width."""
    topics = {}
    for topic in ["", *GROUP.commands]:
        result = through_typer(*([topic] if topic else []), "--help")
        assert result.returncode == 0
        topics[topic] = result.stdout
    return topics


def helptext_module(topics: dict[str, str]) -> str:
    lines = ['"""Typer\'s help, as Click draws it 80 columns wide: the launcher prints it without loading Typer.',
             "", "Written by the tests: FACTCLI_WRITE_HELP=1 pytest tests/test_launcher.py", '"""', "",
             "HELP = {"]
    for topic, text in topics.items():
        lines.append(f"    {topic!r}: (")
        lines += [f"        {line!r}" for line in text.splitlines(keepends=True)]
        lines.append("    ),")
    return "\n".join([*lines, "}", ""])


def test_stored_help_is_typers():
    topics = typer_help()
    assert set(topics) == set(launcher.HELP_TOPICS)
    expected = helptext_module(topics)
    if os.environ.get("FACTCLI_WRITE_HELP"):
        HELPTEXT.write_text(expected)
    assert HELPTEXT.read_text() == expected, "to store the new help: FACTCLI_WRITE_HELP=1 pytest tests/test_launcher.py"


@pytest.mark.parametrize(("argv", "environ", "topic"), [
    ([], {}, ""), (["--help"], {}, ""), (["-h"], {"COLUMNS": "120"}, ""), (["quote", "--help"], {}, "quote"),
    (["index", "-h"], {}, "index"), (["--help"], {"COLUMNS": "79"}, None), (["quote", "x", "--help"], {}, None),
    (["nosuchcommand", "--help"], {}, None), (["--version"], {}, None), (["--help", "--help"], {}, None),
])
def test_help_is_printed_here_only_at_full_width(argv, environ, topic):
    assert launcher.help_topic(argv, environ) == topic


@pytest.mark.parametrize("argv", [[], ["--help"], ["search", "-h"], ["index", "--help"]])
def test_launched_help_is_typers(argv):
    launched = subprocess.run([sys.executable, "-m", "factcli", *argv], capture_output=True, text=True,
                              env={**os.environ, "COLUMNS": "100"})
    typer_run = through_typer(*argv)
    assert (launched.returncode, launched.stdout) == (typer_run.returncode, typer_run.stdout)
    assert launched.returncode == 0 and launched.stdout.startswith("Usage: factcli")
