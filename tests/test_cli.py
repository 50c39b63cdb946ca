"""The command line as scripts and people see it: every command, option, format and exit status."""
from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from factcli import __version__
from factcli.lookup.query import FIGURE_FIELDS, HIT_FIELDS, QUOTE_FIELDS, SOURCE_FIELDS, SPEAKER_FIELDS

from .conftest import CORPUS, invoke


def records(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_version_prints_on_stdout():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"factcli {__version__}"


@pytest.mark.parametrize("argv", [["--help"], ["-h"], []])
def test_help_lists_every_command(argv):
    result = invoke(*argv)
    assert result.exit_code == 0
    for command in ("index", "quote", "figure", "speakers", "search", "show", "sources"):
        assert command in result.stdout


@pytest.mark.parametrize(
    "argv",
    [["quote", "--bogus"], ["figure", "--min", "lots"], ["nosuchcommand"], ["quote", "--limit", "-1"],
     ["search"], ["quote", "--json", "--csv"]],
)
def test_usage_errors_are_one_line_and_exit_2(argv, seeds_db):
    result = invoke(*argv, db=seeds_db)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("factcli: error:")
    assert "╭" not in result.stderr and "Traceback" not in result.stderr


def test_quote_kirby_finds_john_kirby(seeds_db):
    found = records(invoke("quote", "Kirby", "--json", "--limit", "0", db=seeds_db))
    assert found
    assert {r["speaker"] for r in found} == {"John Kirby"}
    assert any("very, very unlikely" in r["text"] for r in found)


@pytest.mark.parametrize("name", ["kirbi", "john kirby", "JOHN KIRBY", "Mr Kirby", "Jon Kirbey", "Kirby!"])
def test_quote_matches_names_fuzzily(seeds_db, name):
    found = records(invoke("quote", name, "--json", db=seeds_db))
    assert {r["speaker"] for r in found} == {"John Kirby"}


def test_quote_mr_putin_is_vladimir_putin(seeds_db):
    found = records(invoke("quote", "Mr Putin", "--json", db=seeds_db))
    assert {r["speaker"] for r in found} == {"Vladimir Putin"}


def test_quote_unknown_speaker_exits_1_with_hint(seeds_db):
    result = invoke("quote", "Zzyzx Quarterman", "--json", db=seeds_db)
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert "no speaker matches" in result.stderr


def test_quote_did_you_mean(seeds_db):
    result = invoke("quote", "Krbee", db=seeds_db)
    assert result.exit_code == 1
    assert "did you mean" in result.stderr and "John Kirby" in result.stderr


def test_quote_exact_requires_a_known_name(seeds_db):
    assert records(invoke("quote", "John Kirby", "--exact", "--json", db=seeds_db))
    assert invoke("quote", "kirbi", "--exact", "--json", db=seeds_db).exit_code == 1


def test_quote_about_filters_by_words(seeds_db):
    found = records(invoke("quote", "Kirby", "--about", "unlikely", "--json", db=seeds_db))
    assert found and all("unlikely" in r["text"].lower() for r in found)
    assert invoke("quote", "Kirby", "--about", "xylophone", "--json", db=seeds_db).exit_code == 1


def test_quote_without_speaker_lists_all_and_notes_the_limit(seeds_db):
    result = invoke("quote", "--json", db=seeds_db)
    assert len(records(result)) == 20
    assert "20 of" in result.stderr and "--limit 0 for all" in result.stderr
    everything = records(invoke("quote", "--json", "--limit", "0", db=seeds_db))
    assert len(everything) > 20
    assert "shown" not in invoke("quote", "--json", "--limit", "0", db=seeds_db).stderr


@pytest.mark.parametrize(
    "argv, fields",
    [(["quote"], QUOTE_FIELDS), (["figure"], FIGURE_FIELDS), (["search", "Ukraine"], HIT_FIELDS),
     (["speakers"], SPEAKER_FIELDS), (["sources"], SOURCE_FIELDS)],
)
def test_json_jsonl_csv_carry_the_contract_fields_in_order(seeds_db, argv, fields):
    as_json = records(invoke(*argv, "--json", db=seeds_db))
    assert as_json
    for record in as_json:
        assert tuple(record)[: len(fields)] == fields
    jsonl = invoke(*argv, "--jsonl", db=seeds_db)
    lines = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert lines == as_json
    assert [json.loads(line) for line in invoke(*argv, "--nl", db=seeds_db).stdout.splitlines()] == as_json
    rows = list(csv.reader(io.StringIO(invoke(*argv, "--csv", db=seeds_db).stdout)))
    assert tuple(rows[0])[: len(fields)] == fields
    assert len(rows) == len(as_json) + 1


def test_piped_output_is_tab_separated_without_header(seeds_db):
    result = invoke("quote", "Kirby", db=seeds_db)
    assert result.exit_code == 0
    as_json = records(invoke("quote", "Kirby", "--json", db=seeds_db))
    lines = result.stdout.splitlines()
    assert len(lines) == len(as_json)
    for line, record in zip(lines, as_json, strict=True):
        cells = line.split("\t")
        assert len(cells) == len(record)
        assert cells[0] == record["id"]
        assert cells[QUOTE_FIELDS.index("line")] == str(record["line"])
        assert "┃" not in line


def test_figure_grain_finds_25_million_tons(seeds_db):
    found = records(invoke("figure", "grain", "--json", db=seeds_db))
    assert (found[0]["value"], found[0]["unit"]) == (25_000_000, "ton")  # the best match comes first
    assert found[0]["claimed_by"] == "Recep Tayyip Erdogan"


def test_figure_icc_members_finds_123_member_states(seeds_db):
    found = records(invoke("figure", "icc members", "--json", db=seeds_db))
    assert any(r["value"] == 123 for r in found[:5])


def test_figure_filters(seeds_db):
    everything = records(invoke("figure", "--json", "--limit", "0", db=seeds_db))
    tons = records(invoke("figure", "--unit", "tons", "--json", "--limit", "0", db=seeds_db))
    assert tons and all(r["unit"] == "ton" for r in tons)
    big = records(invoke("figure", "--min", "1000000", "--json", "--limit", "0", db=seeds_db))
    assert big and all(r["value"] >= 1_000_000 for r in big)
    small = records(invoke("figure", "--max", "10", "--json", "--limit", "0", db=seeds_db))
    assert small and all((r["high"] or r["value"]) <= 10 for r in small)
    assert len(big) + len(small) < len(everything)
    claimed = [r for r in everything if r["claimed_by"]]
    speaker = claimed[0]["claimed_by"]
    by = records(invoke("figure", "--by", speaker, "--json", "--limit", "0", db=seeds_db))
    assert by and all(r["claimed_by"] == speaker for r in by)
    assert invoke("figure", "--by", "Nobody Atallhere", "--json", db=seeds_db).exit_code == 1


def test_figure_unknown_topic_exits_1(seeds_db):
    result = invoke("figure", "xylophonists", "--json", db=seeds_db)
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


def test_search_marks_matching_words(seeds_db):
    found = records(invoke("search", "grain", "--json", db=seeds_db))
    assert {r["type"] for r in found} <= {"quote", "figure", "sentence"}
    assert all("[" in r["snippet"] and "]" in r["snippet"] for r in found)
    assert any("grain" in r["snippet"].lower() for r in found)


@pytest.mark.parametrize("query", ['"', "AND", "OR NOT", "*", "(", "text:", "'; DROP TABLE quotes; --", "ünïcödé"])
def test_search_takes_any_text(seeds_db, query):
    result = invoke("search", query, "--json", db=seeds_db)
    assert result.exit_code in (0, 1)
    assert isinstance(json.loads(result.stdout), list)


def test_empty_search_is_nothing_found(seeds_db):
    result = invoke("search", "", "--json", db=seeds_db)
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


def test_speakers_lists_names_counts_and_aliases(seeds_db):
    found = records(invoke("speakers", "--json", "--limit", "0", db=seeds_db))
    kirby = next(r for r in found if r["name"] == "John Kirby")
    assert kirby["quotes"] >= 3
    assert kirby["type"] == "person"
    assert isinstance(kirby["aliases"], list)
    assert found == sorted(found, key=lambda r: -r["quotes"]) or found[0]["quotes"] >= found[-1]["quotes"]
    assert [r["name"] for r in records(invoke("speakers", "kirby", "--json", db=seeds_db))] == ["John Kirby"]


def test_show_prints_record_with_paragraph(seeds_db):
    first = records(invoke("quote", "Kirby", "--json", db=seeds_db))[0]
    shown = records(invoke("show", first["id"], "--json", db=seeds_db))[0]
    assert shown["id"] == first["id"] and shown["text"] == first["text"]
    assert first["text"] in shown["paragraph"]
    assert shown["title"]
    plain = invoke("show", first["id"], db=seeds_db)
    assert first["text"].replace("\n", "\\n") in plain.stdout


@pytest.mark.parametrize("record_id", ["q999999", "x1", "", "f0"])
def test_show_unknown_id_exits_1(seeds_db, record_id):
    result = invoke("show", record_id, "--json", db=seeds_db)
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


def test_sources_lists_documents_with_counts(seeds_db):
    found = records(invoke("sources", "--json", db=seeds_db))
    assert sorted(r["doc"] for r in found) == sorted(p.name for p in CORPUS.glob("*.txt"))
    cnn = next(r for r in found if r["doc"].startswith("000_"))
    assert cnn["date"] == "2023-03-18"
    assert cnn["title"] == "Russia-Ukraine news"
    assert cnn["quotes"] > 0 and cnn["figures"] > 0 and len(cnn["sha256"]) == 64


def test_lookup_on_missing_db_exits_2(tmp_path):
    result = invoke("quote", "Kirby", db=tmp_path / "nothing.db")
    assert result.exit_code == 2
    assert "no database" in result.stderr


def test_fact_db_environment_variable(seeds_db, monkeypatch):
    monkeypatch.setenv("FACTCLI_DB", str(seeds_db))
    assert records(invoke("quote", "Kirby", "--json"))


def test_not_a_database_exits_2(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    result = invoke("quote", "Kirby", db=junk)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_foreign_sqlite_file_exits_2(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    assert invoke("quote", "Kirby", db=other).exit_code == 2
    assert invoke("index", CORPUS, db=other).exit_code == 2


def test_newer_schema_exits_2(tmp_path):
    db = tmp_path / "new.db"
    assert invoke("index", CORPUS, db=db).exit_code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 99")
    result = invoke("quote", "Kirby", db=db)
    assert result.exit_code == 2
    assert "newer" in result.stderr


def test_first_lookup_builds_default_database(tmp_path):
    result = invoke("quote", "Kirby", "--json")
    assert result.exit_code == 0
    assert "bundled corpus" in result.stderr
    assert (tmp_path / "xdg" / "factcli" / "factcli.db").is_file()
    again = invoke("quote", "Kirby", "--json")
    assert "bundled corpus" not in again.stderr
    assert json.loads(again.stdout) == json.loads(result.stdout)


def test_document_text_is_printed_inert(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "evil.txt").write_text(
        'The minister said: "We will [bold red]never[/bold red] \x1b]0;pwned\x07 give up \x1b[31mred\x1b[0m." '
        "He added it was final.\n"
    )
    db = tmp_path / "evil.db"
    assert invoke("index", folder, db=db).exit_code == 0
    piped = invoke("search", "minister", db=db)
    assert "\x1b" not in piped.stdout and "\x07" not in piped.stdout
    assert "[bold red]" in piped.stdout
    as_json = records(invoke("search", "minister", "--json", db=db))
    assert any("\x1b" in r["text"] for r in as_json)


def test_tsv_escapes_tabs_newlines_and_backslashes():
    from factcli.lookup.render import write_records

    out = io.StringIO()
    write_records([{"a": "x\ty\nz\\w\r", "b": None, "c": ["p", "q"]}], ["a", "b", "c"], "tsv", out)
    assert out.getvalue() == "x\\ty\\nz\\\\w\\r\t\tp; q\n"


def test_damaged_database_exits_2(tmp_path):
    db = tmp_path / "damaged.db"
    assert invoke("index", CORPUS, db=db).exit_code == 0
    data = db.read_bytes()
    db.write_bytes(data[:4096] + b"\x13" * (len(data) - 4096))
    for argv in (["quote", "Kirby"], ["figure", "grain"], ["search", "grain"], ["sources"], ["index", CORPUS]):
        result = invoke(*argv, "--json", db=db) if argv[0] != "index" else invoke(*argv, db=db)
        assert result.exit_code == 2, argv
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr


def test_repeated_quotes_are_grouped_for_people_but_not_for_scripts(tmp_path):
    from factcli.index.database import connect
    from factcli.lookup import query

    folder = tmp_path / "docs"
    folder.mkdir()
    text = 'Coach Mia Berg said: "We need three more players." Berg added: "The season starts soon."\n'
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(text)
    (folder / "d.txt").write_text('Coach Mia Berg said: "We need three more players." Then she left.\n')
    db = tmp_path / "x.db"
    invoke("index", folder, db=db)
    per_occurrence = json.loads(invoke("quote", "Berg", "--json", "--limit", "0", db=db).stdout)
    assert len(per_occurrence) == 7
    grouped = query.quote_groups(connect(db), None, None, 1)
    assert grouped.total == 2
    [first] = grouped.records
    assert first["text"] == "We need three more players."
    assert [r["doc"] for r in first["repeats"]] == ["a.txt", "b.txt", "c.txt", "d.txt"]


def test_a_partial_quote_inside_a_reported_clause_is_one_row_for_people(seeds_db):
    """Kirby's `Putin traveling there is "very, very unlikely` holds the partial "very, very unlikely,"."""
    from factcli.index.database import connect
    from factcli.lookup import query
    from factcli.lookup.match import match_speakers

    conn = connect(seeds_db)
    kirby = match_speakers(conn, "Kirby").ids
    every = records(invoke("quote", "Kirby", "--json", "--limit", "0", db=seeds_db))  # scripts get every record
    clauses = [r for r in every if r["kind"] == "indirect"]
    inside = {p["id"]: clause for p in every if p["kind"] == "partial" for clause in clauses
              if clause["doc"] == p["doc"] and clause["start"] <= p["start"] < clause["end"]}
    assert inside
    rows = query.quote_groups(conn, kirby, None, 0)
    assert not {r["id"] for r in rows.records} & set(inside)
    said = {(r["speaker"], r["text"].lower()) for r in every if r["id"] not in inside}  # repeats are one row too
    assert rows.total == len(rows.records) == len(said)
    by_id = {r["id"]: r for r in rows.records}
    for partial_id, clause in inside.items():
        partial = next(p for p in every if p["id"] == partial_id)
        start = partial["start"] - clause["start"]
        assert (start, min(partial["end"], clause["end"]) - clause["start"]) in by_id[clause["id"]]["quoted"]
    assert len(query.quote_groups(conn, kirby, None, 2).records) == 2  # --limit counts rows
    about = query.quote_groups(conn, kirby, "unlikely", 0)
    assert not {r["id"] for r in about.records} & set(inside)
