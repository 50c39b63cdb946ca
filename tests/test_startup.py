"""Start-up stays light: a JSON lookup imports neither Typer, rich, sqlite_utils, pydantic nor rapidfuzz."""
from __future__ import annotations

import json
import subprocess
import sys

from .conftest import invoke

PROBE = """
import sys
from factcli.cli.launcher import main
try:
    main()
except SystemExit:
    pass
heavy = {'typer', 'rich', 'sqlite_utils', 'pydantic', 'rapidfuzz', 'dataclasses', 'pathlib'}
heavy = sorted({name.split('.')[0] for name in sys.modules} & heavy)
print(heavy, file=sys.stderr)
"""


def heavy_modules(*argv: str) -> list[str]:
    run = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True)
    return json.loads(run.stderr.strip().splitlines()[-1].replace("'", '"'))


def test_json_lookups_import_nothing_heavy(seeds_db):
    assert invoke("speakers", db=seeds_db).exit_code == 0
    for argv in (["quote", "John Kirby", "--json"], ["figure", "grain", "--json"], ["search", "grain", "--json"],
                 ["speakers", "--json"], ["sources", "--json"], ["quote", "Kirby", "--json"],
                 ["quote", "kirby john", "--json"]):  # words of a name in another order need no fuzzy matching
        assert heavy_modules(*argv, "--db", str(seeds_db)) == [], argv


def test_help_and_version_import_nothing_heavy():
    assert heavy_modules("--help") == []
    assert heavy_modules("--version") == []


def test_fuzzy_lookup_loads_rapidfuzz_only_when_needed(seeds_db):
    assert heavy_modules("quote", "kirbi", "--json", "--db", str(seeds_db)) == ["rapidfuzz"]
