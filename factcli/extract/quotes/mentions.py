"""Speaker phrases to mentions: the words that name a speaker ("the Kremlin’s press service",
"Niger's president Mahamadou Issoufou", "the Ukrainian statement") split into a name, a role and a type,
before entities.py links mentions to a document's entities.
"""
from __future__ import annotations

import re
from functools import lru_cache

from factcli.extract.speakers import ORG_WORDS, TITLE_WORDS, Mention, split_name

LEADING = frozenset("""the a an but and or so yet in on at after before during as when while if
    this that these those his her their its our my also then however meanwhile asked speaking""".split())
STATEMENT = frozenset("statement post report release communique message letter tweet decree".split())
SPEECH_NOUNS = frozenset("""comments comment remarks words statement letter tweet tweets speech post op-ed article
    interview message address testimony claims claim argument arguments warning response reply""".split())
# Nouns that stand for an organisation the document has named, whatever its name.
ORG_NOUNS = frozenset("""newspaper paper company firm bookmaker retailer airline regulator watchdog charity
    broadcaster carrier insurer manufacturer carmaker lender supermarket chain publisher label studio operator
    organisation organization business giant group tank agency body""".split())
PRESS = ("times", "post", "telegraph", "guardian", "herald", "journal", "mail", "mirror", "express", "tribune",
         "courier", "gazette", "independent", "observer", "star", "sun", "news", "standard", "chronicle", "record")
ORG_HEADS = ORG_WORDS | frozenset("organisation organization group company firm body ministry court".split())


def strip_leading(phrase: str) -> str:
    """The phrase without the function words and lower-case words that lead into it ("But the minister")."""
    words = phrase.split()
    while len(words) > 1 and words[0].lower() in LEADING and words[1][:1].isupper():
        words = words[1:]
    while len(words) > 1 and words[0][:1].islower() and words[0].lower() not in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


TAIL = re.compile(r"(?:\s+(?:statement|report|post|press\s+service|spokesperson|spokesman|spokeswoman|"
                  r"office|embassy))+$")
POSSESSIVE_IN = re.compile(r"[’']s?\s")
POSSESSIVE_END = re.compile(r"[’']s?$")
ADJECTIVE_ONLY = re.compile(r"(?:[Tt]he\s+)?[A-Z][a-z]+(?:an|ese|ish|ic|i|ch)")
BODY_TAIL = re.compile(r"\s+(?:government|military|authorities|army|police|parliament)$")
GENERIC_TAIL = re.compile(r"\s+(?:ministry|court|office|embassy)$")


def mention_of(phrase: str) -> Mention | None:
    """A fresh Mention for phrase; the split is cached across documents, where the same phrases recur."""
    fields = mention_fields(phrase)
    return None if fields is None else Mention(*fields)


@lru_cache(maxsize=1 << 15)
def mention_fields(phrase: str) -> tuple[str, str | None, str, str | None] | None:
    mention = split_mention(phrase)
    return None if mention is None else (mention.name, mention.role, mention.type, mention.gender)


def split_mention(phrase: str) -> Mention | None:
    phrase = strip_leading(phrase)
    tail = TAIL.search(phrase)
    if tail:  # "a Ukrainian government statement", "the Kremlin press service", "the ministry’s spokesperson"
        phrase = POSSESSIVE_END.sub("", phrase[:tail.start()])
    if BODY_TAIL.search(phrase):  # "the Russian government" is a body of its own
        words = [w for w in phrase.split() if w.lower() not in ("the", "a", "an")]
        return Mention(" ".join(words), None, "organisation") if len(words) > 1 else None
    if re.search(r"[’']s?\s+[a-z]", phrase):
        owner, _, tail = re.split(r"([’']s?\s+)", phrase, maxsplit=1)
        head = tail.split()[-1].lower()
        if tail.split()[-1][:1].isupper():  # "Niger's president Mahamadou Issoufou": the person, with that role
            return split_name(phrase)
        if head not in ORG_HEADS | STATEMENT | SPEECH_NOUNS:
            return None  # "the band's singer": someone the text does not name
        mention = split_name(owner)  # "DeSantis’ comments", "the Kremlin’s press service"
        if mention is not None and head not in SPEECH_NOUNS and mention.gender is None and (
                " " not in mention.name or mention.type == "organisation"):
            mention.type = "organisation"  # "the Kremlin’s press service"; "Erdogan's office" stays Erdogan
        return mention
    return split_name(phrase)
