"""`check`: did anyone say this? Word-level scores, the word diff, --by, --min-score, formats and exit statuses."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

from factcli.lookup.check import CHECK_FIELDS, align, word_diff, words_of

from .conftest import invoke
from .test_startup import heavy_modules

KIRBY = "it was “very, very unlikely” the Russian leader would travel to the United States"


def scored(text: str, quote: str) -> tuple[int, str]:
    alignment = align(words_of(text), words_of(quote))
    return alignment.score, alignment.diff


@pytest.mark.parametrize(("text", "quote", "score", "diff"), [
    # exact, and the same words with other punctuation and case
    (KIRBY, KIRBY, 100, ""),
    ("It was very very unlikely the Russian leader would travel to the United States.", KIRBY, 100, ""),
    # a short TEXT inside a long quote
    ("very, very unlikely", KIRBY, 100, ""),
    # curly against straight quotation marks and apostrophes, accents
    ("it's \"very\" likely", "it’s “very” likely", 100, ""),
    ("Stephane said so", "Stéphane said so", 100, ""),
    # changed, dropped and added words: what differs, as git's word diff writes it
    ("it was very, very unlikely the Russian leader would go to the United States", KIRBY, 93,
     "it was “very, very unlikely” the Russian leader would [-go-]{+travel+} to the United States"),
    ("it was very, very unlikely the Russian leader would travel to the United States at all", KIRBY, 88,
     "it was “very, very unlikely” the Russian leader would travel to the United States [-at all-]"),
    ("it was unlikely the leader would travel to the United States", KIRBY, 79,
     "it was {+“very, very+} unlikely” the {+Russian+} leader would travel to the United States"),
    # reordered words score high, below the same words in order, and the diff shows the order
    ("unlikely, very very", "very, very unlikely", 90, "[-unlikely,-] very, very {+unlikely+}"),
    # a negation added or dropped turns the statement round: it weighs more than another word
    ("I will raise taxes", "I will not raise taxes", 44, "I will {+not+} raise taxes"),
    ("we did not say that", "we did say that", 44, "we did [-not-] say that"),
    ("we said that", "we didn’t say that", 25, "we [-said-]{+didn’t say+} that"),
    # words nobody said
    ("the moon is made of green cheese", KIRBY, 14, "the [-moon is made of green cheese-]{+United States+}"),
    ("the moon", "green cheese", 0, ""),
])
def test_scores_are_how_much_of_the_text_the_quote_holds(text, quote, score, diff):
    assert scored(text, quote) == (score, diff)


def test_a_long_quote_scattered_with_the_words_scores_low():
    quote = "very much the case that nobody could say whether it was unlikely or likely, very often"
    assert scored("very very unlikely", quote)[0] < 80


def test_word_diff_is_gits_plain_format():
    assert word_diff([("same", "a b"), ("removed", "c"), ("added", "d"), ("same", "e")]) == "a b [-c-]{+d+} e"
    assert word_diff([("removed", "x y")]) == "[-x y-]"
    assert word_diff([("added", "z"), ("same", "e")]) == "{+z+} e"
    assert word_diff([("same", "all the same")]) == ""


def matches(result) -> list[dict]:
    return json.loads(result.stdout)


def test_check_names_who_said_it(seeds_db):
    result = invoke("check", "very, very unlikely", "--json", db=seeds_db)
    assert result.exit_code == 0
    found = matches(result)
    assert found and {r["speaker"] for r in found} == {"John Kirby"}
    assert all(r["score"] == 100 and r["diff"] == "" for r in found)
    assert list(found[0]) == list(CHECK_FIELDS)


def test_check_takes_bare_words(seeds_db):
    quoted = invoke("check", "very, very unlikely", "--json", db=seeds_db)
    bare = invoke("check", "very,", "very", "unlikely", "--json", db=seeds_db)
    assert bare.exit_code == 0 and bare.stdout == quoted.stdout


def test_check_by_someone_else_exits_1_and_names_who_said_it(seeds_db):
    result = invoke("check", "very, very unlikely", "--by", "Putin", "--json", db=seeds_db)
    assert result.exit_code == 1
    assert result.stdout.strip() == "[]"
    assert re.fullmatch(r"factcli: said by John Kirby, not by Vladimir Putin: score 100, q\d+\n", result.stderr)


def test_check_by_the_speaker_who_said_it(seeds_db):
    result = invoke("check", "very, very unlikely", "--by", "Kirby", "--json", db=seeds_db)
    assert result.exit_code == 0
    assert {r["speaker"] for r in matches(result)} == {"John Kirby"}


def test_a_misquote_is_found_with_the_words_changed(seeds_db):
    result = invoke("check", "it was very, very unlikely the Russian leader would go to the United States",
                    "--json", db=seeds_db)
    best = matches(result)[0]
    assert best["speaker"] == "John Kirby" and 80 <= best["score"] < 100
    assert "[-go-]{+travel+}" in best["diff"]


def test_words_nobody_said_exit_1(seeds_db):
    result = invoke("check", "The moon is made of green cheese", "--json", db=seeds_db)
    assert result.exit_code == 1
    assert result.stdout.strip() == "[]"
    assert result.stderr.startswith("factcli: no quote scores 80 or more")


def test_min_score_decides_what_counts_as_said(seeds_db):
    text = "Kirby said it was unlikely"
    strict = invoke("check", text, "--json", db=seeds_db)
    loose = invoke("check", text, "--min-score", "40", "--json", db=seeds_db)
    assert strict.exit_code == 1
    assert loose.exit_code == 0
    assert all(r["score"] >= 40 for r in matches(loose))


@pytest.mark.parametrize("argv", [["check", "x", "--min-score", "101"], ["check", "x", "--min-score", "-1"],
                                  ["check"], ["check", "x", "--json", "--csv"]])
def test_bad_usage_is_one_line_and_exit_2(argv, seeds_db):
    result = invoke(*argv, db=seeds_db)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("factcli: error:")


def test_every_format_carries_the_fields_in_order(seeds_db):
    text = "very, very unlikely"
    as_json = matches(invoke("check", text, "--json", db=seeds_db))
    lines = invoke("check", text, "--jsonl", db=seeds_db).stdout.splitlines()
    assert [json.loads(line) for line in lines] == as_json
    rows = list(csv.reader(io.StringIO(invoke("check", text, "--csv", db=seeds_db).stdout)))
    assert rows[0] == list(CHECK_FIELDS)
    assert len(rows) == len(as_json) + 1
    tsv = invoke("check", text, db=seeds_db).stdout.splitlines()
    assert len(tsv) == len(as_json)
    fields = tsv[0].split("\t")
    assert len(fields) == len(CHECK_FIELDS)
    assert fields[CHECK_FIELDS.index("score")] == "100" and fields[CHECK_FIELDS.index("diff")] == ""


def test_limit_cuts_and_says_so(seeds_db):
    result = invoke("check", "very, very unlikely", "--limit", "1", "--json", db=seeds_db)
    assert len(matches(result)) == 1
    assert re.search(r"1 of \d+ shown; --limit 0 for all", result.stderr)


def test_only_check_loads_rapidfuzz(seeds_db):
    assert invoke("speakers", db=seeds_db).exit_code == 0
    assert heavy_modules("check", "very", "unlikely", "--json", "--db", str(seeds_db)) == ["rapidfuzz"]
    assert heavy_modules("compare", "grain", "--json", "--db", str(seeds_db)) == []


def test_the_terminal_draws_the_diff_struck_through_and_underlined(monkeypatch):
    from factcli.lookup.check import Alignment
    from factcli.lookup.render import write_check_table

    monkeypatch.setenv("FORCE_COLOR", "1")
    alignment = align(words_of("the leader would go [bold]there"), words_of("the leader would travel [bold]there"))
    record = {"score": alignment.score, "speaker": "John Kirby", "doc": "a.txt", "line": 3}
    stream = io.StringIO()
    write_check_table([(record, alignment)], stream)
    drawn = stream.getvalue()
    assert "\x1b[9;31mgo" in drawn and "\x1b[4;32mtravel" in drawn  # struck through red, underlined green
    assert "[bold]there" in drawn  # text from documents is never markup
    monkeypatch.setenv("NO_COLOR", "1")
    stream = io.StringIO()
    write_check_table([(record, Alignment(80, [("removed", "go"), ("added", "travel")]))], stream)
    assert "\x1b[9mgo" in stream.getvalue() and "31m" not in stream.getvalue()  # no colour, still struck


def test_by_someone_unknown_says_so_and_who_did_say_it(seeds_db):
    result = invoke("check", "very, very unlikely", "--by", "Zzyzx Qwerty", "--json", db=seeds_db)
    assert result.exit_code == 1
    assert "no speaker matches 'Zzyzx Qwerty'" in result.stderr
    assert "said by John Kirby, not by Zzyzx Qwerty: score 100" in result.stderr


@pytest.mark.parametrize("text", ['"', "AND OR NOT", "*", "NEAR(very unlikely)", "", "’’"])
def test_text_is_words_never_a_query_language(text, seeds_db):
    result = invoke("check", text, "--json", db=seeds_db)
    assert result.exit_code in (0, 1) and "error" not in result.stderr
