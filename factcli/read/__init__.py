"""Reading: finding files, decoding them (text, Markdown, HTML, JSON, JSON Lines, stdin) into documents,
and splitting text into paragraphs and sentences.

Takes paths; gives Documents (`documents`) and text spans (`text`) to extraction and the indexer.
"""
