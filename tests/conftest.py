"""Shared fixtures: an isolated environment and a seeds index built through the CLI."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcli.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    """No test reads the user's real database or environment."""
    monkeypatch.delenv("FACTCLI_DB", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(*args: str, db: Path | None = None, input: str | None = None):
    """Run factcli in-process; --db is appended when given."""
    argv = [str(a) for a in args]
    if db is not None:
        argv += ["--db", str(db)]
    return CliRunner().invoke(app, argv, input=input)


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    """The bundled corpus, indexed once for the whole session."""
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    result = invoke("index", CORPUS, db=db)
    assert result.exit_code == 0, result.stderr
    return db
