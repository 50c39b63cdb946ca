"""Sentence and paragraph splitting keeps offsets into the original text."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcli.read.text import LineIndex, enclosing, paragraph_spans, repair_for_extraction, sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_sentences_split_at_full_stops_not_abbreviations():
    text = "Mr. Smith met Gov. Ron DeSantis at 5 p.m. on Friday. They talked. Did it help? Yes!"
    assert sentences(text) == ["Mr. Smith met Gov. Ron DeSantis at 5 p.m. on Friday.", "They talked.",
                               "Did it help?", "Yes!"]


def test_sentences_keep_closing_quotes_and_never_cross_lines():
    text = "He said: “It is over.” She left.\nNew paragraph without stop\nThird"
    assert sentences(text) == ["He said: “It is over.”", "She left.", "New paragraph without stop", "Third"]


def test_initials_do_not_end_sentences():
    assert sentences("John F. Kennedy spoke. Then he left.") == ["John F. Kennedy spoke.", "Then he left."]


def test_paragraphs_are_stripped_lines():
    text = "  first line \n\n\nsecond\r\n third\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["first line", "second", "third"]


def test_line_index_and_enclosing():
    text = "a\nbb\n\nccc"
    lines = LineIndex(text)
    assert [lines.line_of(i) for i in (0, 1, 2, 4, 5, 6, 8)] == [1, 1, 2, 2, 3, 4, 4]
    spans = [(0, 1), (2, 4), (6, 9)]
    assert enclosing(spans, 3) == (2, 4) and enclosing(spans, 5) is None


def test_mojibake_repair_keeps_length():
    text = "It cost Â£5m and Â£3bn."
    repaired = repair_for_extraction(text)
    assert len(repaired) == len(text) and "Â" not in repaired and repaired.count("£") == 2


@given(st.text())
def test_sentence_spans_are_ordered_non_empty_slices(text):
    spans = sentence_spans(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        previous_end = end


@given(st.text(alphabet=" \t\r\n\xa0\u2028ab."))
def test_paragraphs_are_the_non_empty_stripped_lines(text):
    expected, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            expected.append((offset + len(line) - len(line.lstrip()), offset + len(line.rstrip())))
        offset += len(line) + 1
    assert paragraph_spans(text) == expected


@given(st.text(alphabet="ab AF.!?”’)\n\t"), st.integers(0, 40), st.integers(0, 40))
def test_sentences_of_a_range_are_those_of_its_slice(text, start, length):
    end = min(len(text), start + length)
    start = min(start, end)
    assert sentence_spans(text, start, end) == [(s + start, e + start) for s, e in sentence_spans(text[start:end])]
