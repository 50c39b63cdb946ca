"""Walk paths, extract records in worker processes, write them from one writer.

Workers read, decode and extract (the CPU-heavy part); the parent process is
the only writer and commits documents in batches, so a killed run loses at
most the batch in flight and the next run completes the job.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from factcli.extract.records import Extraction
from factcli.index.store import Store
from factcli.read.documents import (
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    Candidate,
    Document,
    Problem,
    find_candidates,
    parse_documents,
    read_file,
)
from factcli.read.text import sentence_spans

# Documents written per transaction, and the longest a batch stays open.
BATCH_DOCUMENTS = 200
BATCH_SECONDS = 1.0
# Below this many files, worker start-up costs more than it saves.
PARALLEL_MIN_FILES = 16
# Files handed to the workers at a time, and how many such windows are in flight.
WINDOW_FILES = 256
WINDOWS_IN_FLIGHT = 2


@dataclass
class Summary:
    """What one `index` run did."""

    documents: int = 0
    quotes: int = 0
    figures: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    pruned: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)


@dataclass(slots=True)
class Extracted:
    """A worker's result for one changed document."""

    document: Document
    extraction: Extraction
    sentences: list[tuple[int, int]]


@dataclass(slots=True)
class Unchanged:
    """Documents of a file whose bytes are as indexed."""

    count: int


@dataclass(slots=True)
class Gone:
    """Documents a changed file no longer holds (objects removed from a JSON export)."""

    keys: list[str]


Result = Extracted | Unchanged | Gone | Problem


def _load_extractors():
    """The extractors, imported on first use: a run that finds nothing changed never compiles their patterns."""
    from factcli.extract.figures import extract_figures
    from factcli.extract.quotes import extract_quotes

    return extract_quotes, extract_figures


def extract_document(document: Document) -> tuple[Extraction, list[tuple[int, int]]]:
    """All records of one document; pure, so it runs in any process."""
    extract_quotes, extract_figures = _load_extractors()
    sentences = sentence_spans(document.text)
    quotes, speakers = extract_quotes(document.text, sentences=sentences)
    figures = extract_figures(document.text, quotes, sentences)
    return Extraction(quotes=quotes, figures=figures, speakers=speakers), sentences


def _extract(document: Document) -> Extracted:
    extraction, sentences = extract_document(document)
    return Extracted(document, extraction, sentences)


def _work(task: tuple[Candidate, bytes, list[str]]) -> list[Result]:
    """Parse one changed file and extract each of its documents."""
    candidate, raw, known_keys = task
    documents = parse_documents(candidate, raw)
    if isinstance(documents, Problem):
        return [documents]
    results: list[Result] = [_extract(document) for document in documents]
    gone = sorted(set(known_keys) - {document.key for document in documents})
    return [*results, Gone(gone)] if gone else results


class Indexer:
    """One index run over a database connection."""

    def __init__(self, conn: sqlite3.Connection, jobs: int | None = None,
                 on_note: Callable[[str], None] = lambda message: None) -> None:
        self.on_note = on_note
        self.store = Store(conn, on_wait=lambda: on_note("factcli: waiting for another index run to finish"))
        self.jobs = jobs or os.cpu_count() or 1
        self._html_ready = False

    def run(
        self,
        paths: list[Path],
        *,
        prune: bool = False,
        rebuild: bool = False,
        on_problem: Callable[[Problem], None] = lambda problem: None,
        on_progress: Callable[[int, int], None] = lambda done, total: None,
    ) -> Summary:
        """Index files and folders. A rebuild is one transaction: until it commits, the old index stands."""
        started = time.perf_counter()
        summary = Summary()
        candidates: list[Candidate] = []
        seen: set[Path] = set()
        for found in find_candidates(paths):
            if isinstance(found, Problem):
                self._record_problem(found, summary, on_problem)
            elif found.path not in seen:
                seen.add(found.path)
                candidates.append(found)
        results = self._results(candidates, {} if rebuild else self.store.known_documents())
        if rebuild:
            with self.store.transaction():
                self.store.delete_everything()
                for done, result in enumerate(results, start=1):
                    self._apply(result, summary, on_problem)
                    on_progress(done, len(candidates))
                self._tidy(summary, prune)
        else:
            self._write_in_batches(results, summary, len(candidates), on_problem, on_progress)
            with self.store.transaction():
                self._tidy(summary, prune)
        summary.seconds = time.perf_counter() - started
        return summary

    def index_documents(self, documents: Iterable[Document]) -> Summary:
        """Index documents already in memory (standard input)."""
        started = time.perf_counter()
        summary = Summary()
        known = self.store.known_documents()
        results = [Unchanged(1) if known.get(d.key) == d.sha256 else _extract(d) for d in documents]
        self._write_in_batches(iter(results), summary, len(results), lambda p: None, lambda d, t: None)
        with self.store.transaction():
            self._tidy(summary, prune=False)
        summary.seconds = time.perf_counter() - started
        return summary

    def _results(self, candidates: list[Candidate], known: dict[str, str]) -> Iterator[Result]:
        """Results in file order. Files are read and hashed here, so unchanged ones never reach a worker."""
        by_path: dict[str, dict[str, str]] = {}
        for key, sha256 in known.items():
            by_path.setdefault(_file_of(key), {})[key] = sha256

        def changed() -> Iterator[tuple[Candidate, bytes, list[str]] | Result]:
            for candidate in candidates:
                raw = read_file(candidate)
                if isinstance(raw, Problem):
                    yield raw
                    continue
                indexed = by_path.get(str(candidate.path), {})
                if indexed and set(indexed.values()) == {hashlib.sha256(raw).hexdigest()}:
                    yield Unchanged(len(indexed))
                else:
                    if candidate.path.suffix.lower() in HTML_SUFFIXES:
                        self.prepare_html_reader()
                    yield candidate, raw, list(indexed)

        items = changed()
        if self.jobs <= 1 or len(candidates) < PARALLEL_MIN_FILES:
            for item in items:
                yield from [item] if not isinstance(item, tuple) else _work(item)
            return
        # Two windows in flight: workers never wait for the writer, and results waiting
        # to be written stay bounded however large the corpus is. The pool starts only
        # when some file has changed.
        with ExitStack() as stack:
            pool = None
            in_flight: deque = deque()
            for window in _windows(items, WINDOW_FILES):
                tasks = [item for item in window if isinstance(item, tuple)]
                if tasks and pool is None:
                    _load_extractors()  # once here, not in each worker
                    context = multiprocessing.get_context(_start_method())
                    pool = stack.enter_context(context.Pool(self.jobs, initializer=_ignore_interrupts))
                in_flight.append((window, pool.imap(_work, tasks, chunksize=8) if tasks else iter(())))
                if len(in_flight) == WINDOWS_IN_FLIGHT:
                    yield from _in_order(*in_flight.popleft())
            for window, extracted in in_flight:
                yield from _in_order(window, extracted)

    def prepare_html_reader(self) -> None:
        """Before the first changed page: load the page reader here, before workers fork, and say once
        when pages are read without the `html` extra."""
        if self._html_ready:
            return
        self._html_ready = True
        from factcli.read.article import trafilatura_installed

        if not trafilatura_installed():
            self.on_note('factcli: reading web pages with the built-in reader; pip install "factcli[html]" '
                         "reads them better (trafilatura)")

    def _write_in_batches(self, results: Iterator[Result], summary: Summary, total: int, on_problem,
                          on_progress) -> None:
        done = 0
        while True:
            batch_started = time.perf_counter()
            written = 0
            with self.store.transaction():
                for result in results:
                    done += 1
                    written += 1
                    self._apply(result, summary, on_problem)
                    on_progress(done, total)
                    if written >= BATCH_DOCUMENTS or time.perf_counter() - batch_started > BATCH_SECONDS:
                        break
                else:
                    return

    def _tidy(self, summary: Summary, prune: bool) -> None:
        """End of a run: drop documents whose files are gone, then, if anything changed, merge and recount speakers."""
        if prune:
            gone = [key for key, path in self.store.document_keys() if path and not os.path.exists(path)]
            summary.pruned += self.store.prune(gone)
        if summary.documents or summary.pruned:
            self.store.finish()

    def _apply(self, result: Result, summary: Summary, on_problem) -> None:
        if isinstance(result, Unchanged):
            summary.unchanged += result.count
        elif isinstance(result, Gone):
            summary.pruned += self.store.prune(result.keys)
        elif isinstance(result, Problem):
            self._record_problem(result, summary, on_problem)
        else:
            self.store.replace_document(result.document, result.extraction, result.sentences)
            summary.documents += 1
            summary.quotes += len(result.extraction.quotes)
            summary.figures += len(result.extraction.figures)

    @staticmethod
    def _record_problem(problem: Problem, summary: Summary, on_problem) -> None:
        summary.problems.append(problem)
        if problem.unreadable:
            summary.failed += 1
        else:
            summary.skipped += 1
        on_problem(problem)


def _file_of(key: str) -> str:
    """The file a document key belongs to: "/a/feed.jsonl#3" -> "/a/feed.jsonl"; "/a/b#1.txt" is its own."""
    path, _, number = key.rpartition("#")
    return path if number.isdigit() and path.lower().endswith(tuple(JSON_SUFFIXES)) else key


def _in_order(window: list, extracted: Iterator[list[Result]]) -> Iterator[Result]:
    """A window's results in file order: workers' results where files changed, the others as they were."""
    for item in window:
        yield from next(extracted) if isinstance(item, tuple) else [item]


def _windows(items: Iterable, size: int) -> Iterator[list]:
    window: list = []
    for item in items:
        window.append(item)
        if len(window) == size:
            yield window
            window = []
    if window:
        yield window


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops them and rolls back quietly; SIGTERM, which the
    parent turns into the same, ends a worker as usual (that is how the pool stops its workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _start_method() -> str:
    # fork shares the imported extractors with the workers at no cost
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"

