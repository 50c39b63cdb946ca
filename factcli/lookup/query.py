"""The read path: lookups over an open index, returning contract records.

Standard library sqlite3 only. Speaker names are matched in Python over the
small speakers table, then records are fetched by indexed speaker id; words
are matched through the FTS5 tables, so no lookup scans quotes or figures.
Every query binds its parameters; user text only ever reaches FTS5 as
quoted words.
"""
from __future__ import annotations

import re
import sqlite3

_WORD = re.compile(r"\w+", re.UNICODE)
# Words at least this long match as prefixes of their stem; shorter ones match exactly ("us" is not "used").
MIN_PREFIX = 4
# `figure TOPIC` re-ranks this many best full-text matches (per record shown, and at least) in Python.
RERANK_FACTOR, RERANK_MIN = 5, 100


# The contract's fields first; fields added later come after them.
METADATA_FIELDS = ("title", "date", "outlet", "url")
QUOTE_FIELDS = ("id", "speaker", "speaker_role", "text", "kind", "cue", "doc", "path", "line", "start", "end",
                "context", "speaker_mention", *METADATA_FIELDS)
FIGURE_FIELDS = ("id", "text", "value", "high", "unit", "qualifier", "about", "claimed_by", "doc", "path", "line",
                 "start", "end", "sentence", *METADATA_FIELDS)
HIT_FIELDS = ("id", "type", "text", "doc", "path", "line", "start", "end", "snippet")
SPEAKER_FIELDS = ("name", "type", "role", "aliases", "quotes", "figures")
SOURCE_FIELDS = ("doc", "path", "title", "date", "sha256", "size", "quotes", "figures", "indexed_at", "outlet", "url")

_QUOTE_SELECT = """
SELECT 'q' || q.id AS id, s.name AS speaker, q.speaker_role, q.text, q.kind, q.cue, d.doc, d.path, q.line,
       q.start, q."end", q.context, q.speaker_mention, d.title, d.date, d.outlet, d.url
FROM quotes q JOIN documents d ON d.id = q.document_id LEFT JOIN speakers s ON s.id = q.speaker_id
"""
_FIGURE_SELECT = """
SELECT 'f' || f.id AS id, f.text, f.value, f.high, f.unit, f.qualifier, f.about, s.name AS claimed_by, d.doc, d.path,
       f.line, f.start, f."end", f.sentence, d.title, d.date, d.outlet, d.url
FROM figures f JOIN documents d ON d.id = f.document_id LEFT JOIN speakers s ON s.id = f.claimed_by_id
"""


class Documents:
    """Which documents a lookup reads: by outlet, title or path, and by date (ISO prefixes, inclusive).

    Plain classes here, not dataclasses: importing dataclasses costs a lookup more than its query.
    """

    __slots__ = ("source", "since", "until")

    def __init__(self, source: str | None = None, since: str | None = None, until: str | None = None):
        self.source, self.since, self.until = source, since, until

    def where(self, alias: str = "d") -> tuple[list[str], list]:
        clauses, params = [], []
        if self.source:
            clauses.append(" OR ".join(f"instr(lower(coalesce({alias}.{column}, '')), lower(?)) > 0"
                                       for column in ("outlet", "title", "path", "doc", "url")).join("()"))
            params += [self.source] * 5
        if self.since:
            clauses.append(f"{alias}.date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"substr({alias}.date, 1, {len(self.until)}) <= ?")
            params.append(self.until)
        return clauses, params


EVERY_DOCUMENT = Documents()


class Result:
    """Records for one page of output and how many there were in all."""

    __slots__ = ("records", "total", "note")

    def __init__(self, records: list[dict], total: int, note: str | None = None):
        self.records, self.total, self.note = records, total, note


def fts_words(query: str) -> list[str]:
    """The words of a user's query, each safe to quote for FTS5."""
    return _WORD.findall(query)


def fts_expression(words: list[str], column: str | None = None, any_word: bool = False) -> str:
    """An FTS5 query matching each word and its other number ("member" finds "members", "children" "child")."""
    joined = (" OR " if any_word else " AND ").join(_fts_term(word) for word in words)
    return f"{{{column}}} : ({joined})" if column else joined


def _fts_term(word: str) -> str:
    stem = word_stem(word.lower())
    if len(stem) >= MIN_PREFIX:
        return '"' + stem.replace('"', '""') + '" *'
    return '"' + word.replace('"', '""') + '"'


def word_stem(word: str) -> str:
    """What a word's singular and plural forms share ("countries" -> "countr", "ships" -> "ship")."""
    from factcli.extract.figures.units import singular

    one = singular(word)
    if one.endswith("y") and len(one) > 3 and one[-2] not in "aeiou":
        one = one[:-1]  # "country" and "countries" share "countr"
    common = 0
    for a, b in zip(word, one, strict=False):
        if a != b:
            break
        common += 1
    return word[:common]


def quotes(conn: sqlite3.Connection, speaker_ids: list[int] | None = None, about: str | None = None,
           limit: int = 20, documents: Documents = EVERY_DOCUMENT) -> Result:
    """Quotes, optionally by some speakers and containing all words of `about`, in document order."""
    where, params = _quote_filters(speaker_ids, about, documents)
    if where is None:
        return Result([], 0)
    return _page(conn, _QUOTE_SELECT, where, params, "ORDER BY d.doc, q.start", limit, _quote_record)


def quote_groups(conn: sqlite3.Connection, speaker_ids: list[int] | None = None, about: str | None = None,
                 limit: int = 20, documents: Documents = EVERY_DOCUMENT) -> Result:
    """Quotes as a reader wants them: one row per thing said, with every place it was said listed.

    The same words from the same speaker are one record, the first occurrence with `repeats`, all
    occurrences. A partial quote inside a reported clause of the same speaker (`is "very, very unlikely,"`
    inside `Putin traveling there is "very, very unlikely`) is no row of its own: the clause's record
    carries it in `quoted`, (start, end) offsets into its text. `limit` and the total count rows.
    """
    where, params = _quote_filters(speaker_ids, about, documents)
    if where is None:
        return Result([], 0)
    inside = f"SELECT 1 FROM quotes i WHERE {_INSIDE_CLAUSE}"
    if about is not None:  # hidden only when the clause that holds it is shown
        inside += " AND i.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"
        params = [*params, fts_expression(fts_words(about), column="text")]
    where = [*where, f"NOT (q.kind = 'partial' AND EXISTS ({inside}))"]
    grouped = f"""SELECT group_concat(q.id) AS ids FROM quotes q JOIN documents d ON d.id = q.document_id
                  {" WHERE " + " AND ".join(where) if where else ""}
                  GROUP BY q.speaker_id, lower(q.text) ORDER BY min(d.doc), min(q.start)"""
    total = conn.execute(f"SELECT count(*) FROM ({grouped})", params).fetchone()[0]
    page = conn.execute(grouped + (" LIMIT ?" if limit else ""), [*params, limit] if limit else params).fetchall()
    groups = [[int(i) for i in row[0].split(",")] for row in page]
    members = [i for ids in groups for i in ids]
    found: dict[str, dict] = {}
    for start in range(0, len(members), 500):  # stay under SQLite's limit on bound parameters
        chunk = members[start:start + 500]
        for row in conn.execute(f"{_QUOTE_SELECT} WHERE q.id IN ({_marks(chunk)})", chunk):
            found[row["id"]] = _quote_record(row)
    quoted = _quoted_inside(conn, [ids[0] for ids in groups])
    records = []
    for ids in groups:
        occurrences = sorted((found[f"q{i}"] for i in ids), key=lambda r: (r["doc"], r["start"]))
        first = occurrences[0]
        records.append({**first, "repeats": occurrences, "quoted": quoted.get(int(first["id"][1:]), [])})
    return Result(records, total)


# Quote p is a partial quote inside reported clause i, said by the same speaker (or both by nobody named).
_INSIDE_CLAUSE = ("i.document_id = q.document_id AND i.kind = 'indirect' AND i.speaker_id IS q.speaker_id"
                  ' AND i.start <= q.start AND q.start < i."end"')


def _quoted_inside(conn: sqlite3.Connection, quote_ids: list[int]) -> dict[int, list[tuple[int, int]]]:
    """For each reported clause among quote_ids, the spans of its text that partial quotes inside it quote."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for start in range(0, len(quote_ids), 500):
        chunk = quote_ids[start:start + 500]
        for clause, begin, end in conn.execute(
            f"""SELECT i.id, q.start - i.start, min(q."end", i."end") - i.start FROM quotes i
                JOIN quotes q ON q.kind = 'partial' AND {_INSIDE_CLAUSE}
                WHERE i.id IN ({_marks(chunk)}) ORDER BY q.start""", chunk,
        ):
            spans.setdefault(clause, []).append((begin, end))
    return spans


def _quote_filters(speaker_ids, about, documents: Documents) -> tuple[list[str] | None, list]:
    where, params = documents.where()
    if speaker_ids is not None:
        where.append(f"q.speaker_id IN ({_marks(speaker_ids)})")
        params += speaker_ids
    if about is not None:
        words = fts_words(about)
        if not words:
            return None, []
        where.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(fts_expression(words, column="text"))
    return where, params


def figures(conn: sqlite3.Connection, topic: str | None = None, unit: str | None = None,
            minimum: float | None = None, maximum: float | None = None, claimant_ids: list[int] | None = None,
            limit: int = 20, documents: Documents = EVERY_DOCUMENT) -> Result:
    """Figures about a topic, best match first; filters narrow by unit, value, claimant and document."""
    where, params = documents.where()
    if unit is not None:
        where.append("f.unit = ? COLLATE NOCASE")
        params.append(normalise_unit(unit))
    if minimum is not None:
        where.append("f.value >= ?")
        params.append(minimum)
    if maximum is not None:
        where.append("coalesce(f.high, f.value) <= ?")
        params.append(maximum)
    if claimant_ids is not None:
        where.append(f"f.claimed_by_id IN ({_marks(claimant_ids)})")
        params += claimant_ids
    if topic is None:
        return _page(conn, _FIGURE_SELECT, where, params, "ORDER BY d.doc, f.start", limit, _figure_record)
    words = fts_words(topic)
    if not words:
        return Result([], 0)
    candidates = max(limit * RERANK_FACTOR, RERANK_MIN) if limit else 0
    for any_word in (False, True):
        result = _figures_matching(conn, fts_expression(words, any_word=any_word), where, params, candidates)
        if result.total or len(words) == 1:
            break
    if any_word and result.total:
        result.note = "no figure matches every word; showing figures that match any of them"
    # a figure whose own words name the topic ("25 million tons" of grain) before one whose sentence does, and
    # of those a claim someone makes before the writer's own
    stems = [word_stem(word.lower()) or word.lower() for word in words]
    result.records.sort(key=lambda record: (-sum(stem in _own_words(record) for stem in stems),
                                            record["claimed_by"] is None))
    if limit:
        del result.records[limit:]
    return result


def _figures_matching(conn, expression: str, where: list[str], params: list, limit: int) -> Result:
    """Figures matching an FTS expression, best first. The columns are text, unit, about and sentence:
    what the number counts weighs most. With no other filter, only the best `limit` are joined."""
    score = "bm25(figures_fts, 2.0, 3.0, 4.0, 1.0)"
    if not where:
        total = conn.execute("SELECT count(*) FROM figures_fts WHERE figures_fts MATCH ?", [expression]).fetchone()[0]
        best = f"SELECT rowid, {score} AS score FROM figures_fts WHERE figures_fts MATCH ? ORDER BY score"
        best_params = [expression]
        if limit:
            best += " LIMIT ?"
            best_params.append(limit)
        select = _FIGURE_SELECT.replace("FROM figures f", f"FROM ({best}) m JOIN figures f ON f.id = m.rowid")
        rows = conn.execute(select + " ORDER BY m.score, d.doc, f.start", best_params)
        return Result([_figure_record(row) for row in rows], total)
    ranked = _FIGURE_SELECT.replace("FROM figures f", "FROM figures_fts JOIN figures f ON f.id = figures_fts.rowid")
    return _page(conn, ranked, [*where, "figures_fts MATCH ?"], [*params, expression],
                 f"ORDER BY {score}, d.doc, f.start", limit, _figure_record)


def own_phrase(about: str | None) -> str:
    """The figure's own noun phrase in `about`: before ": " ("wheat: farmers shipped"), or before " — " in
    indexes of earlier versions; "" when `about` holds only the words around the figure ("oil prices, barrel")."""
    about = about or ""
    for mark in (" — ", ": "):
        if mark in about:
            return about.split(mark, 1)[0]
    return "" if ", " in about else about


def _own_words(figure: dict) -> str:
    """A figure's text, unit and what it counts: `about` before its colon ("wheat: farmers shipped, canal"), or
    before " — " as indexes made before `about` became a short phrase wrote it."""
    about = own_phrase(figure["about"])
    return f"{figure['text']} {figure['unit'] or ''} {about}".lower()


def normalise_unit(unit: str) -> str:
    """What a user types for a unit, as extraction stores units ("tons" -> "ton", "$" -> "USD", "%" -> "percent",
    "km" -> "kilometer", "$ a month" -> "USD per month")."""
    from factcli.extract.figures.units import normalise_unit as normalise

    return normalise(unit)


# What `search` looks through: (type, id prefix, table); snippets come from the best-matching column.
SEARCHED = (("quote", "q", "quotes"), ("figure", "f", "figures"), ("sentence", "s", "sentences"))


def search(conn: sqlite3.Connection, query: str, limit: int = 20, documents: Documents = EVERY_DOCUMENT) -> Result:
    """Full-text search over quotes, figures and sentences, best match first.

    Each table gives its best matches by bm25 alone; only the hits shown are joined to their
    documents and get a snippet, so the cost follows the page, not the number of matches.
    """
    words = fts_words(query)
    if not words:
        return Result([], 0)
    expression = fts_expression(words)
    where, where_params = documents.where()
    total = 0
    ranked: list[tuple[float, int, int]] = []  # (bm25, index into SEARCHED, rowid)
    for searched, (_, _, table) in enumerate(SEARCHED):
        body = f"FROM {table}_fts WHERE {table}_fts MATCH ?"
        if where:
            body = (f"FROM {table}_fts JOIN {table} t ON t.id = {table}_fts.rowid "
                    f"JOIN documents d ON d.id = t.document_id WHERE {table}_fts MATCH ? AND {' AND '.join(where)}")
        params = [expression, *where_params]
        total += conn.execute(f"SELECT count(*) {body}", params).fetchone()[0]
        sql = f"SELECT {table}_fts.rowid, bm25({table}_fts) AS score {body} ORDER BY score"
        rows = conn.execute(sql + (" LIMIT ?" if limit else ""), [*params, limit] if limit else params)
        ranked += [(score, searched, rowid) for rowid, score in rows]
    ranked.sort()
    records = []
    for _, searched, rowid in ranked[:limit] if limit else ranked:
        kind, prefix, table = SEARCHED[searched]
        row = conn.execute(
            f"""SELECT '{prefix}' || t.id AS id, '{kind}' AS type, t.text, d.doc, d.path, t.line, t.start, t."end",
                snippet({table}_fts, -1, '[', ']', '…', 24) AS snippet
                FROM {table}_fts JOIN {table} t ON t.id = {table}_fts.rowid JOIN documents d ON d.id = t.document_id
                WHERE {table}_fts MATCH ? AND {table}_fts.rowid = ?""",
            [expression, rowid],
        ).fetchone()
        records.append({field: row[field] for field in HIT_FIELDS})
    return Result(records, total)


def speakers(conn: sqlite3.Connection, speaker_ids: list[int] | None = None, limit: int = 20,
             documents: Documents = EVERY_DOCUMENT) -> Result:
    """Who is quoted, how often, under which names; most quoted first. Counts cover the documents chosen."""
    doc_where, doc_params = documents.where()
    in_documents = ""
    if doc_where:
        in_documents = f" AND document_id IN (SELECT d.id FROM documents d WHERE {' AND '.join(doc_where)})"
    where, params = [], []
    if speaker_ids is not None:
        where.append(f"s.id IN ({_marks(speaker_ids)})")
        params += speaker_ids
    chosen = f"FROM speakers s {'WHERE ' + ' AND '.join(where) if where else ''}"
    if doc_where:
        counts = f"""SELECT s.id, s.name, s.type, s.role,
                   (SELECT count(*) FROM quotes WHERE speaker_id = s.id{in_documents}) AS quotes,
                   (SELECT count(*) FROM figures WHERE claimed_by_id = s.id{in_documents}) AS figures {chosen}"""
        params = [*doc_params, *doc_params, *params]
    else:  # the counts the indexer keeps
        counts = f"SELECT s.id, s.name, s.type, s.role, s.quotes, s.figures {chosen}"
    base = f"SELECT * FROM ({counts}) WHERE quotes + figures > 0"
    total = conn.execute(f"SELECT count(*) FROM ({base})", params).fetchone()[0]
    sql = base + " ORDER BY quotes DESC, figures DESC, name"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    rows = conn.execute(sql, params).fetchall()
    aliases: dict[int, list[str]] = {}
    ids = [row["id"] for row in rows]
    for speaker_id, alias in conn.execute(
        f"SELECT speaker_id, alias FROM aliases WHERE speaker_id IN ({_marks(ids)}) ORDER BY alias", ids
    ):
        aliases.setdefault(speaker_id, []).append(alias)
    records = [
        {"name": row["name"], "type": row["type"], "role": row["role"],
         "aliases": [a for a in aliases.get(row["id"], []) if a != row["name"]],
         "quotes": row["quotes"], "figures": row["figures"]}
        for row in rows
    ]
    return Result(records, total)


def sources(conn: sqlite3.Connection, limit: int = 20, documents: Documents = EVERY_DOCUMENT) -> Result:
    """The indexed documents, by name."""
    where, params = documents.where()
    sql = """
        SELECT d.doc, d.path, d.title, d.date, d.sha256, d.size,
               (SELECT count(*) FROM quotes WHERE document_id = d.id) AS quotes,
               (SELECT count(*) FROM figures WHERE document_id = d.id) AS figures, d.indexed_at, d.outlet, d.url
        FROM documents d"""
    return _page(conn, sql, where, params, "ORDER BY d.doc", limit, lambda row: {f: row[f] for f in SOURCE_FIELDS})


def show(conn: sqlite3.Connection, record_id: str) -> dict | None:
    """One quote, figure or sentence with its paragraph, document title and line."""
    match = re.fullmatch(r"([qfs])(\d{1,18})", record_id.strip().lower())
    if not match:
        return None
    prefix, number = match.group(1), int(match.group(2))
    if prefix == "q":
        row = conn.execute(_QUOTE_SELECT + " WHERE q.id = ?", [number]).fetchone()
        record = _quote_record(row) if row else None
        table = "quotes"
    elif prefix == "f":
        row = conn.execute(_FIGURE_SELECT + " WHERE f.id = ?", [number]).fetchone()
        record = _figure_record(row) if row else None
        table = "figures"
    else:
        row = conn.execute(
            """SELECT 's' || t.id AS id, 'sentence' AS type, t.text, d.doc, d.path, t.line, t.start, t."end"
               FROM sentences t JOIN documents d ON d.id = t.document_id WHERE t.id = ?""",
            [number],
        ).fetchone()
        record = {k: row[k] for k in ("id", "type", "text", "doc", "path", "line", "start", "end")} if row else None
        table = "sentences"
    if record is None:
        return None
    doc = conn.execute(
        f"SELECT d.title, d.text FROM {table} t JOIN documents d ON d.id = t.document_id WHERE t.id = ?", [number]
    ).fetchone()
    record["title"] = doc["title"]
    record["paragraph"] = paragraph_around(doc["text"], record["start"], record["end"])
    return record


def paragraph_around(text: str, start: int, end: int) -> str:
    """The paragraph (text between blank lines or line breaks) that holds start..end."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    return text[para_start: para_end if para_end != -1 else len(text)].strip()


def _page(conn, select: str, where: list[str], params: list, order: str, limit: int, to_record) -> Result:
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    base = select + clause
    total = conn.execute(f"SELECT count(*) FROM ({base})", params).fetchone()[0]
    sql = f"{base} {order}"
    page_params = list(params)
    if limit:
        sql += " LIMIT ?"
        page_params.append(limit)
    return Result([to_record(row) for row in conn.execute(sql, page_params)], total)


def _marks(values: list) -> str:
    return ",".join("?" * len(values))


def _quote_record(row: sqlite3.Row) -> dict:
    return {field: row[field] for field in QUOTE_FIELDS}


def _figure_record(row: sqlite3.Row) -> dict:
    record = {field: row[field] for field in FIGURE_FIELDS}
    for key in ("value", "high"):
        value = record[key]
        if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
            record[key] = int(value)
    return record
