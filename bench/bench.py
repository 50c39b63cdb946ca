"""Benchmark factcli end to end: indexing speed, memory, lookups, start-up.

    python bench/bench.py [FOLDER] [--copies 20] [--runs 5] [--out bench/out/report.json]

Indexes FOLDER (default ../shared/corpora/bbc), re-indexes it unchanged,
then builds a corpus of COPIES distinct copies of it (each file gets a line
naming its copy, so no content-hash shortcut applies) and indexes that.
Lookups, and the completion of a speaker's name as bash asks for it, run as
subprocesses, as a user, a script or a shell runs them, and report the
median of RUNS. Peak memory is the summed resident size of factcli and its
worker processes, sampled every 100 ms (each sample reads all of /proc, a few
ms of CPU that a finer interval would take from the run it measures). Prints a
table and writes JSON.
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACTCLI = [sys.executable, "-m", "factcli"]
LOOKUPS = {
    "quote NAME --json": ["quote", "{speaker}", "--json"],
    "figure TOPIC --json": ["figure", "{topic}", "--json"],
    "search QUERY --json": ["search", "{query}", "--json"],
    "speakers --json": ["speakers", "--json"],
    "check TEXT --json": ["check", "{text}", "--json"],
    "compare TOPIC --json": ["compare", "{topic}", "--json"],
    "compare --json": ["compare", "--json"],
}
SAMPLE_SECONDS = 0.1
FLOORS = {"index": 8.0, "reindex": 2.0, "index_large": 120.0, "peak_mb": 500.0, "lookup_ms": 150.0,
          "lookup_large_ms": 200.0, "help_ms": 150.0}
# Lookups with a target of their own, "well under a second" (small corpus, large corpus): check aligns its
# candidates word by word; compare without a topic reads every figure.
LOOKUP_FLOORS = {"check TEXT --json": (1000.0, 1000.0), "compare TOPIC --json": (1000.0, 1000.0),
                 "compare --json": (1000.0, 1000.0)}


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total = 0
    for child in parents:
        node = child
        while node and node != pid:
            node = parents.get(node, 0)
        if node == pid:
            total += rss.get(child, 0)
    return total / 2**20


def run_measured(argv: list[str], env: dict) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall seconds and peak tree memory (MB) of one command."""
    peak = 0.0
    started = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(process.pid))
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed ({process.returncode}): {stderr.strip()}")
    return seconds, peak, subprocess.CompletedProcess(argv, process.returncode, stdout, stderr)


def median_ms(argv: list[str], env: dict, runs: int) -> float:
    times = []
    for _ in range(runs + 1):  # the first run warms the page cache
        started = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times[1:])


def folder_stats(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and p.suffix in (".txt", ".md")]
    return len(files), sum(p.stat().st_size for p in files)


def replicate(folder: Path, target: Path, copies: int) -> None:
    for copy in range(copies):
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in (".txt", ".md"):
                out = target / f"copy{copy:03d}" / path.relative_to(folder)
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(path.read_bytes() + f"\n(benchmark copy {copy})\n".encode())


def measure_corpus(label: str, folder: Path, db: Path, env: dict, args, report: dict) -> None:
    files, size = folder_stats(folder)
    env = {**env, "FACTCLI_DB": str(db)}
    seconds, peak, result = run_measured([*FACTCLI, "index", str(folder)], env)
    mb = size / 2**20
    entry = {"files": files, "mb": round(mb, 2), "index_s": round(seconds, 2), "mb_per_s": round(mb / seconds, 2),
             "files_per_s": round(files / seconds), "s_per_mb": round(seconds / mb, 3), "peak_mb": round(peak),
             "db_mb": round(db.stat().st_size / 2**20, 1), "summary": result.stderr.strip().splitlines()[-1]}
    seconds, _, _ = run_measured([*FACTCLI, "index", str(folder)], env)
    entry["reindex_s"] = round(seconds, 2)
    names = {"speaker": args.speaker, "topic": args.topic, "query": args.query, "text": args.text}
    entry["lookups_ms"] = {
        name: round(median_ms([*FACTCLI, *[a.format(**names) for a in argv]], env, args.runs))
        for name, argv in LOOKUPS.items()
    }
    # what bash runs when Tab is pressed after `factcli quote Bla`: a name lookup the launcher answers
    completion = {**env, "_FACTCLI_COMPLETE": "complete_bash", "COMP_WORDS": f"factcli quote {args.speaker[:3]}",
                  "COMP_CWORD": "2"}
    entry["lookups_ms"]["complete quote NAME (bash)"] = round(median_ms(FACTCLI, completion, args.runs))
    report[label] = entry


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpora" / "bbc"))
    parser.add_argument("--copies", type=int, default=20, help="copies in the large corpus (0 to skip it)")
    parser.add_argument("--runs", type=int, default=5, help="runs per lookup; the median is reported")
    parser.add_argument("--speaker", default="Blair")
    parser.add_argument("--topic", default="profit")
    parser.add_argument("--query", default="election")
    parser.add_argument("--text", default="nothing is going to get in the way of a unified Labour Party")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "report.json"))
    args = parser.parse_args()
    folder = Path(args.folder)
    # as an installed package is: byte-compiled, so no run pays for compiling factcli's sources
    compileall.compile_dir(ROOT / "factcli", quiet=1)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    report: dict = {"machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]}}
    with tempfile.TemporaryDirectory(prefix="factcli-bench-") as tmp:
        work = Path(tmp)
        report["help_ms"] = round(median_ms([*FACTCLI, "--help"], env, args.runs))
        measure_corpus("corpus", folder, work / "small.db", env, args, report)
        if args.copies:
            replicate(folder, work / "large", args.copies)
            measure_corpus("large", work / "large", work / "large.db", env, args, report)
            shutil.rmtree(work / "large")
    print_table(report)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nreport written to {out}")
    return 0


def print_table(report: dict) -> None:
    rows = [("factcli --help", f"{report['help_ms']} ms", FLOORS["help_ms"], "ms")]
    for label in ("corpus", "large"):
        if label not in report:
            continue
        entry = report[label]
        big = label == "large"
        rows += [
            (f"index {label} ({entry['mb']} MB, {entry['files']} files)",
             f"{entry['index_s']} s = {entry['mb_per_s']} MB/s, {entry['files_per_s']} files/s, "
             f"{entry['s_per_mb']} s/MB", FLOORS["index_large" if big else "index"], "s"),
            (f"re-index {label} unchanged", f"{entry['reindex_s']} s", None if big else FLOORS["reindex"], "s"),
            (f"peak memory indexing {label}", f"{entry['peak_mb']} MB", FLOORS["peak_mb"], "MB"),
            (f"database size {label}", f"{entry['db_mb']} MB", None, ""),
        ]
        for name, ms in entry["lookups_ms"].items():
            floor = FLOORS["lookup_large_ms" if big else "lookup_ms"]
            if name in LOOKUP_FLOORS:
                floor = LOOKUP_FLOORS[name][big]
            rows.append((f"{name} on {label}", f"{ms} ms", floor, "ms"))
    width = max(len(r[0]) for r in rows)
    print(f"{'what':{width}}  measured  (floor)")
    for what, measured, floor, unit in rows:
        print(f"{what:{width}}  {measured}" + (f"  (floor {floor:g} {unit})" if floor else ""))


if __name__ == "__main__":
    sys.exit(main())
