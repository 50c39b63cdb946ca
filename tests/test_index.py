"""Indexing: incremental by content hash, --prune, --rebuild, bad files, the summary and exit status."""
from __future__ import annotations

import json
import os
import shutil

from .conftest import CORPUS, invoke

SAMPLE = (
    'Harbour master Ana Lopes said the port would reopen on Monday. "We have cleared 40 ships," Lopes said.\n'
    'The company said it lost $3 million in the storm.\n'
)


def make_folder(tmp_path, **files: str):
    folder = tmp_path / "docs"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def ids(db, command="quote") -> list[str]:
    return [r["id"] for r in json.loads(invoke(command, "--json", "--limit", "0", db=db).stdout)]


def test_index_summary_goes_to_stderr(tmp_path):
    result = invoke("index", CORPUS, db=tmp_path / "x.db")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "2 documents indexed" in result.stderr


def test_unchanged_files_are_skipped_and_ids_stay(tmp_path):
    folder = make_folder(tmp_path, **{"a.txt": SAMPLE, "sub/b.md": SAMPLE.replace("Lopes", "Moreau")})
    db = tmp_path / "x.db"
    assert invoke("index", folder, db=db).exit_code == 0
    before = ids(db)
    again = invoke("index", folder, db=db)
    assert "0 documents indexed" in again.stderr and "2 unchanged" in again.stderr
    assert ids(db) == before


def test_changed_file_is_replaced(tmp_path):
    folder = make_folder(tmp_path, **{"a.txt": SAMPLE, "b.txt": SAMPLE})
    db = tmp_path / "x.db"
    invoke("index", folder, db=db)
    b_ids = [r["id"] for r in json.loads(invoke("quote", "--json", "--limit", "0", db=db).stdout)
             if r["doc"] == "b.txt"]
    (folder / "a.txt").write_text('Mayor Jo Park said: "The bridge is closed for good."\n')
    result = invoke("index", folder, db=db)
    assert "1 documents indexed" in result.stderr and "1 unchanged" in result.stderr
    found = json.loads(invoke("quote", "--json", "--limit", "0", db=db).stdout)
    a_texts = [r["text"] for r in found if r["doc"] == "a.txt"]
    assert a_texts == ["The bridge is closed for good."]
    assert [r["id"] for r in found if r["doc"] == "b.txt"] == b_ids


def test_prune_drops_documents_whose_files_are_gone(tmp_path):
    folder = make_folder(tmp_path, **{"a.txt": SAMPLE, "b.txt": SAMPLE})
    db = tmp_path / "x.db"
    invoke("index", folder, db=db)
    os.remove(folder / "b.txt")
    invoke("index", folder, db=db)
    assert len(json.loads(invoke("sources", "--json", db=db).stdout)) == 2
    result = invoke("index", folder, "--prune", db=db)
    assert "1 pruned" in result.stderr
    assert [r["doc"] for r in json.loads(invoke("sources", "--json", db=db).stdout)] == ["a.txt"]


def test_rebuild_starts_over(tmp_path):
    folder = make_folder(tmp_path, **{"a.txt": SAMPLE})
    db = tmp_path / "x.db"
    invoke("index", CORPUS, db=db)
    result = invoke("index", folder, "--rebuild", db=db)
    assert result.exit_code == 0
    assert [r["doc"] for r in json.loads(invoke("sources", "--json", db=db).stdout)] == ["a.txt"]
    assert invoke("quote", "Kirby", "--json", db=db).exit_code == 1


def test_naming_a_file_uses_its_name(tmp_path):
    folder = make_folder(tmp_path, **{"deep/er/a.txt": SAMPLE})
    db = tmp_path / "x.db"
    invoke("index", folder / "deep" / "er" / "a.txt", db=db)
    invoke("index", folder, db=db)
    docs = {r["doc"] for r in json.loads(invoke("sources", "--json", db=db).stdout)}
    assert docs == {"a.txt"}  # one file, one document: the key is its path
    invoke("index", folder, "--rebuild", db=db)
    assert {r["doc"] for r in json.loads(invoke("sources", "--json", db=db).stdout)} == {"deep/er/a.txt"}


def test_only_text_and_markdown_are_read(tmp_path):
    folder = make_folder(tmp_path, **{"a.txt": SAMPLE, "b.md": SAMPLE, "c.csv": SAMPLE, "d.py": SAMPLE})
    db = tmp_path / "x.db"
    invoke("index", folder, db=db)
    assert {r["doc"] for r in json.loads(invoke("sources", "--json", db=db).stdout)} == {"a.txt", "b.md"}


def test_binary_and_unreadable_files_are_reported(tmp_path, monkeypatch):
    folder = make_folder(tmp_path, **{"good.txt": SAMPLE, "locked.txt": SAMPLE})
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 binary \x00")
    os.mkfifo(folder / "pipe.txt")
    real_open = os.open

    def refusing_open(path, *args, **kwargs):  # the tests run as root, who can read anything
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    db = tmp_path / "x.db"
    result = invoke("index", folder, db=db)
    assert result.exit_code == 2  # some file could not be read
    assert "binary.txt" in result.stderr and "pipe.txt" in result.stderr and "locked.txt" in result.stderr
    assert "1 documents indexed" in result.stderr and "2 skipped" in result.stderr and "1 unreadable" in result.stderr
    monkeypatch.setattr(os, "open", real_open)
    assert [r["doc"] for r in json.loads(invoke("sources", "--json", db=db).stdout)] == ["good.txt"]


def test_missing_path_exits_2_but_keeps_the_index(tmp_path):
    db = tmp_path / "x.db"
    invoke("index", CORPUS, db=db)
    result = invoke("index", tmp_path / "nowhere", db=db)
    assert result.exit_code == 2
    assert "nowhere" in result.stderr
    assert invoke("quote", "Kirby", "--json", db=db).exit_code == 0


def test_other_encodings_bom_and_crlf(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "cp1252.txt").write_bytes('The café owner said: “We lost £5,000 this week.”\r\n'.encode("cp1252"))
    (folder / "bom.txt").write_bytes("\ufeffA spokesman said: “We are ready.”\r\n".encode())
    db = tmp_path / "x.db"
    assert invoke("index", folder, db=db).exit_code == 0
    found = json.loads(invoke("quote", "--json", db=db).stdout)
    texts = {r["doc"]: r for r in found}
    assert texts["cp1252.txt"]["text"] == "We lost £5,000 this week."
    assert texts["bom.txt"]["start"] == len("A spokesman said: “")


def test_symlink_loop_does_not_hang(tmp_path):
    folder = make_folder(tmp_path, **{"a.txt": SAMPLE})
    os.symlink(folder, folder / "loop")
    db = tmp_path / "x.db"
    result = invoke("index", folder, db=db)
    assert result.exit_code == 0
    assert len(json.loads(invoke("sources", "--json", db=db).stdout)) == 1


def test_parallel_and_serial_indexing_agree(tmp_path):
    folder = tmp_path / "many"
    for i in range(20):
        shutil.copy(CORPUS / "003_5a37b91fd9147932.txt", tmp_path / f"copy{i}.txt")
    folder.mkdir()
    for i in range(20):
        (tmp_path / f"copy{i}.txt").rename(folder / f"copy{i:02}.txt")
    serial, parallel = tmp_path / "s.db", tmp_path / "p.db"
    assert invoke("index", folder, "--jobs", "1", db=serial).exit_code == 0
    assert invoke("index", folder, "--jobs", "2", db=parallel).exit_code == 0

    def dump(db):
        return [(r["doc"], r["text"], r["speaker"]) for r in
                json.loads(invoke("quote", "--json", "--limit", "0", db=db).stdout)]

    assert dump(serial) == dump(parallel)


def test_full_text_tables_follow_replaced_and_pruned_documents(tmp_path):
    import sqlite3

    import sqlite_utils

    folder = make_folder(tmp_path, **{"a.txt": 'Ranger Ola Berg said: "The zebra herd grew to 40 animals."\n',
                                      "b.txt": SAMPLE})
    db = tmp_path / "x.db"
    invoke("index", folder, db=db)
    assert invoke("search", "zebra", "--json", db=db).exit_code == 0
    (folder / "a.txt").write_text('Ranger Ola Berg said: "The giraffe herd grew to 12 animals."\n')
    invoke("index", folder, db=db)
    assert invoke("search", "zebra", "--json", db=db).exit_code == 1
    assert invoke("figure", "zebra", "--json", db=db).exit_code == 1
    assert invoke("search", "giraffe", "--json", db=db).exit_code == 0
    os.remove(folder / "b.txt")
    invoke("index", folder, "--prune", db=db)
    assert invoke("search", "harbour", "--json", db=db).exit_code == 1
    with sqlite3.connect(db) as conn:
        for table in ("quotes", "figures", "sentences", "speakers"):
            conn.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('integrity-check')")
    hits = list(sqlite_utils.Database(db)["quotes"].search("giraffe"))  # as `sqlite-utils search` does it
    assert [hit["text"] for hit in hits] == ["The giraffe herd grew to 12 animals."]


def test_objects_removed_from_a_json_lines_file_are_dropped(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    lines = [json.dumps({"text": f'Chef Ada Lin said: "Dish {i} is ready."'}) for i in range(3)]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    db = tmp_path / "x.db"
    invoke("index", folder, db=db)
    (folder / "feed.jsonl").write_text(lines[0] + "\n")
    result = invoke("index", folder, db=db)
    assert "2 pruned" in result.stderr
    assert [r["doc"] for r in json.loads(invoke("sources", "--json", db=db).stdout)] == ["feed.jsonl#1"]


def test_a_failed_rebuild_keeps_the_old_index(tmp_path, monkeypatch):
    folder = make_folder(tmp_path, **{f"n{i}.txt": SAMPLE for i in range(5)})
    db = tmp_path / "x.db"
    invoke("index", CORPUS, db=db)
    before = ids(db)
    calls = []

    def failing(document):
        calls.append(document)
        if len(calls) == 3:
            raise MemoryError("simulated failure in the middle of a rebuild")
        return real(document)

    import factcli.index.indexer

    real = factcli.index.indexer.extract_document
    monkeypatch.setattr(factcli.index.indexer, "extract_document", failing)
    result = invoke("index", folder, "--rebuild", "--jobs", "1", db=db)
    assert result.exit_code == 2
    assert ids(db) == before
    assert {r["doc"] for r in json.loads(invoke("sources", "--json", db=db).stdout)} == {
        p.name for p in CORPUS.glob("*.txt")}


def test_a_file_that_vanishes_mid_run_is_reported(tmp_path, monkeypatch):
    import factcli.index.indexer

    folder = make_folder(tmp_path, **{"a.txt": SAMPLE, "b.txt": SAMPLE})
    real = factcli.index.indexer.find_candidates

    def then_vanish(paths):
        yield from real(paths)
        os.remove(folder / "b.txt")  # found by the walk, gone before it is read

    monkeypatch.setattr(factcli.index.indexer, "find_candidates", then_vanish)
    db = tmp_path / "x.db"
    result = invoke("index", folder, db=db)
    assert result.exit_code == 2
    assert "b.txt" in result.stderr and "1 documents indexed" in result.stderr
    assert [r["doc"] for r in json.loads(invoke("sources", "--json", db=db).stdout)] == ["a.txt"]


def test_extraction_is_the_same_on_every_run(tmp_path):
    """No result may depend on hash order: index the corpus under two hash seeds and compare."""
    import subprocess
    import sys

    from .conftest import ROOT

    dumps = []
    for seed in ("1", "2"):
        db = tmp_path / f"seed{seed}.db"
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT), "FACTCLI_DB": str(db)}
        subprocess.run([sys.executable, "-m", "factcli", "index", str(CORPUS)], env=env, check=True,
                       capture_output=True)
        dumps.append([subprocess.run([sys.executable, "-m", "factcli", command, "--json", "--limit", "0"], env=env,
                                     capture_output=True, text=True).stdout for command in ("quote", "figure")])
    assert dumps[0] == dumps[1]


def test_speaker_counts_follow_reindexing_and_pruning(tmp_path):
    folder = make_folder(tmp_path, **{"a.txt": SAMPLE, "b.txt": SAMPLE, "c.txt": SAMPLE})

    def counts(db):
        listed = {r["name"]: r["quotes"] for r in json.loads(invoke("speakers", "--json", db=db).stdout)}
        quotes = json.loads(invoke("quote", "--json", "--limit", "0", db=db).stdout)
        counted = {name: sum(q["speaker"] == name for q in quotes) for name in listed}
        return listed, counted

    db = tmp_path / "x.db"
    invoke("index", folder, db=db)
    listed, counted = counts(db)
    assert listed == counted
    per_document = listed["Ana Lopes"] // 3
    os.remove(folder / "c.txt")
    (folder / "b.txt").write_text("Nothing quoted here any more.\n")
    invoke("index", folder, "--prune", db=db)
    listed, counted = counts(db)
    assert listed == counted == {"Ana Lopes": per_document}


def test_unusual_file_names_are_still_recognised_as_unchanged(tmp_path):
    folder = make_folder(tmp_path, **{"issue#5.txt": SAMPLE, "notes #2.md": SAMPLE, "feed#1.jsonl": ""})
    (folder / "feed#1.jsonl").write_text(json.dumps({"text": 'Chef Ada Lin said: "Soup is ready."'}) + "\n")
    db = tmp_path / "x.db"
    invoke("index", folder, db=db)
    again = invoke("index", folder, db=db)
    assert "0 documents indexed" in again.stderr and "3 unchanged" in again.stderr
    assert {r["doc"] for r in json.loads(invoke("sources", "--json", db=db).stdout)} == {
        "issue#5.txt", "notes #2.md", "feed#1.jsonl#1"}


def test_records_cross_process_boundaries_intact():
    """Workers pickle records to the writer; every field must arrive as it left."""
    import pickle

    from factcli.extract.records import Figure, Quote, Speaker

    records = [
        Quote("We will win", "direct", 3, 14, "John Kirby", "spokesman", "Kirby", "told CNN", "He said: We will win"),
        Figure("25 million tons", 25e6, 0, 15, None, "ton", "approx", "grain — Black Sea", "Erdogan", "About 25..."),
        Speaker("Kremlin", "organisation", None, ["the Kremlin", "Moscow"]),
    ]
    assert pickle.loads(pickle.dumps(records)) == records
