"""Word lists as regular expressions, shared by the quote and figure extractors."""
from __future__ import annotations

import re


def alternation(words: list[str]) -> str:
    """A regex matching any of words, factored as a trie (common prefixes shared), so that matching costs one
    branch per letter instead of one per word: re scans such a pattern far faster than a plain alternation."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(tree)
