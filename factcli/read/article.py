"""A saved web page's article: trafilatura's reading when the `html` extra is installed, else html.py's.

trafilatura is the field's reference article extractor: it tells the article from navigation, cookie
banners, teasers and comment threads by the page's structure and text density, where html.py can only
go by tag and class names. It brings lxml and a dozen packages, so it is an optional extra
(`pip install "factcli[html]"`); without it, or on a page where it finds no article, the standard
library's reader in html.py reads the page.
"""
from __future__ import annotations

from functools import cache

from factcli.read.html import Page, page_from_html


@cache
def trafilatura_installed() -> bool:
    """Whether the extra's reader imports; the indexer calls this before its workers fork, so they share it."""
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


def read_page(html: str) -> Page:
    """The article's text, one paragraph per line with blank lines between, and the page's title, date,
    site name and canonical URL."""
    if trafilatura_installed():
        page = _trafilatura_page(html)
        if page is not None:
            return page
    return page_from_html(html)


def _trafilatura_page(html: str) -> Page | None:
    import trafilatura

    # favor_recall: an article sentence left out is lost to every lookup, and with it trafilatura also
    # keeps a story body that an advert splits in two, which it otherwise cuts at the advert
    found = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True, include_comments=False,
                                        include_images=False, include_links=False, include_formatting=False)
    text = _paragraphs(found.body) if found is not None and found.body is not None else ""
    if not text:
        return None
    page = Page(text=text, title=_clean(found.title), date=found.date, outlet=_clean(found.sitename),
                url=found.url)
    if None in (page.title, page.date, page.outlet, page.url):
        # trafilatura reads <meta>, Open Graph and a JSON-LD headline, but not, say, a URL given only
        # as JSON-LD's mainEntityOfPage: html.py's reading fills what it left empty
        fallback = page_from_html(html)
        page.title = page.title or fallback.title
        page.date = page.date or fallback.date
        page.outlet = page.outlet or fallback.outlet
        page.url = page.url or fallback.url
    return page


def _paragraphs(body) -> str:
    """trafilatura's article tree as text: each block a paragraph, each list item and table row one too."""
    paragraphs = []
    for block in body:
        if block.tag == "list":
            parts = [_words(item) for item in block.findall("item")]
        elif block.tag == "table":
            parts = [" | ".join(_words(cell) for cell in row.findall("cell")) for row in block.iter("row")]
        else:
            parts = [_words(block)]
        paragraphs += [part for part in parts if part.strip(" |")]
    return "\n\n".join(paragraphs) + ("\n" if paragraphs else "")


def _words(element) -> str:
    """An element's text on one line; a line break (<lb/>) is a space, so words either side stay apart."""
    for line_break in element.iter("lb"):
        line_break.tail = " " + (line_break.tail or "")
    return " ".join("".join(element.itertext()).split())


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) if value and value.strip() else None
