"""Score the extractors on the seeds without the CLI or a database.

    python bench/score_seeds.py [--seeds DIR] [--out DIR]

Runs quotes and figures extraction over each seed file, writes Q.json and
F.json in the contract's shape, and runs ../shared/eval/score.py on them.
A fast loop for work on extraction; tests score the real CLI output.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcli.extract.figures import extract_figures  # noqa: E402
from factcli.extract.quotes import extract_quotes  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    parser.add_argument("--out", default="/tmp/factcli-score")
    parser.add_argument("--json", action="store_true", help="print only score.py's JSON")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    quotes, figures = [], []
    for path in sorted(Path(args.seeds).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found, _speakers = extract_quotes(text)
        quotes += [{"doc": path.name, **asdict(q)} for q in found]
        figures += [{"doc": path.name, **asdict(f)} for f in extract_figures(text, found)]
    (out / "Q.json").write_text(json.dumps(quotes, ensure_ascii=False, indent=1))
    (out / "F.json").write_text(json.dumps(figures, ensure_ascii=False, indent=1))
    scorer = ROOT.parent / "shared" / "eval" / "score.py"
    cmd = [sys.executable, str(scorer), "--quotes", str(out / "Q.json"), "--figures", str(out / "F.json")]
    if args.json:
        cmd.append("--json")
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
