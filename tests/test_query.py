"""The query layer: words to FTS5 expressions, names to speakers, units as stored."""
from __future__ import annotations

import sqlite3

import pytest

from factcli.lookup.query import fts_expression, normalise_unit, word_stem


@pytest.mark.parametrize("word, stem", [("countries", "countr"), ("country", "countr"), ("ships", "ship"),
                                        ("children", "child"), ("people", "pe"), ("tonnes", "ton"), ("glass", "glass"),
                                        ("boxes", "box"), ("status", "status"), ("members", "member")])
def test_word_stem_is_what_singular_and_plural_share(word, stem):
    assert word_stem(word) == stem


@pytest.mark.parametrize("query, text", [("members", "the 123 member states"), ("country", "most countries agree"),
                                         ("children", "one child was found"), ("Stephane", "Stéphane Dujarric said"),
                                         ("ship", "800 ships left")])
def test_other_word_forms_and_accents_match(query, text):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t VALUES (?)", (text,))
    assert conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (fts_expression([query]),)).fetchone()[0] == 1


def test_short_words_match_exactly():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(text)")
    conn.execute("INSERT INTO t VALUES ('used cars')")
    assert conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (fts_expression(["us"]),)).fetchone()[0] == 0


@pytest.mark.parametrize("typed, stored", [("tons", "ton"), ("ton", "ton"), ("$", "USD"), ("usd", "USD"),
                                           ("GBP", "GBP"), ("%", "percent"), ("per cent", "percent"),
                                           ("people", "person"), ("countries", "country"), ("children", "child")])
def test_units_as_typed_are_units_as_stored(typed, stored):
    assert normalise_unit(typed) == stored


SPEAKER_TEXTS = {
    "hook.txt": "Iran talks\n\nUS envoy Brian Hook spoke in London. “This is a stunt,” Brian Hook said.\n",
    "state.txt": "Visa rules\n\nThe State Department said: “Every case is considered carefully.”\n",
    "erdogan.txt": "Pipeline opens\n\nRecep Tayyip Erdoğan opened the pipeline. “No project can exclude us,” "
                   "Recep Tayyip Erdoğan said.\n",
    "cairo.txt": "Talks in Cairo\n\nForeign minister Sam Kerr and his French counterpart, Jean-Yves Le Brun, met in "
                 "Cairo. They concluded that the deal is void.\n",
}


@pytest.fixture(scope="module")
def speakers_db(tmp_path_factory):
    from .conftest import invoke

    corpus = tmp_path_factory.mktemp("speakers")
    for name, text in SPEAKER_TEXTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    db = corpus / "s.db"
    assert invoke("index", corpus, db=db).exit_code == 0
    return db


@pytest.mark.parametrize(("typed", "speakers"), [
    ("Hook", {"Brian Hook"}),
    # a first name is never matched alone by spelling: "Drian" is not "Brian" Hook
    ("Drian", set()),
    # a surname of several words, and each person who spoke with others
    ("Le Brun", {"Sam Kerr and Jean-Yves Le Brun"}),
    ("Kerr", {"Sam Kerr and Jean-Yves Le Brun"}),
    # accents aside, and a body's name in another order
    ("Erdogan", {"Recep Tayyip Erdoğan"}),
    ("United States Department of State", {"State Department"}),
    # words of the name in any order
    ("Tayyip Recep", {"Recep Tayyip Erdoğan"}),
])
def test_quote_name_finds_the_person_typed(speakers_db, typed, speakers):
    import json

    from .conftest import invoke

    result = invoke("quote", typed, "--json", "--limit", "0", db=speakers_db)
    found = {record["speaker"] for record in json.loads(result.stdout)} if result.exit_code == 0 else set()
    assert found == speakers, result.stdout + result.stderr
