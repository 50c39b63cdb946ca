"""Output formats: tables for people, inert text, repeats grouped on a terminal."""
from __future__ import annotations

import io
import re

import pytest

from factcli.lookup.render import choose_format, source_of, visible, write_kind_table, write_records


def quote(text, speaker, doc, line=1):
    return {"id": f"q{line}", "speaker": speaker, "text": text, "cue": "said", "doc": doc, "path": None, "line": line}


def test_a_quote_with_repeats_is_one_row_listing_every_source():
    first, again = quote("We will win.", "Ana Lopes", "a.txt", 3), quote("We will win.", "Ana Lopes", "b.txt", 9)
    out = io.StringIO()
    write_kind_table("quote", [{**first, "repeats": [first, again]}], out)
    table = out.getvalue()
    assert "a.txt:3" in table and "b.txt:9" in table
    assert table.count("We will win.") == 1


def test_table_prints_markup_and_escapes_as_text():
    out = io.StringIO()
    write_kind_table("quote", [quote("[bold red]loud[/bold red] \x1b[2J gone", "[link=x]Eve[/link]", "e.txt")], out)
    table = out.getvalue()
    assert "[bold red]loud[/bold red]" in table
    assert "[link=x]Eve[/link]" in table
    assert "\x1b" not in table and "\\x1b" in table


def test_highlighted_words_do_not_change_the_text():
    out = io.StringIO()
    write_kind_table("quote", [quote("Grain exports rose.", "Ana Lopes", "a.txt")], out, highlight=["grain"])
    assert "Grain exports rose." in out.getvalue()


@pytest.mark.parametrize("text, shown", [("a\x1b[31mb", "a\\x1b[31mb"), ("bell\x07", "bell\\x07"),
                                         ("rtl\u202eevil", "rtl\\u202eevil"), ("tab\tand\nline", "tab\tand\nline"),
                                         ("plain “quotes” é", "plain “quotes” é")])
def test_visible_escapes_control_characters_only(text, shown):
    assert visible(text) == shown


def test_format_choice():
    assert choose_format(False, False, False, io.StringIO()) == "tsv"
    assert choose_format(True, False, False, io.StringIO()) == "json"
    assert choose_format(False, True, False, io.StringIO()) == "jsonl"
    assert choose_format(False, False, True, io.StringIO()) == "csv"
    with pytest.raises(ValueError):
        choose_format(True, True, False, io.StringIO())


def test_empty_json_is_an_empty_array_and_empty_jsonl_is_nothing():
    for fmt, expected in (("json", "[]\n"), ("jsonl", ""), ("tsv", "")):
        out = io.StringIO()
        write_records([], ["id"], fmt, out)
        assert out.getvalue() == expected


def test_json_keeps_text_exactly():
    out = io.StringIO()
    write_records([{"text": "a\x1b[31m“b”"}], ["text"], "json", out)
    assert '"a\\u001b[31m“b”"' in out.getvalue()


def test_no_color_is_honoured(monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")  # draw as on a terminal
    coloured = io.StringIO()
    write_kind_table("quote", [quote("Grain rose.", "Ana", "a.txt")], coloured, highlight=["grain"])
    yellow = re.compile(r"\x1b\[[0-9;]*33m")
    assert yellow.search(coloured.getvalue())  # the highlighted word is yellow
    monkeypatch.setenv("NO_COLOR", "1")
    plain = io.StringIO()
    write_kind_table("quote", [quote("Grain rose.", "Ana", "a.txt")], plain, highlight=["grain"])
    assert not yellow.search(plain.getvalue()) and "Grain" in plain.getvalue()


def test_the_source_is_the_document_as_indexed_never_an_install_path():
    record = quote("We will win.", "Ana Lopes", "000_ab.txt", 320)
    record["path"] = "/venv/lib/python3.11/site-packages/factcli/corpus/000_ab.txt"
    out = io.StringIO()
    write_kind_table("quote", [record], out)
    assert "000_ab.txt:320" in out.getvalue() and "site-packages" not in out.getvalue()
    assert source_of({"doc": "export.jsonl#2", "path": "/home/u/export.jsonl", "line": 4}) == "export.jsonl#2:4"


def test_the_words_a_reported_clause_quotes_are_highlighted_in_its_row(monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    text = "travel there is “very, very unlikely"
    clause = {**quote(text, "John Kirby", "a.txt"), "quoted": [(text.index("very"), len(text))]}
    out = io.StringIO()
    write_kind_table("quote", [clause], out)
    table = out.getvalue()
    assert re.search(r"\x1b\[1m(very, very unlikely)", table)
    assert re.sub(r"\x1b\[[0-9;]*m", "", table).count("very, very unlikely") == 1


def figure(text="25 million tons", sentence=None, **fields):
    sentence = sentence or f"Officials said that {text} of grain left the ports under the deal this year."
    return {"id": "f3", "text": text, "value": 25e6, "high": None, "unit": "ton", "qualifier": "exact",
            "about": "grain, ports", "claimed_by": "Ana Lopes", "doc": "a.txt", "path": None, "line": 4,
            "sentence": sentence, **fields}


def test_the_figure_table_shows_what_a_person_needs_to_judge_the_claim():
    out = io.StringIO()
    write_kind_table("figure", [figure()], out)
    table = out.getvalue()
    for shown in ("f3", "25 million tons", "25,000,000 ton", "Ana Lopes", "a.txt:4", "grain, ports", "Officials said"):
        assert shown in table


def test_the_figure_table_cuts_a_long_sentence_around_the_number():
    long = " ".join(["word"] * 200) + " 25 million tons " + " ".join(["more"] * 200)
    out = io.StringIO()
    write_kind_table("figure", [figure(sentence=long)], out)
    table = out.getvalue()
    assert "25 million" in table and table.count("…") == 2
    assert table.count("word") < 100 and table.count("more") < 100


def test_the_figure_table_keeps_document_text_inert():
    out = io.StringIO()
    write_kind_table("figure", [figure(text="[bold]9[/bold] ships\x1b[2J", about="x\x07")], out)
    table = out.getvalue()
    assert "[bold]9[/bold]" in table and "\x1b" not in table and "\\x07" in table


@pytest.mark.parametrize("value, high, shown", [
    (25e6, None, "25,000,000"), (1 / 3, None, "0.333"), (500, 800, "500–800"), (2.5, None, "2.50"), (0, None, "0"),
])
def test_figure_values_read_as_a_person_reads_them(value, high, shown):
    from factcli.lookup.render import figure_value

    assert figure_value({"value": value, "high": high}) == shown
