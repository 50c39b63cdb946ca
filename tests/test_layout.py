"""The package's layout: one folder per stage, each importing only the stages before it, and no circles.

Imports are read from the source (every import statement, including those inside functions), so a lazy
import that breaks the order fails here as surely as a top-level one.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "factcli"
STAGES = ("read", "extract", "index", "lookup", "cli")
# What extraction must never need: it is pure functions from text to records.
NOT_IN_EXTRACT = ("sqlite3", "sqlite_utils", "rich", "typer", "click")
LARGEST_MODULE = 500


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[str]:
    """Every module `path` imports, as absolute names (relative imports resolved)."""
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append(base)
            found += [f"{base}.{alias.name}" for alias in node.names]  # "from factcli.lookup import query"
    return found


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _stage(module: str) -> int | None:
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else None


@pytest.mark.parametrize("module", [m for m in MODULES if _stage(m) is not None])
def test_a_stage_imports_only_the_stages_before_it(module):
    own = _stage(module)
    later = [name for name in _imports(MODULES[module])
             if name.startswith("factcli.") and (_stage(name) or 0) > own]
    assert later == [], f"{module} imports from a later stage"


@pytest.mark.parametrize("module", [m for m in MODULES if _stage(m) == STAGES.index("extract")])
def test_extraction_needs_no_database_and_no_terminal(module):
    heavy = [name for name in _imports(MODULES[module]) if name.split(".")[0] in NOT_IN_EXTRACT]
    assert heavy == []


def test_no_module_imports_itself_round_a_circle():
    graph = {m: {n for n in _imports(p) if n in MODULES and n != m} for m, p in MODULES.items()}
    # a package's __init__ is imported with each of its modules; that is not a circle of ours
    graph = {m: {n for n in deps if not m.startswith(n + ".")} for m, deps in graph.items()}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        if module in path:
            raise AssertionError("import circle: " + " -> ".join([*path[path.index(module):], module]))
        if module in done:
            return
        for dependency in sorted(graph[module]):
            visit(dependency, (*path, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())


def test_every_module_is_in_a_stage_folder():
    loose = [m for m in MODULES if _stage(m) is None and m not in ("factcli", "factcli.__main__")]
    assert loose == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module):
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= LARGEST_MODULE, f"{module} has {lines} lines: split it by job"


def test_extraction_imports_cleanly_on_its_own():
    """What the layout promises holds at run time too: the extractors load without SQLite, rich or Typer."""
    probe = ("import sys; from factcli.extract.quotes import extract_quotes; "
             "from factcli.extract.figures import extract_figures; extract_figures('10 tons', []); "
             f"print(sorted(m for m in {NOT_IN_EXTRACT!r} if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
