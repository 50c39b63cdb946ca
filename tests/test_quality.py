"""Extraction quality on the seeds, scored by the shared gold key through the public CLI output.

Floors only ever go up.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import SHARED, invoke

SCORER = SHARED / "eval" / "score.py"

QUOTE_FLOORS = {
    ("quoted", "end_to_end", "f1"): 0.905,
    ("direct", "recall"): 0.97,
    ("quoted", "attribution_accuracy"): 0.93,
    ("indirect", "span", "f1"): 0.84,
    ("indirect", "end_to_end", "f1"): 0.73,
}
FIGURE_FLOORS = {
    ("span", "f1"): 0.92,
    ("unit_accuracy",): 0.90,
    ("qualifier_accuracy",): 0.95,
    ("claimed_by_accuracy",): 0.80,
    ("keyword_coverage",): 0.90,
    ("about_coverage",): 0.70,
}


@pytest.fixture(scope="module")
def scores(seeds_db, tmp_path_factory) -> dict:
    if not SCORER.is_file():
        pytest.skip(f"the gold key's scorer is not at {SCORER} (../shared is absent)")
    out = tmp_path_factory.mktemp("score")
    for command, name in (("quote", "q.json"), ("figure", "f.json")):
        result = invoke(command, "--json", "--limit", "0", db=seeds_db)
        assert result.exit_code == 0, result.stderr
        (out / name).write_text(result.stdout)
    run = subprocess.run(
        [sys.executable, str(SCORER), "--json", "--quotes", str(out / "q.json"), "--figures", str(out / "f.json"),
         "--seeds", str(SHARED / "seeds"), "--gold", str(SHARED / "gold")],
        capture_output=True, text=True, check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def _get(block: dict, path: tuple) -> float:
    for key in path:
        block = block[key]
    return block


@pytest.mark.parametrize("path, floor", QUOTE_FLOORS.items(), ids=[".".join(p) for p in QUOTE_FLOORS])
def test_quote_quality_floor(scores, path, floor):
    assert _get(scores["quotes"], path) >= floor


@pytest.mark.parametrize("path, floor", FIGURE_FLOORS.items(), ids=[".".join(p) for p in FIGURE_FLOORS])
def test_figure_quality_floor(scores, path, floor):
    assert _get(scores["figures"], path) >= floor
