"""Saved web pages as people save them: navigation, cookie banners, teasers, JSON-LD; through both readers.

Every test runs with trafilatura (the `html` extra, which .ci/run installs) and with its import made to fail,
so the standard library's reader is tested as the fallback it is.
"""
from __future__ import annotations

import json
import sqlite3
import sys

import pytest

from factcli.read import article
from factcli.read.article import read_page
from factcli.read.html import page_from_html

from .conftest import invoke

# Semantic markup: <article>, <aside>, <nav>, <header>, <footer>; metadata in JSON-LD and Open Graph.
SEMANTIC_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Minister defends grain deal | The Daily Ledger</title>
<link rel="canonical" href="https://ledger.example.com/world/2023/03/18/grain-deal">
<meta property="og:site_name" content="The Daily Ledger">
<meta property="og:title" content="Minister defends Black Sea grain deal">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Minister defends Black Sea grain deal",
 "datePublished": "2023-03-18T09:30:00Z", "publisher": {"@type": "Organization", "name": "The Daily Ledger"}}
</script>
<script>window.dataLayer = [];</script>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience. By continuing you
accept our cookie policy.</p><button>Accept all</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li></ul></nav></header>
<main><article>
<h1>Minister defends Black Sea grain deal</h1>
<p>The foreign minister on Saturday defended the agreement that lets Ukraine ship grain across the Black Sea,
saying it had fed millions of people.</p>
<p>"The deal has moved 25 million tons of grain to the world's markets," Dmytro Kuleba told reporters in Kyiv.
"Without it, prices would have risen for everyone."</p>
<p>Officials said about 1,600 ships had left Ukrainian ports since the agreement was signed last July.</p>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Wheat prices fall to a two-year low</a></li>
<li><a href="/b">Ports reopen after the storm</a></li></ul></aside>
<p>Russia has said it will not extend the deal unless its own exports of fertiliser are eased, a demand the
United Nations is studying.</p>
</article>
<section class="more-stories"><h2>More from World</h2><div class="teaser"><a href="/c"><h3>Floods hit the
north</h3><p>Thousands of homes were damaged by the floods, the regional governor said on Friday.</p></a></div>
</section></main>
<footer><p>© 2023 The Daily Ledger. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""

# Div soup: no <article> or <main>; the container is named by class; the URL is only in JSON-LD.
DIV_PAGE = """<html><head>
<title>Council approves budget - Riverside Gazette</title>
<script type="application/ld+json">
[{"@context": "https://schema.org", "@type": "WebSite", "name": "Riverside Gazette"},
 {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council approves $12 million budget",
  "datePublished": "2024-06-02T18:00:00-04:00", "publisher": {"@type": "NewsMediaOrganization",
  "name": "Riverside Gazette"},
  "mainEntityOfPage": {"@type": "WebPage", "@id": "https://gazette.example.org/news/council-budget"}}]
</script>
</head><body>
<div class="consent-overlay"><div class="message">This site uses cookies. Manage your preferences or accept
to continue reading.</div><a class="btn">I agree</a></div>
<div class="topbar"><a href="/">Riverside Gazette</a> | <a href="/news">News</a> | <a href="/opinion">Opinion</a>
| <a href="/subscribe">Subscribe for $1</a></div>
<div id="content"><div class="story-body">
<h1>Council approves $12 million budget</h1>
<p>The city council voted 7-2 on Sunday to approve a $12 million budget for road repairs, the largest in a
decade.</p>
<p>"These streets have waited long enough," said Mayor Linda Park, who proposed the plan in March.</p>
<p>Council member Tom Reyes, who voted against the plan, said the money would be better spent on buses.</p>
<div class="related-links"><h4>Read more</h4><p><a href="/x">Budget fight splits the council</a></p>
<p><a href="/y">Mayor Park announces a re-election bid</a></p></div>
</div>
<div class="trending"><h3>Trending</h3><ol><li><a href="/1">Local bakery wins a national award</a></li>
<li><a href="/2">High school team heads to the state finals after a thrilling win</a></li></ol></div>
</div>
<div class="bottom">Copyright 2024 Riverside Gazette. Terms of use. Privacy policy.</div>
</body></html>
"""

# Teaser cards that are <article> elements too, and a story body split in two around an advert.
CARDS_PAGE = """<!DOCTYPE html>
<html><head>
<title>Heatwave closes schools across the south | Northern Courier</title>
<meta property="og:site_name" content="Northern Courier">
<meta property="og:url" content="https://courier.example.co.uk/news/heatwave-schools">
<meta property="article:published_time" content="2025-07-09T06:00:00+01:00">
</head><body>
<nav class="site-nav"><a href="/">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<main>
<div class="page-grid">
<h1>Heatwave closes schools across the south</h1>
<div class="article-body">
<p>More than 300 schools closed on Wednesday as temperatures passed 38C for a second day.</p>
<p>"We cannot keep children safe in classrooms this hot," said Helen Carter, head of the county council.</p>
<p>Parents in three counties were told on Tuesday evening that pupils should stay at home, and exams planned for
Thursday were moved to next week.</p>
<p>Hospitals reported a rise in admissions for heatstroke, most of them older people living alone, and the health
agency issued its highest alert for the region until Friday night.</p>
</div>
<div class="dfp-slot">Advertisement</div>
<div class="article-body">
<p>Forecasters said the heat would ease by the weekend, with storms expected on Saturday.</p>
<p>The Met Office said 14 weather stations had broken local records since Monday.</p>
<p>Farmers warned that wheat and barley yields would fall if the dry weather lasted into August, and several
water companies asked customers to take shorter showers.</p>
<p>Schools are expected to reopen on Monday, the council said, once buildings have been checked.</p>
</div>
</div>
<section class="latest">
<h2>Latest</h2>
<article class="card"><h3><a href="/1">Water firm announces hosepipe ban</a></h3>
<p>"Reservoirs are at their lowest for 30 years," the company's chief executive said.</p></article>
<article class="card"><h3><a href="/2">Rail lines buckle in the heat</a></h3>
<p>Passengers were told to avoid travelling after 120 services were cancelled.</p></article>
</section>
</main>
</body></html>
"""

PAGES = {
    "grain.html": (SEMANTIC_PAGE, {
        "title": "Minister defends Black Sea grain deal", "date": "2023-03-18", "outlet": "The Daily Ledger",
        "url": "https://ledger.example.com/world/2023/03/18/grain-deal",
        "article": ["defended the agreement that lets Ukraine ship grain", "The deal has moved 25 million tons",
                    "about 1,600 ships had left", "a demand the United Nations is studying"],
        "furniture": ["cookies", "Accept all", "Home", "Related stories", "Wheat prices", "More from World",
                      "Floods hit", "Thousands of homes", "All rights reserved", "dataLayer"],
    }),
    "budget.html": (DIV_PAGE, {
        "title": "Council approves $12 million budget", "date": "2024-06-02", "outlet": "Riverside Gazette", "url": "https://gazette.example.org/news/council-budget",
        "article": ["voted 7-2 on Sunday", "These streets have waited long enough",
                    "the money would be better spent on buses"],
        "furniture": ["cookies", "I agree", "Subscribe", "Read more", "Budget fight", "Trending", "bakery",
                      "state finals", "Terms of use"],
    }),
    "heat.html": (CARDS_PAGE, {
        "title": "Heatwave closes schools across the south", "date": "2025-07-09", "outlet": "Northern Courier",
        "url": "https://courier.example.co.uk/news/heatwave-schools",
        "article": ["More than 300 schools closed", "keep children safe", "storms expected on Saturday",
                    "14 weather stations"],
        "furniture": ["Weather", "Advertisement", "Latest", "hosepipe", "Reservoirs", "Rail lines",
                      "120 services"],
    }),
}


@pytest.fixture(params=["trafilatura", "built-in"])
def reader(request, monkeypatch):
    """Which reader reads pages: trafilatura, or the standard library's with trafilatura's import failing."""
    article.trafilatura_installed.cache_clear()
    if request.param == "built-in":
        monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` raises ImportError
    elif not article.trafilatura_installed():
        pytest.skip('the html extra is not installed (pip install ".[html]")')
    yield request.param
    article.trafilatura_installed.cache_clear()


@pytest.mark.parametrize("name", PAGES)
def test_a_page_gives_its_article_without_furniture(reader, name):
    html, expected = PAGES[name]
    page = read_page(html)
    for words in expected["article"]:
        assert words in page.text
    for words in expected["furniture"]:
        assert words not in page.text, words
    assert "\n\n" in page.text  # paragraphs stay paragraphs
    assert page.title == expected["title"]
    assert page.date.startswith(expected["date"])
    assert (page.outlet, page.url) == (expected["outlet"], expected["url"])


def test_without_trafilatura_the_built_in_reader_reads_pages(monkeypatch):
    article.trafilatura_installed.cache_clear()
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    try:
        assert not article.trafilatura_installed()
        assert "voted 7-2 on Sunday" in read_page(DIV_PAGE).text
    finally:
        article.trafilatura_installed.cache_clear()


def test_a_page_without_an_article_still_gives_its_text(reader):
    page = read_page("<html><body><p>Short note.</p></body></html>")
    assert page.text == "Short note.\n"


@pytest.mark.parametrize("html", [
    "", "<", "<p>unclosed <b>bold", "</div></div><p>x</p>", "<script>never closed", "\x01\x02<html>\ufffd",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared.</p></body></html>',
    "<html><body>" + "<div>" * 3000 + "<p>Deep.</p>" + "</div>" * 3000 + "</body></html>",
])
def test_broken_pages_never_raise(reader, html):
    page = read_page(html)
    assert isinstance(page.text, str)
    for words in ("Declared.", "Deep."):
        assert words not in html or words in page.text


@pytest.fixture
def pages(tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    for name, (html, _) in PAGES.items():
        (folder / name).write_text(html, encoding="utf-8")
    return folder


def test_indexed_pages_answer_lookups_with_offsets_lines_and_show(reader, pages, tmp_path):
    db = tmp_path / "x.db"
    result = invoke("index", pages, db=db)
    assert result.exit_code == 0, result.stderr
    notes = result.stderr.count('pip install "factcli[html]"')
    assert notes == (1 if reader == "built-in" else 0)  # said once, however many pages

    sources = {r["doc"]: r for r in json.loads(invoke("sources", "--json", db=db).stdout)}
    for name, (_, expected) in PAGES.items():
        assert sources[name]["date"] == expected["date"]
        assert (sources[name]["outlet"], sources[name]["url"]) == (expected["outlet"], expected["url"])

    quotes = json.loads(invoke("quote", "--json", "--limit", "0", db=db).stdout)
    by_words = {q["text"]: q for q in quotes}
    park = next(q for text, q in by_words.items() if "waited long enough" in text)
    assert park["speaker"] == "Linda Park"
    assert not any("homes were damaged" in text for text in by_words)  # a teaser's quote is not indexed

    # offsets and lines point into the stored article text, and `show` gives the quote's paragraph
    card = json.loads(invoke("show", park["id"], "--json", db=db).stdout)[0]
    with sqlite3.connect(db) as conn:
        text = conn.execute("SELECT text FROM documents WHERE doc = ?", ("budget.html",)).fetchone()[0]
    assert text[park["start"]:park["end"]] == park["text"]
    assert text.count("\n", 0, park["start"]) + 1 == park["line"]
    assert park["text"] in card["paragraph"]
    assert (card["doc"], card["line"], card["title"]) == ("budget.html", park["line"], PAGES["budget.html"][1]["title"])


def test_a_page_from_standard_input(reader, tmp_path):
    db = tmp_path / "x.db"
    result = invoke("index", "-", "--name", "budget", db=db, input=DIV_PAGE)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count('pip install "factcli[html]"') == (1 if reader == "built-in" else 0)
    sources = json.loads(invoke("sources", "--json", db=db).stdout)
    assert [(s["doc"], s["outlet"]) for s in sources] == [("budget", "Riverside Gazette")]
    hits = json.loads(invoke("search", "buses", "--json", db=db).stdout)
    assert hits and not json.loads(invoke("search", "bakery", "--json", db=db).stdout)


def test_trafilatura_finding_no_article_leaves_the_page_to_the_built_in_reader(monkeypatch):
    trafilatura = pytest.importorskip("trafilatura", reason='the html extra is not installed (pip install ".[html]")')

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    assert "voted 7-2 on Sunday" in read_page(DIV_PAGE).text


@pytest.mark.parametrize(("title", "site", "headline"), [
    ("Heatwave closes schools | Northern Courier", "Northern Courier", "Heatwave closes schools"),
    ("Ukraine war: Kyiv hit by drones - BBC News", "BBC News", "Ukraine war: Kyiv hit by drones"),
    ("Pound falls to a record low | Business | The Guardian", "the Guardian", "Pound falls to a record low"),
    ("Reuters | Oil prices rise as supply tightens", "Reuters", "Oil prices rise as supply tightens"),
    ("Macron - the man who would be king - Le Monde", "Le Monde", "Macron - the man who would be king"),
    ("Covid-19 - what you need to know", None, "Covid-19 - what you need to know"),
    ("Senate passes the budget | Politics", None, "Senate passes the budget"),
    ("Senate passes the budget", "Capitol Daily", "Senate passes the budget"),
])
def test_the_built_in_reader_drops_the_site_from_page_titles(title, site, headline):
    meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    page = page_from_html(f"<html><head><title>{title}</title>{meta}</head><body><p>Text.</p></body></html>")
    assert page.title == headline


LONG = "<p>" + "The council said the plan would cost more than expected and take three years to finish. " * 4 + "</p>"


@pytest.mark.parametrize(("body", "kept", "dropped"), [
    # a container named like the body that holds only the standfirst: the whole <article> is read
    (f'<article><div class="story-text"><p>Standfirst here.</p></div>{LONG}{LONG}</article>',
     ["Standfirst here.", "three years"], []),
    # teaser cards that are <article> elements too, styled apart from the story
    (f'<main><article class="story">{LONG}</article><div><article class="card"><p>Teaser text.</p></article>'
     "</div></main>", ["three years"], ["Teaser text."]),
    # a story body split around an advert: both parts
    (f'<div class="article-body">{LONG}</div><div class="slot">Advert text.</div>'
     f'<div class="article-body"><p>Second part.</p>{LONG}</div>', ["three years", "Second part."], ["Advert text."]),
])
def test_the_built_in_reader_picks_the_article_container(body, kept, dropped):
    text = page_from_html(f"<html><body>{body}<p>Outside text.</p></body></html>").text
    for words in kept:
        assert words in text
    for words in [*dropped, "Outside text."]:
        assert words not in text


def test_a_live_blog_takes_its_headline_and_date_from_json_ld():
    html = """<html><head><title>Live: storm latest | Courier</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "LiveBlogPosting",
 "headline": "Storm Ciaran: live updates", "datePublished": "2023-11-02T07:00:00Z"}</script>
</head><body><main><p>Winds reached 100mph overnight, forecasters said.</p></main></body></html>"""
    page = page_from_html(html)
    assert (page.title, page.date) == ("Storm Ciaran: live updates", "2023-11-02T07:00:00Z")
