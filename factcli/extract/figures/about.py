"""`about`: what a figure counts or measures, in at most six words a person reads at a glance.

It starts with the figure's own noun phrase and a colon ("federal budget deficit: America's, bring") and goes
on with the content words of its clause nearest to the number, each kept where it stands in the sentence and
words that stand together kept together ("US oil prices closed, barrel"): the subject it is said of, the thing
it is a share of, the verb that moves it; in a live page, the topic of the section's heading ("Black Sea grain
deal"). The number's own words and its unit are not repeated; a name comes whole. The sentence and the section
heading stay searchable through the full-text index, not through `about`.
"""
from __future__ import annotations

from factcli.extract.figures.numbers import SCALES, SMALL
from factcli.extract.figures.patterns import CONTENT_WORD, NOT_CONTEXT
from factcli.extract.records import Figure

ABOUT_WORDS = 6
# Words that say nothing of what is counted: numbers (other figures' own), ordinals, pronouns, contractions.
_NOT_ABOUT = frozenset([*SMALL, *SCALES, "hundred", "dozen", "first", "second", "third", "fourth", "fifth", "us", "me",
                        "him", "you", "i", "we", "our", "its", "their", "something", "anything", "everything"])
_NOT_ABOUT_ENDINGS = ("ly", "n't", "n’t", "'re", "’re", "'m", "’m", "'ll", "’ll", "'ve", "’ve", "'d", "’d")
# Words of the figure's own phrase kept before the context words.
_OWN_WORDS = 3
# Words of the section heading that name the topic, when the figure has one.
_TOPIC_WORDS = 4
_HEADING_LABELS = frozenset("analysis live update updates latest breaking opinion explainer watch".split())
# How far either side of the figure context words are looked for.
_REACH = 200


def _stems(text: str) -> set[str]:
    """Lower-case five-letter stems of a text's words: "years" repeats "year", "prices" "price"."""
    return {w.lower()[:5] for w in CONTENT_WORD.findall(text)}


class Context:
    """`about` for each figure of one document (its text with links blanked, `work`)."""

    def __init__(self, work: str) -> None:
        self._work = work
        self._topics: dict[tuple[int, int], list[str]] = {}

    def about(self, figure: Figure, sentence: tuple[int, int], heading: tuple[int, int] | None = None) -> str | None:
        work = self._work
        printed = _stems(f"{work[figure.start:figure.end]} {figure.unit or ''}")
        own = (figure.about or "").split()[:_OWN_WORDS]
        if all(w.lower()[:5] in printed for w in own):
            own = []  # "years" after "six years" says nothing new
        seen = printed | {w.lower()[:5] for w in own}
        lo, hi = max(sentence[0], figure.start - _REACH), min(sentence[1], figure.end + _REACH)
        near: list[tuple[int, int, int, str]] = []  # (distance, start, end, word)
        for m in CONTENT_WORD.finditer(work, lo, hi):
            word = m.group()
            lower = word.lower()
            if lower in NOT_CONTEXT or lower.split("-")[0] in _NOT_ABOUT or lower.endswith(_NOT_ABOUT_ENDINGS) \
                    or lower[:5] in seen or m.end() > figure.start and m.start() < figure.end:
                continue
            distance = figure.start - m.end() if m.end() <= figure.start else m.start() - figure.end
            near.append((distance, m.start(), m.end(), word))
        in_order = sorted((start, end, word) for _, start, end, word in near)
        index = {start: i for i, (start, _, _) in enumerate(in_order)}
        near.sort()
        picked: list[tuple[int, int, str]] = []
        for _, start, end, word in near:
            if len(own) + len(picked) >= ABOUT_WORDS:
                break
            # a name comes whole ("New York", not "New") or not at all
            group = self._name_around(in_order, index[start]) if word[0].isupper() else [(start, end, word)]
            group = [g for g in group if g[2].lower()[:5] not in seen]
            if group and len(own) + len(picked) + len(group) <= ABOUT_WORDS:
                seen.update(g[2].lower()[:5] for g in group)
                picked += group
        # a section's heading, not the document's title: the title is the whole story's
        topic = self._topic(heading, seen) if heading is not None and work[:heading[0]].strip() else []
        topic = topic[:ABOUT_WORDS - len(own)]
        if topic:  # the section's topic ("Wagner recruitment") before the farthest words of the sentence
            picked = sorted(picked, key=lambda p: abs(p[0] - figure.start))[:ABOUT_WORDS - len(own) - len(topic)]
        parts: list[str] = []
        previous_end = -1
        for start, end, word in sorted(picked):
            if previous_end >= 0 and not work[previous_end:start].strip():
                parts[-1] += " " + word  # words that stand together in the sentence stay together
            else:
                parts.append(word)
            previous_end = end
        if topic:
            parts.append(" ".join(topic))
        context = ", ".join(parts)
        if own:  # "wheat: farmers shipped, canal": what is counted, then where the sentence puts it
            return f"{' '.join(own)}: {context}" if context else " ".join(own)
        return context or None

    def _name_around(self, words: list[tuple[int, int, str]], i: int) -> list[tuple[int, int, str]]:
        """The capitalised words next to words[i] with only spaces between: the whole of a name."""
        first = last = i
        while first > 0 and words[first - 1][2][0].isupper() and not self._work[words[first - 1][1]:
                                                                                   words[first][0]].strip():
            first -= 1
        while last + 1 < len(words) and words[last + 1][2][0].isupper() and not self._work[words[last][1]:
                                                                                           words[last + 1][0]].strip():
            last += 1
        return words[first:last + 1]

    def _topic(self, heading: tuple[int, int], seen: set[str]) -> list[str]:
        """What a section heading is about: its longest run of content words ("Turkish President Erdogan
        announces extension of Ukraine Black Sea grain deal" gives "Black Sea grain deal"), its last words
        when long, and words the figure's own already say left out."""
        if heading not in self._topics:
            runs: list[list[str]] = []
            previous_end = -1
            for m in CONTENT_WORD.finditer(self._work, heading[0], heading[1]):
                lower = m.group().lower()
                if lower in NOT_CONTEXT or lower in _HEADING_LABELS:
                    previous_end = -1
                    continue
                if previous_end < 0 or self._work[previous_end:m.start()].strip():
                    runs.append([])
                runs[-1].append(m.group())
                previous_end = m.end()
            self._topics[heading] = max(reversed(runs), key=len, default=[])  # the later of equally long runs
        return [w for w in self._topics[heading] if w.lower()[:5] not in seen][-_TOPIC_WORDS:]
