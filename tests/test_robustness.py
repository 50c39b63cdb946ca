"""Daily-use failures with real processes: two index runs at once, SIGTERM, full disks, read-only indexes, rebuilds.

Full disks and read-only media are made with a small tmpfs and read-only (re)mounts, which need root; where the
machine forbids mounting, those tests skip saying so, and an injected SQLITE_FULL and chmod cover the same paths.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import threading
import time
from contextlib import closing, contextmanager

import pytest

from factcli.cli import commands
from factcli.index import database
from factcli.index.indexer import Indexer

from .conftest import invoke
from .test_reliability import ARTICLES, FACTCLI, count_documents, env_for, wait_for_documents, write_articles

WAITING = "waiting for another index run to finish"


def run(*args, db, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*FACTCLI, *map(str, args)], env=env_for(db), capture_output=True, text=True,
                          timeout=timeout)


def first_line(process: subprocess.Popen, seconds: float = 60) -> str:
    """The first line the process writes on stderr; it is killed if none comes in time, so no test hangs."""
    watchdog = threading.Timer(seconds, process.kill)
    watchdog.start()
    try:
        return process.stderr.readline()
    finally:
        watchdog.cancel()


def committed_documents(db) -> int:
    try:
        with closing(sqlite3.connect(db, timeout=10)) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # no schema yet
        return 0


def documents(db) -> set[str]:
    result = run("sources", "--json", "--limit", "0", db=db)
    assert result.returncode in (0, 1), result.stderr
    return {record["doc"] for record in json.loads(result.stdout)}


# --- two index runs at once ---------------------------------------------------------------------------------


def test_two_index_runs_at_once_both_index_everything(tmp_path):
    """Both folders quote the same speaker, so each run meets speakers the other has added meanwhile."""
    db = tmp_path / "x.db"
    first, second = tmp_path / "cron", tmp_path / "person"
    write_articles(first, 300)
    write_articles(second, 300)
    processes = [subprocess.Popen([*FACTCLI, "index", str(folder), "--jobs", "1"], env=env_for(db),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                 for folder in (first, second)]
    outcomes = [(process.wait(timeout=180), process.stderr.read()) for process in processes]
    for code, stderr in outcomes:
        assert code == 0, stderr
        assert "UNIQUE" not in stderr and "Traceback" not in stderr
    assert count_documents(db) == 600
    speakers = json.loads(run("speakers", "Santos", "--json", db=db).stdout)
    assert [s["name"] for s in speakers] == ["Maria Santos"]
    assert speakers[0]["quotes"] == len(json.loads(run("quote", "Santos", "--json", "-n", "0", db=db).stdout))


def test_index_waits_for_another_writer_and_says_so(tmp_path):
    db = tmp_path / "x.db"
    write_articles(tmp_path / "first", 2)
    write_articles(tmp_path / "later", 3)
    assert invoke("index", tmp_path / "first", db=db).exit_code == 0
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another index run, mid-batch
    process = subprocess.Popen([*FACTCLI, "index", str(tmp_path / "later")], env=env_for(db),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert WAITING in first_line(process)
        assert process.poll() is None  # still waiting
        other.execute("COMMIT")
        stderr = process.stderr.read()
        assert process.wait(timeout=60) == 0, stderr
    finally:
        other.close()
    assert count_documents(db) == 5


def test_sigterm_ends_a_run_that_waits_for_another_writer(tmp_path):
    db = tmp_path / "x.db"
    write_articles(tmp_path / "articles", 2)
    assert invoke("index", tmp_path / "articles", db=db).exit_code == 0
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        process = subprocess.Popen([*FACTCLI, "index", str(tmp_path / "articles"), "--rebuild"], env=env_for(db),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        assert WAITING in first_line(process)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=5) == commands.TERMINATED
        assert process.stderr.read() == "factcli: terminated\n"
    finally:
        other.close()


def test_a_run_that_starts_after_another_run_wrote_reloads_its_speakers(tmp_path):
    """The in-process form of the race: a writer whose cached speakers went stale while another committed."""
    db = tmp_path / "x.db"
    write_articles(tmp_path / "a", 2)
    write_articles(tmp_path / "b", 2)
    with closing(database.connect(db)) as first, closing(database.connect(db)) as second:
        stale = Indexer(first, jobs=1)  # loads the (empty) speakers table now
        Indexer(second, jobs=1).run([tmp_path / "a"])  # adds Maria Santos meanwhile
        summary = stale.run([tmp_path / "b"])
    assert summary.documents == 2
    assert invoke("speakers", "--json", db=db).stdout.count('"Maria Santos"') == 1


# --- SIGTERM --------------------------------------------------------------------------------------------------


def test_sigterm_stops_index_like_ctrl_c_and_the_next_run_completes(tmp_path):
    folder, db = tmp_path / "many", tmp_path / "x.db"
    write_articles(folder, ARTICLES)
    process = subprocess.Popen([*FACTCLI, "index", str(folder), "--jobs", "2"], env=env_for(db),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_for_documents(db, process)
    process.send_signal(signal.SIGTERM)
    stderr = process.communicate(timeout=60)[1]
    assert process.returncode == commands.TERMINATED, stderr
    assert "factcli: terminated" in stderr and "Traceback" not in stderr
    partial = count_documents(db)
    assert 0 < partial < ARTICLES
    assert run("quote", "Santos", "--json", db=db).returncode == 0
    rerun = run("index", folder, db=db)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial} unchanged" in rerun.stderr
    assert count_documents(db) == ARTICLES


# --- lookups during --rebuild ---------------------------------------------------------------------------------


def test_lookups_during_a_rebuild_answer_from_the_old_index(tmp_path):
    db = tmp_path / "x.db"
    old, new = tmp_path / "old", tmp_path / "new"
    write_articles(old, 3)
    write_articles(new, 40)
    assert invoke("index", old, db=db).exit_code == 0
    old_documents = documents(db)
    seen = []

    def look_up(done: int, total: int) -> None:
        if done in (1, total // 2, total):  # a lookup in its own process, while the rebuild's transaction is open
            seen.append(documents(db))

    with closing(database.connect(db)) as conn:
        Indexer(conn, jobs=1).run([new], rebuild=True, on_progress=look_up)
    assert seen == [old_documents] * 3
    assert documents(db) == {f"article{i:05d}.txt" for i in range(40)}


# --- a full disk ----------------------------------------------------------------------------------------------


@contextmanager
def tmpfs(folder, size: str):
    """A small file system of its own at folder; skips the test where the machine does not allow mounting."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root and mount(8)")
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"this machine does not allow mounting a tmpfs: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def remount(folder, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(folder)], check=True)


def test_a_full_disk_says_so_and_keeps_what_was_indexed(tmp_path):
    write_articles(tmp_path / "before", 5)
    write_articles(tmp_path / "large", ARTICLES)
    with tmpfs(tmp_path / "small", "2m") as small:
        db = small / "x.db"
        assert run("index", tmp_path / "before", db=db).returncode == 0
        full = run("index", tmp_path / "large", db=db)
        assert full.returncode == 2
        assert full.stderr.strip().splitlines()[-1] == (
            f"factcli: error: no space left on {small}: the index keeps what was committed before; "
            "free space and run index again")
        assert "database or disk is full" not in full.stderr
        assert {f"article{i:05d}.txt" for i in range(5)} <= documents(db)
        assert run("quote", "Santos", "--json", db=db).returncode == 0

        remount(small, "size=64m")  # space freed: the next run completes
        again = run("index", tmp_path / "large", db=db)
        assert again.returncode == 0, again.stderr
        assert count_documents(db) == 5 + ARTICLES


def test_a_full_database_found_by_sqlite_gives_the_same_message(tmp_path, monkeypatch):
    """SQLITE_FULL injected through max_page_count, which needs no mount: the path any machine takes."""
    db = tmp_path / "x.db"
    write_articles(tmp_path / "before", 3)
    write_articles(tmp_path / "large", 60)
    assert invoke("index", tmp_path / "before", db=db).exit_code == 0
    real_connect = database.connect

    def connect_with_little_room(path, read_only=None):
        conn = real_connect(path, read_only)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 20}")
        return conn

    monkeypatch.setattr(database, "connect", connect_with_little_room)
    result = invoke("index", tmp_path / "large", db=db)
    assert result.exit_code == 2
    assert result.stderr == (f"factcli: error: no space left on {tmp_path}: the index keeps what was committed "
                             "before; free space and run index again\n")
    monkeypatch.undo()
    assert {f"article{i:05d}.txt" for i in range(3)} <= documents(db)


# --- read-only indexes ----------------------------------------------------------------------------------------


def test_an_index_on_read_only_media_answers_lookups_and_refuses_writes(tmp_path):
    """A WAL database on a read-only mount: no -shm file can be made beside it, so SQLite needs immutable=1."""
    write_articles(tmp_path / "articles", 4)
    with tmpfs(tmp_path / "media", "16m") as media:
        db = media / "x.db"
        assert run("index", tmp_path / "articles", db=db).returncode == 0
        remount(media, "ro")
        quotes = run("quote", "Santos", "--json", db=db)
        assert quotes.returncode == 0, quotes.stderr
        assert len(json.loads(quotes.stdout)) > 0
        assert run("search", "exports", "--json", db=db).returncode == 0
        completion = subprocess.run([*FACTCLI], env={**env_for(db), "_FACTCLI_COMPLETE": "complete_bash",
                                                      "COMP_WORDS": "factcli quote Mar", "COMP_CWORD": "2"},
                                    capture_output=True, text=True)
        assert completion.stdout == "Maria\\ Santos\n", completion.stderr
        refused = run("index", tmp_path / "articles", db=db)
        assert refused.returncode == 2
        assert refused.stderr == (f"factcli: error: {db} is read-only: index cannot write to it "
                                  "(lookups still read it)\n")
        new = run("index", tmp_path / "articles", db=media / "new.db")
        assert new.returncode == 2
        assert new.stderr == f"factcli: error: the folder {media} is read-only: index cannot write new.db there\n"


def test_an_index_left_with_its_wal_on_read_only_media_answers_from_what_was_committed(tmp_path):
    """A writer killed after a commit leaves -wal and -shm; read-only, SQLite reads the WAL through mode=ro."""
    write_articles(tmp_path / "many", ARTICLES)
    with tmpfs(tmp_path / "media", "64m") as media:
        db = media / "x.db"
        process = subprocess.Popen([*FACTCLI, "index", str(tmp_path / "many"), "--jobs", "1"], env=env_for(db),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while not committed_documents(db):  # its own connection, closed at once: the mount can go read-only
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert (media / "x.db-wal").exists()
        committed = documents(db)  # in another process: no file of the mount stays open for writing
        remount(media, "ro")
        assert documents(db) == committed and committed


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write any file and folder")
def test_a_read_only_file_and_folder_answer_lookups(tmp_path):
    write_articles(tmp_path / "articles", 4)
    shared = tmp_path / "shared"
    shared.mkdir()
    db = shared / "x.db"
    assert run("index", tmp_path / "articles", db=db).returncode == 0
    db.chmod(0o444)
    refused = run("index", tmp_path / "articles", db=db)
    assert (refused.returncode, "is read-only" in refused.stderr) == (2, True)
    assert run("quote", "Santos", "--json", db=db).returncode == 0
    shared.chmod(0o555)
    try:
        assert run("quote", "Santos", "--json", db=db).returncode == 0
    finally:
        shared.chmod(0o755)


def test_a_read_only_bind_mounted_file_refuses_writes_and_answers_lookups(tmp_path):
    """A published index file made read-only on its own, in a folder that stays writable."""
    write_articles(tmp_path / "articles", 4)
    with tmpfs(tmp_path / "share", "16m") as share:
        db = share / "x.db"
        assert run("index", tmp_path / "articles", db=db).returncode == 0
        subprocess.run(["mount", "--bind", str(db), str(db)], check=True)
        try:
            subprocess.run(["mount", "-o", "remount,ro,bind", str(db)], check=True)
            refused = run("index", tmp_path / "articles", db=db)
            assert refused.returncode == 2
            assert "is read-only: index cannot write to it" in refused.stderr
            assert run("quote", "Santos", "--json", db=db).returncode == 0
        finally:
            subprocess.run(["umount", str(db)], check=False)
