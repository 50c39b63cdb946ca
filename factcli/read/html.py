"""Article text and metadata from a saved web page, with the standard library's parser.

The reader used when the `html` extra (trafilatura, article.py) is not installed. Navigation, scripts,
styles, forms, asides and elements classed as furniture (cookie banners, teasers, related links) are
dropped; block elements become paragraphs. When the page marks its article (a container named like an
article body, <article>, <main> or role="main"), only that part is kept. Metadata comes from JSON-LD,
Open Graph and standard <meta> tags, in that order of trust.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements whose whole content is page furniture, not article text.
SKIPPED = frozenset(
    "script style noscript template svg canvas iframe object nav header footer aside form button select "
    "textarea figure figcaption menu dialog".split()
)
BLOCKS = frozenset(
    "p div section article main li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr br hr dd dt address".split()
)
CELLS = frozenset(("td", "th"))
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
# class or id words that mark furniture inside the article
FURNITURE = re.compile(r"\b(?:nav|menu|breadcrumb|share|social|related|advert|ad-|ads|promo|newsletter|cookie|"
                       r"consent|gdpr|comments?|footer|header|topbar|masthead|sidebar|subscribe|trending|"
                       r"most-read|popular|more-stories|teasers?|recommended|outbrain|taboola|paywall)\b", re.I)
# class or id of the article body's container, preferred to <article> and <main> (CMS conventions:
# "story-body", "article__content", "entry-content", "post-text")
ARTICLE_BODY = re.compile(r"\b(?:article|story|post|entry)[-_]*(?:body|content|text)\b", re.I)
# What stands between a headline and the site's name in a page title: a spaced pipe, dash or double colon.
TITLE_SEPARATOR = re.compile(r"(\s+(?:\||-|–|—|::|»)\s+)")
# Kinds of article container, the most specific first.
BODY, ARTICLE, MAIN = 0, 1, 2
# A kind of container is passed over when the ones chosen of it hold less than this share of the text of
# the largest container of all (<article> elements that are only teaser cards while the story sits in
# <main>; a "story-text" that is only the standfirst).
SMALLEST_SHARE = 0.5


@dataclass(slots=True)
class _Container:
    """An element that may hold the article, and the text inside it."""

    kind: int
    signature: tuple[str, str]  # tag and class: a body split around an advert repeats it
    inside: frozenset[int]  # the containers it is nested in
    parts: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(len(part) for part in self.parts if not part.isspace())


@dataclass(slots=True)
class Page:
    text: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.all_parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping)
        self.containers: list[_Container] = []
        self.open_containers: list[tuple[int, int]] = []  # (stack position, index in containers)
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.title = ""
        self._in_title = False
        self._in_json_ld = False
        self._json_buffer: list[str] = []

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and values.get("content") and key not in self.meta:
                self.meta[key] = values["content"]
            return
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.meta.setdefault("canonical", values.get("href", ""))
            return
        if tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._in_json_ld = True
        if tag == "title":
            self._in_title = True
        if tag in VOID:
            if tag in BLOCKS:
                self._break()
            return
        furniture = FURNITURE.search(f"{values.get('class', '')} {values.get('id', '')}") is not None
        skip = self.skipping or tag in SKIPPED or furniture or values.get("hidden") is not None
        self.stack.append((tag, skip))
        kind = _article_kind(tag, values)
        if kind is not None:
            inside = frozenset(index for _, index in self.open_containers)
            self.open_containers.append((len(self.stack) - 1, len(self.containers)))
            self.containers.append(_Container(kind, (tag, values.get("class", "")), inside))
        if tag in BLOCKS:
            self._break()
        elif tag in CELLS:
            self._append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "script" and self._in_json_ld:
            self._in_json_ld = False
            self.json_ld.append("".join(self._json_buffer))
            self._json_buffer = []
        if tag in VOID:
            return
        # close up to the matching open tag; stray end tags are ignored
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                while self.open_containers and self.open_containers[-1][0] >= index:
                    self.open_containers.pop()
                del self.stack[index:]
                break
        if tag in BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self._json_buffer.append(data)
            return
        if self._in_title:
            self.title += data
            return
        if self.skipping:
            return
        self._append(data)

    def _break(self) -> None:
        self._append("\n\n")

    def _append(self, text: str) -> None:
        self.all_parts.append(text)
        for _, index in self.open_containers:
            self.containers[index].parts.append(text)


def _article_kind(tag: str, values: dict[str, str]) -> int | None:
    """Which kind of article container an element is, if any."""
    named = ARTICLE_BODY.search(f"{values.get('class', '')} {values.get('id', '')}") is not None
    if values.get("itemprop") == "articleBody" or (tag in ("div", "section") and named):
        return BODY
    if tag == "article":
        return ARTICLE
    if tag == "main" or values.get("role") == "main":
        return MAIN
    return None


def _article_parts(containers: list[_Container]) -> list[str]:
    """The article's text: the most specific kind of container that holds enough of the page's text, and of
    that kind the largest container with any others like it (not teaser cards, which are styled apart)."""
    largest = max((container.size for container in containers), default=0)
    for kind in (BODY, ARTICLE, MAIN):
        of_kind = [container for container in containers if container.kind == kind]
        best = max(of_kind, key=lambda container: container.size, default=None)
        if best is None or not best.size:
            continue
        chosen: dict[int, _Container] = {}
        for index, container in enumerate(containers):
            alike = container.kind == kind and container.signature == best.signature
            if alike and not container.inside & chosen.keys():
                chosen[index] = container
        if sum(container.size for container in chosen.values()) >= SMALLEST_SHARE * largest:
            return [part for container in chosen.values() for part in (*container.parts, "\n\n")]
    return []


def page_from_html(html: str) -> Page:
    """The article's text, paragraphs separated by blank lines, and what the page says about itself."""
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    parts = _article_parts(parser.containers) or parser.all_parts
    text = _paragraphs("".join(parts))
    meta = parser.meta
    ld = _json_ld_article(parser.json_ld)
    title = ld.get("headline") or meta.get("og:title") or meta.get("twitter:title") or parser.title.strip() or None
    date = (ld.get("datePublished") or meta.get("article:published_time") or meta.get("datepublished")
            or meta.get("date") or meta.get("pubdate") or meta.get("dc.date") or None)
    outlet = _name(ld.get("publisher")) or meta.get("og:site_name") or meta.get("application-name") or None
    url = meta.get("canonical") or meta.get("og:url") or _url(ld) or None
    outlet = _clean(outlet)
    return Page(text=text, title=_headline(_clean(title), outlet), date=date, outlet=outlet, url=url)


def _headline(title: str | None, outlet: str | None) -> str | None:
    """A page title without the site's name and section ("Headline | World | The Guardian" -> "Headline"):
    segments that name the outlet go, and so do short ones after a pipe, which headlines do not use."""
    if not title:
        return title
    segments = TITLE_SEPARATOR.split(title)
    if len(segments) == 1:
        return title
    names = {_site_key(outlet)} if outlet else set()
    kept = [segments[0]]
    for separator, segment in zip(segments[1::2], segments[2::2], strict=True):
        if _site_key(segment) in names or (separator.strip() == "|" and len(segment.split()) <= 4):
            continue
        kept += [separator, segment]
    if _site_key(kept[0]) in names and len(kept) > 2:  # "Outlet | Headline"
        kept = kept[2:]
    return "".join(kept)


def _site_key(name: str) -> str:
    """A site's name compared loosely: "The Guardian", "the guardian" and "Guardian" are one."""
    key = name.casefold().strip()
    return key[4:] if key.startswith("the ") else key


def _paragraphs(raw: str) -> str:
    paragraphs = []
    for block in re.split(r"\n\s*\n", raw):
        line = " ".join(block.split()).strip(" |")
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs) + ("\n" if paragraphs else "")


def _json_ld_article(blocks: list[str]) -> dict:
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            continue
        for item in _items(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            # NewsArticle, ReportageNewsArticle, ..., and the blog forms live coverage uses (LiveBlogPosting)
            if any(isinstance(k, str) and ("Article" in k or "BlogPosting" in k or k == "Report") for k in kinds):
                return item
    return {}


def _items(data) -> list[dict]:
    if isinstance(data, list):
        return [item for entry in data for item in _items(entry)]
    if isinstance(data, dict):
        return [data, *_items(data.get("@graph", []))]
    return []


def _name(value) -> str | None:
    if isinstance(value, dict):
        return value.get("name")
    if isinstance(value, list) and value:
        return _name(value[0])
    return value if isinstance(value, str) else None


def _url(ld: dict) -> str | None:
    page = ld.get("mainEntityOfPage")
    if isinstance(page, dict):
        page = page.get("@id")
    return ld.get("url") or (page if isinstance(page, str) else None)


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None
