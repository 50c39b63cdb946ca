"""Names, roles and canonical names, within and across documents."""
from __future__ import annotations

import json
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


@pytest.mark.parametrize("phrase", ["critics", "Local residents", "Western officials", "the analysts", "Organizers",
                                    "Companies", "Investors"])
def test_groups_name_no_one(phrase):
    assert split_name(phrase) is None


def test_table_maps_short_forms_to_the_fullest_form():
    table = SpeakerTable()
    table.add(Counter({"Maria Lopez": 2, "Health Secretary Maria Lopez": 1, "World Health Organization": 1}))
    assert table.canonical("Lopez") == "Maria Lopez"
    assert table.canonical("Maria") == "Maria Lopez"
    assert table.canonical("WHO") == "World Health Organization"
    assert table.canonical("Hale") == "Hale"


def test_sir_and_a_first_name_is_the_knight_named_in_full():
    table = SpeakerTable()
    table.add(Counter({"Auditor General Sir John Bourn": 1, "Sir John": 2}))
    assert table.canonical("John") == "John Bourn"


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


@pytest.mark.parametrize(("surface", "name", "alias"), [
    ("Mr. Obama", "Barack Obama", True),
    ("President Obama", "Barack Obama", True),
    ("Obama", "Barack Obama", True),
    ("NATO", "North Atlantic Treaty Organization", True),
    ("the Daily Courier", "Daily Courier", True),
    ("the president", "Barack Obama", False),  # a description: another person in another year
    ("The company", "Vestey Group", False),
    ("Trump's early-morning tweets", "Donald Trump", False),
    ("The Glasgow Kelvin MP", "Ann Reid", False),  # shares no word with the name
    ("Pence and Sununu", "Mike Pence", False),
])
def test_aliases_are_names_only(surface, name, alias):
    from factcli.extract.speakers import is_name_alias

    assert is_name_alias(surface, name) is alias


@pytest.mark.parametrize(("role", "clean"), [
    ("White House press secretary", "White House press secretary"),
    ("the head of the Office of the President", "head of the Office of the President"),
    ("and industry commissioner", "industry commissioner"),
    ("said economy minister", "economy minister"),
    ("20-year-old politics student", "politics student"),
    ("the first woman to win the title on home ground", None),  # a clause, not a role
    ("one of the men lampooned in the poster", None),
    ("", None),
])
def test_roles_are_roles(role, clean):
    from factcli.extract.speakers import clean_role

    assert clean_role(role) == clean


def test_canonical_across_keeps_one_row_per_person_and_people_apart():
    names = ["Donald Trump", "Donald J. Trump", "Donald Trump", "Trump", "Erdogan", "Recep Tayyip Erdoğan",
             "Bill Clinton", "Hillary Clinton", "Clinton"]
    mapping = canonical_across(names)
    assert mapping["Donald J. Trump"] == "Donald Trump"
    assert mapping["Trump"] == "Donald Trump"
    assert mapping["Erdogan"] == "Recep Tayyip Erdoğan"  # spelled without the diacritic
    assert "Clinton" not in mapping and "Bill Clinton" not in mapping and "Hillary Clinton" not in mapping


def test_people_who_spoke_together_are_no_form_of_one_of_them():
    names = ["Redouane", "Nicolas Redouane", "Antoine Quirin and Nicolas Redouane", "Commission",
             "Securities and Exchange Commission"]
    mapping = canonical_across(names)
    assert mapping["Redouane"] == "Nicolas Redouane"  # the pair is not a second "Redouane"
    assert "Antoine Quirin and Nicolas Redouane" not in {*mapping, *mapping.values()}
    assert "Commission" not in mapping  # a surname has a fuller form; a body's last word does not


def test_a_word_of_a_body_is_no_short_form_of_it():
    mapping = canonical_across(["Times", "Financial Times", "Post", "Washington Post", "Kirby", "John Kirby"])
    assert mapping == {"Kirby": "John Kirby"}


@pytest.mark.parametrize(("phrase", "kind"), [
    ("Liberal Democrat", "organisation"),
    ("New Labour", "organisation"),
    ("Turkish Cypriot", "organisation"),
    ("Office for National Statistics", "organisation"),
    ("University of Colorado at Boulder", "organisation"),
    ("Council Leader Ann Lee", "person"),
    ("Ted Marsh of Boulder's Institute for Research", "person"),
])
def test_parties_and_bodies_are_organisations(phrase, kind):
    assert split_name(phrase).type == kind


def test_speakers_table_has_one_row_per_person_with_names_as_aliases(tmp_path):
    from .conftest import invoke

    (tmp_path / "a.txt").write_text(
        "Talks resume\n\nPresident Donald J. Trump met reporters. “We will win,” Mr. Trump said. "
        "“It is great,” the president said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Rally held\n\nRepublican Donald Trump spoke in Ohio. “The economy is strong,” Trump said.\n",
        encoding="utf-8")
    db = tmp_path / "x.db"
    assert invoke("index", tmp_path, db=db).exit_code == 0
    result = invoke("speakers", "--json", db=db)
    rows = [r for r in json.loads(result.stdout) if "Trump" in r["name"]]
    assert [r["name"] for r in rows] == ["Donald Trump"]
    assert rows[0]["type"] == "person" and rows[0]["quotes"] == 3
    assert all("Trump" in alias for alias in rows[0]["aliases"])  # "the president" is no alias
