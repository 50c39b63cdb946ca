"""The inputs people have: saved web pages, JSON and JSON Lines exports, standard input; metadata filters."""
from __future__ import annotations

import json

import pytest

from factcli.read.html import page_from_html

from .conftest import invoke

ARTICLE_PAGE = """<!DOCTYPE html>
<html><head>
<title>Harbour reopens | The Coast Herald</title>
<meta property="og:site_name" content="The Coast Herald">
<meta property="og:title" content="Harbour reopens after storm">
<link rel="canonical" href="https://herald.example/harbour-reopens">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Harbour reopens after the storm",
 "datePublished": "2024-05-02T08:30:00Z", "publisher": {"@type": "Organization", "name": "Coast Herald"}}
</script>
<style>body { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<div class="ad-banner">Buy one get one free</div>
<article>
<h1>Harbour reopens after the storm</h1>
<p>The harbour reopened on Thursday after a storm that sank 12 boats.</p>
<p>"We have cleared every berth," harbour master Ana Lopes said. <script>track()</script></p>
<aside class="related">Related: Storm season starts early</aside>
<p>Repairs will cost about &pound;2 million, the council said.</p>
</article>
<footer>© 2024 Coast Herald. All rights reserved.</footer>
</body></html>
"""


def test_page_text_drops_furniture_and_keeps_paragraphs():
    page = page_from_html(ARTICLE_PAGE)
    assert page.text.split("\n\n") == [
        "Harbour reopens after the storm",
        "The harbour reopened on Thursday after a storm that sank 12 boats.",
        '"We have cleared every berth," harbour master Ana Lopes said.',
        "Repairs will cost about £2 million, the council said.\n",
    ]
    for furniture in ("Home", "Buy one", "Related", "rights reserved", "track()", "color"):
        assert furniture not in page.text


def test_page_metadata_from_json_ld_open_graph_and_links():
    page = page_from_html(ARTICLE_PAGE)
    assert page.title == "Harbour reopens after the storm"
    assert page.date == "2024-05-02T08:30:00Z"
    assert page.outlet == "Coast Herald"
    assert page.url == "https://herald.example/harbour-reopens"


def test_page_without_article_keeps_body_text():
    page = page_from_html("<html><body><div><p>One.</p><p>Two &amp; three.</p></div></body></html>")
    assert page.text == "One.\n\nTwo & three.\n"
    assert page.title is None and page.date is None


@pytest.mark.parametrize("html", ["", "<", "<p>unclosed <b>bold", "</div></div><p>x</p>", "<script>never closed"])
def test_broken_html_never_raises(html):
    assert isinstance(page_from_html(html).text, str)


@pytest.fixture
def mixed_folder(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "page.html").write_text(ARTICLE_PAGE)
    export = [
        {"text": 'Minister Rui Costa said: "Exports rose 8% this year."', "title": "Exports up",
         "date": "2023-01-15", "source": "Daily Ledger", "url": "https://ledger.example/exports"},
        {"content": 'Coach Mia Berg told reporters: "We need 3 more players."', "headline": "Squad news",
         "published": "January 20, 2023", "outlet": "Sports Wire"},
        {"no_text_here": True},
        {"body": '"Prices will fall," analyst Tom Hale said.', "published_at": "2022-11-30"},
    ]
    (folder / "export.jsonl").write_text("\n".join(json.dumps(item) for item in export) + "\nnot json\n")
    (folder / "array.json").write_text(json.dumps([export[0]]))
    return folder


def test_html_and_json_lines_are_indexed_with_metadata(mixed_folder, tmp_path):
    db = tmp_path / "x.db"
    result = invoke("index", mixed_folder, db=db)
    assert result.exit_code == 0, result.stderr
    docs = {r["doc"]: r for r in json.loads(invoke("sources", "--json", db=db).stdout)}
    assert set(docs) == {"page.html", "export.jsonl#1", "export.jsonl#2", "export.jsonl#4", "array.json#1"}
    assert docs["page.html"]["outlet"] in ("Coast Herald", "The Coast Herald")  # JSON-LD or Open Graph
    assert docs["page.html"]["date"] == "2024-05-02"
    assert docs["page.html"]["url"] == "https://herald.example/harbour-reopens"
    assert docs["export.jsonl#1"]["title"] == "Exports up" and docs["export.jsonl#1"]["outlet"] == "Daily Ledger"
    assert docs["export.jsonl#2"]["date"] == "2023-01-20" and docs["export.jsonl#2"]["outlet"] == "Sports Wire"
    assert docs["export.jsonl#4"]["date"] == "2022-11-30"  # the third object has no text: no document
    quotes = json.loads(invoke("quote", "--json", "--limit", "0", db=db).stdout)
    exports = next(q for q in quotes if q["doc"] == "export.jsonl#1")
    assert exports["text"] == "Exports rose 8% this year."
    assert exports["path"].endswith("export.jsonl")
    assert list(exports)[-4:] == ["title", "date", "outlet", "url"]
    assert exports["outlet"] == "Daily Ledger" and exports["url"] == "https://ledger.example/exports"
    page_quote = next(q for q in quotes if q["doc"] == "page.html")
    assert page_quote["text"] == "We have cleared every berth,"


def test_unchanged_json_lines_file_is_skipped(mixed_folder, tmp_path):
    db = tmp_path / "x.db"
    invoke("index", mixed_folder, db=db)
    again = invoke("index", mixed_folder, db=db)
    assert "0 documents indexed" in again.stderr and "5 unchanged" in again.stderr


def test_filters_by_source_and_date(mixed_folder, tmp_path):
    db = tmp_path / "x.db"
    invoke("index", mixed_folder, db=db)

    def docs(*argv):
        result = invoke(*argv, "--json", "--limit", "0", db=db)
        return sorted({r["doc"] for r in json.loads(result.stdout)})

    assert docs("quote", "--source", "ledger") == ["array.json#1", "export.jsonl#1"]
    assert docs("quote", "--source", "page.html") == ["page.html"]
    assert docs("quote", "--since", "2023") == ["array.json#1", "export.jsonl#1", "export.jsonl#2", "page.html"]
    assert docs("quote", "--until", "2022-12") == ["export.jsonl#4"]
    assert docs("quote", "--since", "2023-01-16", "--until", "2023-12-31") == ["export.jsonl#2"]
    assert docs("figure", "--source", "herald") == ["page.html"]
    assert docs("sources", "--since", "2024-01-01") == ["page.html"]
    assert docs("search", "exports", "--source", "ledger") == ["array.json#1", "export.jsonl#1"]
    speakers = json.loads(invoke("speakers", "--json", "--source", "sports wire", db=db).stdout)
    assert [s["name"] for s in speakers] == ["Mia Berg"]


@pytest.mark.parametrize("date", ["yesterday", "2023-13-01", "23-01-01", "2023/01/01"])
def test_bad_dates_are_usage_errors(mixed_folder, tmp_path, date):
    db = tmp_path / "x.db"
    invoke("index", mixed_folder, db=db)
    result = invoke("quote", "--since", date, db=db)
    assert result.exit_code == 2
    assert "--since" in result.stderr


def test_standard_input_is_one_document(tmp_path):
    db = tmp_path / "x.db"
    text = 'Mayor Jo Park said: "The bridge will reopen in 2 weeks."\n'
    result = invoke("index", "-", "--name", "radio-transcript", db=db, input=text)
    assert result.exit_code == 0, result.stderr
    [quote] = json.loads(invoke("quote", "--json", db=db).stdout)
    assert quote["doc"] == "radio-transcript" and quote["path"] is None
    assert quote["text"] == "The bridge will reopen in 2 weeks."
    assert invoke("index", "-", "--name", "radio-transcript", db=db, input=text).stderr.count("1 unchanged") == 1
    assert invoke("index", "-", db=db, input="<html><body><p>Plain page.</p></body></html>").exit_code == 0
    assert {r["doc"] for r in json.loads(invoke("sources", "--json", db=db).stdout)} == {"radio-transcript", "stdin"}


def test_stdin_cannot_mix_with_paths(tmp_path):
    result = invoke("index", "-", str(tmp_path), db=tmp_path / "x.db", input="x")
    assert result.exit_code == 2
