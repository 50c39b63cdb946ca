"""Names, roles and canonical names, within and across documents."""
from __future__ import annotations

from collections import Counter

import pytest

from factcli.extract.speakers import SpeakerTable, canonical_across, split_name

SPLITS = [
    ("Health Secretary Maria Lopez", "Maria Lopez", "Health Secretary", "person"),
    ("Mr Hale", "Hale", None, "person"),
    ("Former Deputy Mayor Ivan Petrov", "Ivan Petrov", "Former Deputy Mayor", "person"),
    ("state broadcaster RTK News", "RTK News", "state broadcaster", "organisation"),
    ("the World Health Organization", "World Health Organization", None, "organisation"),
    ("the Institute for Fiscal Studies", "Institute for Fiscal Studies", None, "organisation"),
    ("Anna Berg and Tom Hale", "Anna Berg", None, "person"),
]


@pytest.mark.parametrize(("phrase", "name", "role", "kind"), SPLITS)
def test_split_name(phrase, name, role, kind):
    mention = split_name(phrase)
    assert (mention.name, mention.role, mention.type) == (name, role, kind)


@pytest.mark.parametrize("phrase", ["critics", "Local residents", "Western officials", "the analysts"])
def test_groups_name_no_one(phrase):
    assert split_name(phrase) is None


def test_table_maps_short_forms_to_the_fullest_form():
    table = SpeakerTable()
    table.add(Counter({"Maria Lopez": 2, "Health Secretary Maria Lopez": 1, "World Health Organization": 1}))
    assert table.canonical("Lopez") == "Maria Lopez"
    assert table.canonical("Maria") == "Maria Lopez"
    assert table.canonical("WHO") == "World Health Organization"
    assert table.canonical("Hale") == "Hale"


def test_canonical_across_documents():
    names = ["Kirby", "John Kirby", "John Kirby", "Putin", "Vladimir Putin", "Smith", "Anna Smith", "Tom Smith",
             "Kremlin"]
    mapping = canonical_across(names)
    assert mapping["Kirby"] == "John Kirby"
    assert mapping["Putin"] == "Vladimir Putin"
    assert "Smith" not in mapping  # two people share the surname
    assert "Kremlin" not in mapping and "John Kirby" not in mapping


def test_canonical_across_is_pure():
    names = ["Lopez", "Maria Lopez"]
    assert canonical_across(names) == canonical_across(list(names))
    assert names == ["Lopez", "Maria Lopez"]


def test_first_names_used_for_one_gender_tell_a_pronoun_who_it_is_not():
    from factcli.extract.speakers import gender_of_name

    assert (gender_of_name("Karen Walsh"), gender_of_name("Hugh Richards")) == ("female", "male")
    assert gender_of_name("Robin Cook") is None  # a first name given to either
    assert gender_of_name("Karen") is None  # a lone word may be a surname


def test_he_does_not_go_to_a_woman_named_before():
    from factcli.extract.quotes import extract_quotes

    text = ("Hugh Richards flies planes for a living. Karen Walsh said the staff were proud of him. "
            "“My tremor has not stopped me flying,” he said.")
    found, _ = extract_quotes(text)
    assert [q.speaker for q in found if q.kind == "direct"] == ["Hugh Richards"]
    alone = extract_quotes("Karen Walsh said the staff were proud. “My tremor is better,” he said.")[0]
    assert [q.speaker for q in alone if q.kind == "direct"] == [None]
