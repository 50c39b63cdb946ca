"""Quotes: direct, partial and indirect quotes of one document, each with its cue and its speaker
resolved to a canonical name.

Takes a document's text (and its sentence spans); gives Quote records and the document's Speakers.
The stages: marks (quoted spans) → cues → attribution (cue to mention) → entities (mention to speaker).
"""
from factcli.extract.quotes.pipeline import extract_quotes

__all__ = ["extract_quotes"]
