"""Reading documents: decoding, titles and dates, walking folders."""
from __future__ import annotations

import pytest

from factcli.read.documents import (
    Candidate,
    Problem,
    decode,
    find_candidates,
    parse_documents,
    read_file,
    title_and_date,
)


@pytest.mark.parametrize(
    "first_line, title, date",
    [
        ("March 18, 2023 Russia-Ukraine news", "Russia-Ukraine news", "2023-03-18"),
        ("18 March 2023 - Markets close higher", "Markets close higher", "2023-03-18"),
        ("2024-02-29 Leap day special", "Leap day special", "2024-02-29"),
        ("Sept. 3, 2021: Storm hits coast", "Storm hits coast", "2021-09-03"),
        ("Ad sales boost Time Warner profit", "Ad sales boost Time Warner profit", None),
        ("March 45, 2023 not a date", "March 45, 2023 not a date", None),
    ],
)
def test_title_and_date_from_the_first_line(first_line, title, date):
    assert title_and_date(f"\n\n{first_line}\n\nBody text.") == (title, date)


def test_long_first_line_is_cut_at_a_word():
    title, _ = title_and_date("word " * 100)
    assert len(title) <= 201 and title.endswith("…")


def test_empty_text_has_no_title():
    assert title_and_date("") == (None, None)


@pytest.mark.parametrize(
    "raw, text",
    [("café".encode(), "café"), ("café".encode("cp1252"), "café"), (b"\xef\xbb\xbfhello", "hello"),
     (b"\x81\x8d\x8f", "\x81\x8d\x8f"), (b"a\r\nb", "a\r\nb")],
)
def test_decode_falls_back_and_drops_the_bom(raw, text):
    assert decode(raw) == text


def test_find_candidates_walks_folders_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "a.md").write_text("a")
    (tmp_path / "skip.csv").write_text("{}")
    found = list(find_candidates([tmp_path]))
    assert [c.doc for c in found] == ["a.md", "b/z.txt"]


def test_missing_path_is_a_problem(tmp_path):
    [problem] = list(find_candidates([tmp_path / "gone"]))
    assert isinstance(problem, Problem) and problem.unreadable


def test_vanished_file_is_a_problem(tmp_path):
    result = read_file(Candidate("gone.txt", tmp_path / "gone.txt"))
    assert isinstance(result, Problem) and result.unreadable


def test_read_document_hashes_the_bytes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"hello\n")
    candidate = Candidate("a.txt", path)
    [document] = parse_documents(candidate, read_file(candidate))
    assert document.sha256 == "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"
    assert document.size == 6 and document.text == "hello\n"
