"""Indexing: walks documents, extracts them in worker processes, and stores the records in SQLite.

Takes paths (through `read`) and the extractors; gives the index file, opened for reading by `database`.
"""
