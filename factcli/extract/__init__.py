"""Extraction: pure functions from a document's text to records, with no I/O.

Takes decoded text and its sentence spans (from `read`); gives Quote, Figure and Speaker records
(`records`) to the indexer. Imports nothing that needs SQLite, rich or Typer.
"""
