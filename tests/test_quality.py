"""Extraction quality on the seeds and on the development key (70 articles of other outlets), scored by
the shared gold keys through the public CLI output, and `quote SURNAME` as a user asks it.

Floors only ever go up.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SHARED, invoke

SCORER = SHARED / "eval" / "score.py"

QUOTE_FLOORS = {
    ("quoted", "end_to_end", "f1"): 0.91,
    ("direct", "recall"): 0.97,
    ("quoted", "attribution_accuracy"): 0.93,
    ("indirect", "span", "f1"): 0.86,
    ("indirect", "end_to_end", "f1"): 0.765,
}
FIGURE_FLOORS = {
    ("span", "f1"): 0.92,
    ("unit_accuracy",): 0.90,
    ("qualifier_accuracy",): 0.95,
    ("claimed_by_accuracy",): 0.80,
    ("keyword_coverage",): 0.90,
    ("about_phrase_coverage",): 0.66,
}
DEV = SHARED / "gold" / "dev"
DEV_QUOTE_FLOORS = {
    ("quoted", "end_to_end", "f1"): 0.85,
    ("quoted", "attribution_accuracy"): 0.88,
    ("direct", "recall"): 0.97,
    ("indirect", "end_to_end", "f1"): 0.695,
}
DEV_FIGURE_FLOORS = {
    ("span", "f1"): 0.92,
    ("unit_accuracy",): 0.94,
    ("qualifier_accuracy",): 0.95,
    ("claimed_by_accuracy",): 0.81,
    ("about_phrase_coverage",): 0.62,
}
DEV_LOOKUP_F1_FLOOR = 0.80


def _score(db: Path, out: Path, gold: Path, texts: Path) -> dict:
    if not SCORER.is_file():
        pytest.skip(f"the gold key's scorer is not at {SCORER} (../shared is absent)")
    for command, name in (("quote", "q.json"), ("figure", "f.json")):
        result = invoke(command, "--json", "--limit", "0", db=db)
        assert result.exit_code == 0, result.stderr
        (out / name).write_text(result.stdout)
    run = subprocess.run(
        [sys.executable, str(SCORER), "--json", "--quotes", str(out / "q.json"), "--figures", str(out / "f.json"),
         "--seeds", str(texts), "--gold", str(gold)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def scores(seeds_db, tmp_path_factory) -> dict:
    return _score(seeds_db, tmp_path_factory.mktemp("score"), SHARED / "gold", SHARED / "seeds")


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory) -> dict:
    if not (DEV / "texts").is_dir():
        pytest.skip(f"the development key is not at {DEV} (../shared is absent)")
    out = tmp_path_factory.mktemp("dev")
    result = invoke("index", DEV / "texts", db=out / "dev.db")
    assert result.exit_code == 0, result.stderr
    return _score(out / "dev.db", out, DEV, DEV / "texts")


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


@pytest.mark.parametrize("path, floor", DEV_QUOTE_FLOORS.items(), ids=[".".join(p) for p in DEV_QUOTE_FLOORS])
def test_dev_quote_quality_floor(dev_scores, path, floor):
    assert _get(dev_scores["quotes"], path) >= floor


@pytest.mark.parametrize("path, floor", DEV_FIGURE_FLOORS.items(), ids=[".".join(p) for p in DEV_FIGURE_FLOORS])
def test_dev_figure_quality_floor(dev_scores, path, floor):
    assert _get(dev_scores["figures"], path) >= floor


def test_dev_quote_lookup_by_surname_floor():
    """`factcli quote SURNAME` for every speaker quoted three or more times in the dev key, scored by the
    shared lookup.py through the installed program, as a user runs it."""
    lookup = SHARED / "eval" / "lookup.py"
    program = Path(sys.executable).with_name("factcli")
    if not lookup.is_file() or not program.is_file():
        pytest.skip("needs ../shared/eval/lookup.py and the installed factcli program")
    run = subprocess.run([sys.executable, str(lookup), "--fc", str(program), "--corpus", str(DEV / "texts"),
                          "--gold", str(DEV)], capture_output=True, text=True, check=True)
    macro = re.search(r"macro P=([\d.]+) R=([\d.]+) F1=([\d.]+)", run.stdout.strip().splitlines()[-1])
    assert macro, run.stdout
    assert float(macro.group(3)) >= DEV_LOOKUP_F1_FLOOR
