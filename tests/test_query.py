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
