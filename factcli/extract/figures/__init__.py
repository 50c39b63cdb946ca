"""Figures: numeric claims read from text, with value, unit, qualifier, what is counted and who claims it.

Takes a document's text and its quote records; gives Figure records. `extract_figures` loads on first
use, so the read path can import `units` without compiling the figure patterns.
"""

__all__ = ["extract_figures"]


def __getattr__(name: str):
    if name == "extract_figures":
        from factcli.extract.figures.pipeline import extract_figures

        return extract_figures
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
