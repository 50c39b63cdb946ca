"""Lookups: the read path over the index (`query`, standard-library sqlite3 only) and every output format
(`render`: table, TSV, JSON, JSON Lines, CSV).

Takes an open index connection; gives records to the command layer.
"""
