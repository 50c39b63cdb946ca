"""Walk paths, extract records in worker processes, write them from one writer.

Workers read, decode and extract (the CPU-heavy part); the parent process is
the only writer and commits documents in batches, so a killed run loses at
most the batch in flight and the next run completes the job.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from factcli.documents import Candidate, Document, Problem, find_candidates, read_documents
from factcli.figures import extract_figures
from factcli.quotes import extract_quotes
from factcli.records import Extraction
from factcli.store import Store
from factcli.text import sentence_spans

# Documents written per transaction, and the longest a batch stays open.
BATCH_DOCUMENTS = 200
BATCH_SECONDS = 1.0
# Below this many files, worker start-up costs more than it saves.
PARALLEL_MIN_FILES = 16


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

    key: str
    document: Document
    extraction: Extraction
    sentences: list[tuple[int, int]]


def extract_document(document: Document) -> tuple[Extraction, list[tuple[int, int]]]:
    """All records of one document; pure, so it runs in any process."""
    quotes, speakers = extract_quotes(document.text)
    figures = extract_figures(document.text, quotes)
    return Extraction(quotes=quotes, figures=figures, speakers=speakers), sentence_spans(document.text)


def _extract_changed(document: Document, known_sha256: str | None) -> Extracted | None:
    if known_sha256 == document.sha256:
        return None
    extraction, sentences = extract_document(document)
    return Extracted(document.key, document, extraction, sentences)


def _work(task: tuple[Candidate, dict[str, str]]) -> list[Extracted | Problem | None]:
    """Read one file and extract each of its documents that changed; None for an unchanged one."""
    candidate, known = task
    documents = read_documents(candidate)
    if isinstance(documents, Problem):
        return [documents]
    return [_extract_changed(document, known.get(document.key)) for document in documents]


class Indexer:
    """One index run over a database connection."""

    def __init__(self, conn: sqlite3.Connection, jobs: int | None = None) -> None:
        self.store = Store(conn)
        self.jobs = jobs or os.cpu_count() or 1

    def run(
        self,
        paths: list[Path],
        *,
        prune: bool = False,
        rebuild: bool = False,
        on_problem: Callable[[Problem], None] = lambda problem: None,
        on_progress: Callable[[int, int], None] = lambda done, total: None,
    ) -> Summary:
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
        known = {} if rebuild else self.store.known_documents()
        with self.store.transaction():
            if rebuild:
                self.store.delete_everything()
        results = self._results(candidates, known)
        self._write(results, summary, len(candidates), on_problem, on_progress)
        with self.store.transaction():
            if prune:
                gone = [key for key, path in self.store.document_keys() if path and not os.path.exists(path)]
                summary.pruned = self.store.prune(gone)
            self.store.finish()
        summary.seconds = time.perf_counter() - started
        return summary

    def index_documents(self, documents: Iterable[Document]) -> Summary:
        """Index documents already in memory (standard input)."""
        started = time.perf_counter()
        summary = Summary()
        known = self.store.known_documents()
        results = [_extract_changed(document, known.get(document.key)) for document in documents]
        self._write(iter(results), summary, len(results), lambda p: None, lambda d, t: None)
        with self.store.transaction():
            self.store.finish()
        summary.seconds = time.perf_counter() - started
        return summary

    def _results(self, candidates: list[Candidate], known: dict[str, str]) -> Iterator[Extracted | Problem | None]:
        """Results in file order; a file's known hashes travel with it (JSON files hold several documents)."""
        by_path: dict[str, dict[str, str]] = {}
        for key, sha256 in known.items():
            by_path.setdefault(key.split("#", 1)[0], {})[key] = sha256
        tasks = ((candidate, by_path.get(str(candidate.path), {})) for candidate in candidates)
        if self.jobs <= 1 or len(candidates) < PARALLEL_MIN_FILES:
            for results in map(_work, tasks):
                yield from results
            return
        with multiprocessing.get_context(_start_method()).Pool(self.jobs, initializer=_ignore_interrupts) as pool:
            for results in pool.imap(_work, tasks, chunksize=8):
                yield from results

    def _write(self, results, summary: Summary, total: int, on_problem, on_progress) -> None:
        done = 0
        results = iter(results)
        while True:
            batch_started = time.perf_counter()
            written = 0
            with self.store.transaction():
                for result in results:
                    done += 1
                    if result is None:
                        summary.unchanged += 1
                    elif isinstance(result, Problem):
                        self._record_problem(result, summary, on_problem)
                    else:
                        self.store.replace_document(result.key, result.document, result.extraction, result.sentences)
                        summary.documents += 1
                        summary.quotes += len(result.extraction.quotes)
                        summary.figures += len(result.extraction.figures)
                    written += 1
                    on_progress(done, total)
                    if written >= BATCH_DOCUMENTS or time.perf_counter() - batch_started > BATCH_SECONDS:
                        break
                else:
                    return

    @staticmethod
    def _record_problem(problem: Problem, summary: Summary, on_problem) -> None:
        summary.problems.append(problem)
        if problem.unreadable:
            summary.failed += 1
        else:
            summary.skipped += 1
        on_problem(problem)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops them and rolls back quietly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _start_method() -> str:
    # fork shares the imported extractors with the workers at no cost
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"

