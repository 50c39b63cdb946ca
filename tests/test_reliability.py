"""Hostile input, interrupted runs, concurrent use, pipes and signals."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcli.extract.figures import extract_figures
from factcli.extract.quotes import extract_quotes
from factcli.lookup import query
from factcli.lookup.match import match_speakers

from .conftest import ROOT, invoke

FACTCLI = [sys.executable, "-m", "factcli"]
ARTICLES = 800  # enough that an index run can be interrupted midway
ARTICLE = (
    'Port official Maria Santos said on Monday that {n} ships had left. "We expect {m} more by Friday," she said.\n\n'
    "The agency said exports rose 12% to $4.5bn in the year to March, according to officials.\n\n"
)


def write_articles(folder, count: int, paragraphs: int = 10) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        body = "".join(ARTICLE.format(n=i + k, m=k + 3) for k in range(paragraphs))
        (folder / f"article{i:05d}.txt").write_text(f"Story {i}\n\n{body}")


def env_for(db) -> dict:
    return {**os.environ, "FACTCLI_DB": str(db), "PYTHONPATH": str(ROOT)}


def count_documents(db) -> int:
    try:
        with sqlite3.connect(db, timeout=10) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def wait_for_documents(db, process, minimum: int = 1, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while count_documents(db) < minimum:
        assert process.poll() is None, "indexing ended before the test could interrupt it"
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_kill_9_mid_run_leaves_a_queryable_index_and_the_next_run_completes(tmp_path):
    folder, db = tmp_path / "many", tmp_path / "x.db"
    write_articles(folder, ARTICLES)
    process = subprocess.Popen([*FACTCLI, "index", str(folder), "--jobs", "1"], env=env_for(db),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_documents(db, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = count_documents(db)
    assert 0 < partial < ARTICLES
    lookup = subprocess.run([*FACTCLI, "quote", "Santos", "--json"], env=env_for(db), capture_output=True, text=True)
    assert lookup.returncode == 0, lookup.stderr
    assert json.loads(lookup.stdout)
    rerun = subprocess.run([*FACTCLI, "index", str(folder)], env=env_for(db), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert count_documents(db) == ARTICLES
    assert f"{partial} unchanged" in rerun.stderr


def test_ctrl_c_exits_130_without_traceback(tmp_path):
    folder, db = tmp_path / "many", tmp_path / "x.db"
    write_articles(folder, ARTICLES)
    process = subprocess.Popen([*FACTCLI, "index", str(folder)], env=env_for(db),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for_documents(db, process)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in stderr
    assert 0 < count_documents(db) < ARTICLES
    assert invoke("sources", "--json", db=db).exit_code == 0


def test_lookups_work_while_an_index_runs(tmp_path):
    folder, db = tmp_path / "many", tmp_path / "x.db"
    write_articles(folder, ARTICLES)
    process = subprocess.Popen([*FACTCLI, "index", str(folder)], env=env_for(db),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_for_documents(db, process)
    lookups = 0
    while process.poll() is None and lookups < 40:
        result = subprocess.run([*FACTCLI, "figure", "ships", "--json"], env=env_for(db),
                                capture_output=True, text=True)
        assert result.returncode in (0, 1), result.stderr
        assert "locked" not in result.stderr
        lookups += 1
    process.communicate(timeout=120)
    assert lookups > 0


def test_closed_pipe_ends_quietly(seeds_db):
    for argv in ("quote --limit 0", "search Ukraine --json --limit 0", "figure --csv --limit 0"):
        shell = f"set -o pipefail; {sys.executable} -m factcli {argv} | head -1"
        result = subprocess.run(["bash", "-c", shell], env=env_for(seeds_db), capture_output=True, text=True)
        assert result.stdout.count("\n") == 1
        assert result.stderr == ""
        assert result.returncode == 0


def test_hostile_folder_is_indexed_around_its_bad_files(tmp_path):
    folder = tmp_path / "hostile"
    deep = folder.joinpath(*[f"level{i}" for i in range(60)])
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text('Diver Lena Ott said: "It is dark down here."\n')
    (folder / "empty.txt").write_text("")
    (folder / "marks.txt").write_text('"' * 5000 + "\n" + "“ ” ‘ ’ «" * 2000 + ' He said "unclosed\n')
    (folder / "numbers.txt").write_text(" ".join(str(i) for i in range(100_000)) + "\n")
    (folder / "longline.txt").write_text(("word " * 200_000) + '"' + ("quoted " * 100_000) + "\n")
    (folder / "nul.txt").write_bytes(b"text\x00more")
    os.mkfifo(folder / "fifo.txt")
    os.symlink(folder / "missing-target.txt", folder / "dangling.txt")
    db = tmp_path / "x.db"
    result = invoke("index", folder, db=db)
    assert result.exit_code == 2  # the dangling link cannot be read
    for name in ("nul.txt", "fifo.txt", "dangling.txt"):
        assert name in result.stderr
    docs = {r["doc"] for r in json.loads(invoke("sources", "--json", "--limit", "0", db=db).stdout)}
    assert docs == {"empty.txt", "marks.txt", "numbers.txt", "longline.txt", "/".join(deep.relative_to(folder).parts)
                    + "/deep.txt"}
    found = json.loads(invoke("quote", "--json", "--limit", "0", db=db).stdout)
    assert any(q["text"] == "It is dark down here." for q in found)
    assert all(len(q["text"]) <= 5000 for q in found)


def test_pathological_text_gives_bounded_records():
    for text in ['"' * 20_000, "“" * 20_000 + "”", " ".join(["1,2"] * 50_000), '"' + "a " * 500_000,
                 "'" * 10_000, ("He said \"" + "x" * 50) * 2000]:
        quotes, _ = extract_quotes(text)
        figures = extract_figures(text, quotes)
        assert len(quotes) <= len(text) // 2 + 1
        assert len(figures) <= len(text) // 2 + 1
        for record in [*quotes, *figures]:
            assert text[record.start:record.end] == record.text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text())
def test_any_query_text_is_searched_as_words(seeds_db, text):
    with sqlite3.connect(seeds_db) as conn:
        conn.row_factory = sqlite3.Row
        query.search(conn, text, limit=5)
        query.quotes(conn, about=text, limit=5)
        query.figures(conn, topic=text, limit=5)
        match_speakers(conn, text or " ")
        query.sources(conn, documents=query.Documents(source=text))
