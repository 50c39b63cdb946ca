"""News conventions of quote attribution, each a table of examples written for the test."""
from __future__ import annotations

import pytest

from factcli.extract.quotes import extract_quotes
from factcli.extract.speakers import split_name


def speakers_of(text: str, kind: str = "direct") -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)[0] if q.kind == kind]


NAME_BOUNDARIES = [
    # an office's domain is no name, but a person after it is
    ("Secretary of State Perry", "Perry", "Secretary of State"),
    ("Minister for Women Jo Swinson", "Jo Swinson", "Minister"),
    # a capitalised word before a name is not part of it
    ("Republican Donald Trump", "Donald Trump", None),
    ("Crooked Hillary Clinton", "Hillary Clinton", None),
    ("Frenchman Cyril Dufour", "Cyril Dufour", None),
    ("Veteran Alan Pike", "Alan Pike", None),
    # an organisation before a person's name is the role, or no role at all
    ("Harbour Trust director Mei-lin Cho", "Mei-lin Cho", "Harbour Trust director"),
    ("the Shipping Federation Mary Oduya", "Mary Oduya", None),
    # particles keep a name whole; "of Egypt" is not part of it
    ("President Abdel Karim el-Hadi of Ruritania", "Abdel Karim el-Hadi", "President"),
    # honorifics with full stops are neither name nor sentence end
    ("Sen. Jeff Marlow", "Jeff Marlow", "Sen."),
    ("Lt. Gen. Ray Castle", "Ray Castle", "Lt. Gen."),
    ("Sir Digby Hale", "Digby Hale", None),
    # words before a name that are no role are dropped
    ("Toronto Top-seeded Andy Kell", "Andy Kell", None),
    # a group word before a title and a name is part of the role
    ("Police spokesman Marek Nowak", "Marek Nowak", "Police spokesman"),
    # a body before a title before a name; particles inside a name
    ("Bank of Kell Governor Mervyn Hale", "Mervyn Hale", "Bank of Kell Governor"),
    ("President of the Kell Commission Ursula von der Berg", "Ursula von der Berg", "President of the Kell Commission"),
    # "The" after "of" belongs to the body the person is with
    ("Ana Ruiz of The Kell Courier", "Ana Ruiz", None),
    # a hyphenated role word, and a title shared by "and"
    ("Co-founder Lisa Marsh", "Lisa Marsh", "Co-founder"),
    ("Media and Sport Secretary Tessa Vale", "Tessa Vale", "Media and Sport Secretary"),
    # a title that is also a surname, after a first name
    ("Oona King", "Oona King", None),
]


@pytest.mark.parametrize(("phrase", "name", "role"), NAME_BOUNDARIES)
def test_name_boundaries(phrase, name, role):
    mention = split_name(phrase)
    assert (mention.name, mention.role, mention.type) == (name, role, "person")


@pytest.mark.parametrize("phrase", ["Prime Minister of Ruritania", "the Eastern Mediterranean",
                                    "Minister for Defence Procurement", "Director of Public Prosecutions",
                                    "Minister for Sport", "Chief Executive"])
def test_offices_and_places_name_no_person(phrase):
    mention = split_name(phrase)
    assert mention is None or mention.type == "organisation"


@pytest.mark.parametrize(("phrase", "name"), [
    ("the Ruritanian Ministry of Foreign Affairs", "Ruritanian Ministry of Foreign Affairs"),
    ("Securities and Exchange Commission", "Securities and Exchange Commission"),
    ("London Metal Exchange", "London Metal Exchange"),
    ("BBC Radio Kent", "BBC Radio Kent"),
    # an executive named by its place is a government, not someone's title
    ("the Kellish Executive", "Kellish Executive"),
    ("Northern Kell Executive", "Northern Kell Executive"),
])
def test_organisations_stay_whole(phrase, name):
    mention = split_name(phrase)
    assert (mention.name, mention.type) == (name, "organisation")


PRONOUNS = [
    # the subject of the sentence before, not the last name in it
    ("Dana Price will now face Olga Marr in the final. But she is calm. “I am ready,” she said.", "Dana Price"),
    ("Ms Holt listed cases, including the camp at Salt Bay. “It has to stop,” she said. ", "Holt"),
    # a surname alone is the person the document names in full
    ("Top seed Paul Ferris won. Ferris broke a racket in the second set. “I'm not playing well,” he said.",
     "Paul Ferris"),
    # gender: "he" skips a woman named after him, "she" a man
    ("Tom Ruiz spoke first. Later Karen Obi arrived. “We won,” he said.", "Tom Ruiz"),
    # "and" makes two people "they", not "he"
    ("Ken Dale met the press. Actors Ben Stone and Ed Lamb have agreed to appear. “They are great,” he said.",
     "Ken Dale"),
    # "it" is an organisation, and so is "they" when the clause before is about one
    ("The Port Authority of Kell published figures. “Traffic rose,” it said.", "Port Authority of Kell"),
    ("The Kell Dockers Union rejected the offer. “It is an insult,” they said.", "Kell Dockers Union"),
    # a surname with a title counts, though the text never spells the name out
    ("Turkish president Erdogan opened the pipeline. “No project can exclude us,” he said.", "Erdogan"),
    # a full stop after a short word is a sentence end, not an initial
    ("Ann Lee beat Tomas Zib. Lee was pleased. “I served well,” she said.", "Ann Lee"),
    # "his" after a name and "and" tells the name's gender, and a verb after it makes the name a subject
    ("Carl Hale of the Kell Institute said the sprays are safe. Tak-Sing Wong and three of his co-authors "
     "have started a company. He remarked, “My goal is to invent useful things.”", "Tak-Sing Wong"),
    # a spokeswoman's "she" is the body she speaks for
    ("A spokeswoman for Kell University said books would be lent. “It is a good day,” she said.", "Kell University"),
    # a name that only qualifies the subject ("The Kell City library is") is no subject
    ("Tom Ruiz runs the archive. The Kell City library is open again. “It is a good day,” he said.", "Tom Ruiz"),
    # a body named like a person, which the text never calls by its last word, is no "he"
    ("“Search is hard,” said Tom Ruiz, spokesman for Find Jeeves. Users want more, said Find Jeeves. "
     "“It is about finding again,” he said.", "Tom Ruiz"),
    # a name set off by commas after the role that opens its sentence is that sentence's subject
    ("Lord Hale said rules must apply. Head of the division, Andrew Birk, spoke about content. "
     "“How far can I go?” he said.", "Andrew Birk"),
]


@pytest.mark.parametrize("text", [
    "The Kell Dockers Union met. Officials claim the ships are idle. “We will not move,” they said.",
])
def test_they_after_a_group_names_no_entity(text):
    assert speakers_of(text)[-1] is None


# People named together and then called "they" or "the defendants" speak together: one speaker for all.
TOGETHER = [
    ("Foreign minister Sam Kerr and his Greek and French counterparts, Nikos Demos and Jean-Yves Le Brun, met "
     "in Cairo. The Italian minister, Luigi Mai, joined them as an observer. They concluded that the deal "
     "is void.", ["Sam Kerr", "Nikos Demos", "Jean-Yves Le Brun"]),
    ("Ann Kale met officers Tom Quinn and Nick Reed at a pub. The defendants claimed that she had asked for "
     "a tour.", ["Tom Quinn", "Nick Reed"]),
]


@pytest.mark.parametrize(("text", "people"), TOGETHER)
def test_people_named_together_speak_together(text, people):
    quotes, speakers = extract_quotes(text)
    group = next(s for s in speakers if s.name == quotes[-1].speaker)
    assert group.name == ", ".join(people[:-1]) + " and " + people[-1]
    assert group.aliases == people  # so that `quote Reed` finds what Reed said with others


@pytest.mark.parametrize("text", [
    # one name is no group, and an organisation that "they" can mean comes first
    "Tom Quinn met the press. “We will appeal,” they said.",
    "Tom Quinn and Nick Reed met. The Kell Dockers Union rejected the offer. “It is an insult,” they said.",
])
def test_they_is_a_group_of_people_only_when_no_body_fits(text):
    quotes, _ = extract_quotes(text)
    assert " and " not in (quotes[-1].speaker or "")


@pytest.mark.parametrize(("text", "speaker"), PRONOUNS)
def test_pronouns_go_to_the_most_recent_compatible_entity(text, speaker):
    found = speakers_of(text)
    assert found[-1] is not None and found[-1].endswith(speaker)


SIEVES = [
    # a cue after the quote, with words before the name
    ("“We will appeal,” said club chairman Harry Olsen.", ["Harry Olsen"]),
    ("“It was a long night,” said 34-year-old nurse Dina Kowal.", ["Dina Kowal"]),
    ("“I miss him,” said his sister, Lena Fry, after the service.", ["Lena Fry"]),
    # a name in the apposition after a description; a group after "from the"
    ("The study's lead author, doctoral candidate Maria Ortiz, said, “The data are clear.”", ["Maria Ortiz"]),
    ("Ada Lin from the pro-reform camp said at a press conference: “We will not give up.”", ["Ada Lin"]),
    # a role no one was given: the speaker just before
    ("“It is melting,” said study co-author Jo Hart. The Kell professor added, “We do not know how fast.”",
     ["Jo Hart", "Jo Hart"]),
    # ... but "a protester" is someone new, and "One of them" no name
    ("“We will stay,” said student leader Jo Hart. “We are tired,” said a protester.", ["Jo Hart", None]),
    ("The children spoke to the court. One said: “We were afraid.”", [None]),
    # a role in lower case between the commas before the name
    ("Another co-author, chemistry professor Ivan Dolan, said, “The data are clear.”", ["Ivan Dolan"]),
    ("Ms Ray, however, did say: “I may run again.”", ["Ray"]),
    # a cue before the quote, with an apposition that starts in lower case, or "who said"
    ("Mr Haddad, chief economist at Orbis Bank, said: “Rates will fall.”", ["Haddad"]),
    ("The plan was backed by Energy Secretary Ruth Kemp who said: “It is overdue.”", ["Ruth Kemp"]),
    # a name, a role and the person's name
    ("“Sales doubled,” according to Harbour Weekly editor Simon Platt.", ["Simon Platt"]),
    # a person "of" a body the cue took for the speaker
    ("Ana Ruiz of The Kell Courier told reporters, “It is over.”", ["Ana Ruiz"]),
    # a lead-in that ends in a colon or a comma gives its subject
    ("Senator Joan Avery spoke on Radio Nine: “This bill is dead.”", ["Joan Avery"]),
    ("Chancellor Otto Brand defended the budget, “There is no other way.”", ["Otto Brand"]),
    # continuation across the cue sentence of the quote before, however long it is
    ("“Prices rose,” Vera Lind, a senior analyst with the Tallin Institute of Markets, told the Daily Ledger. "
     "“The fall will come next year.”", ["Vera Lind", "Vera Lind"]),
    # a quote with no cue after reported speech whose cue closes the sentence goes on from it
    ("The secret was hard work, Ms Tovey said. “They rehearse every day.”", ["Tovey"]),
    ("The team is driven, according to coach Ben Adler. “They hate losing.”", ["Ben Adler"]),
    # ... but not when another sentence comes between
    ("The court said it had grounds to act. Judges met in private. “This is historic.”", [None]),
    # a quote interrupted by an inverted cue printed without commas: both parts are the speaker's
    ('"We will rebuild" pledged Mayor Ines Vidal "and we will start tomorrow."', ["Ines Vidal", "Ines Vidal"]),
    ("“Trade is up” said minister Omar Said “and so are wages.”", ["Omar Said", "Omar Said"]),
    # last: the subject of the sentence before a quote with no cue
    ("Paul Moss is keen to take the project slowly. “A film will happen, but not yet.”", ["Paul Moss"]),
    # ... but a sentence whose subject names no one ends the search
    ("Paul Moss left. It is not known where he went. “Nobody will find us.”", [None]),
]


@pytest.mark.parametrize(("text", "speakers"), SIEVES)
def test_sieves(text, speakers):
    found = speakers_of(text)
    assert [s if s is None else s.split()[-1] for s in found] == [s if s is None else s.split()[-1]
                                                                  for s in speakers]


DESCRIPTIONS = [
    # a lower-case title before a name gives the role a later description uses
    ("Green leader Ada Voss toured the farm. The Green leader went on: “We need rain.”", "Ada Voss"),
    # ... and an earlier one, when the name follows
    ("“Growth will pause,” the trade minister said. “It will return,” said trade minister Kenji Aso.", "Kenji Aso"),
    # "the newspaper" is the newspaper the text named, not the last organisation that spoke
    ("The Daily Courier printed the letter. The Farmers Union said it was fake. "
     "The newspaper said it “stands by every word”.", "Daily Courier"),
    # "the report" is the body that published it
    ("The Kell Audit Office reviewed 40 schemes. The report said “little evidence” of savings was found.",
     "Kell Audit Office"),
    # a title word after an honorific or a first name is a surname
    ("Ms King said she was “delighted” to stand.", "King"),
    # a person named after a possessive role
    ("“Trade must grow,” said Ruritania's president Amadou Sall.", "Amadou Sall"),
    ("Labour MP Oona King said she was “delighted” to stand.", "Oona King"),
]


@pytest.mark.parametrize(("text", "speaker"), [
    # "the company" is a one-word body the text is about, not a capitalised word at a sentence start
    ("Shares in Orbix fell. Orbix cut the price of its phones. Sales fell. The company said the old model "
     "would be dropped.", "Orbix"),
    # "The President" is a description
    ("President Ana Ruiz toured the port. The President insists the budget include a new quay.", "Ana Ruiz"),
    # "the group", "the think tank" are the body named last; "the government" the national one named before
    ("Shares in Kellhaven Exchange rose. Last week, the group rejected a takeover offer, claiming it "
     "undervalued the business.", "Kellhaven Exchange"),
    ("The Ruritanian government has said it will seize idle land. Last month, the government said it had "
     "found 500 idle farms.", "Ruritanian government"),
    # ... or the one the text names after it, when it names no other
    ("Last month, the government said it had found 500 idle farms. Under President Ruiz, the Ruritanian "
     "government has seized land.", "Ruritanian government"),
    # a person the lead describes and the next sentence names, as news leads do
    ("Games should carry larger warnings, the trade secretary has said. Ann Reid is expected to call for "
     "tighter rules.", "Ann Reid"),
    ("The lack of outrage is an indictment of rights groups, Amnesty International's chief has said. In a "
     "lecture, Irene Kale said rights had been flouted.", "Irene Kale"),
    ("The US market watchdog's chairman has said he is willing to soften the rules. In a speech, Will Dodd "
     "promised changes.", "Will Dodd"),
    # ... or the person the lead sentence named before the description
    ("Actors Ben Stone and Ed Lamb have signed up for Rick Gale's new sitcom, the comedian has told BBC News.",
     "Rick Gale"),
    # a title set off after a name is the named person's role, not a name ("Procurement")
    ("Lord Bach, Minister for Defence Procurement, said the agency had done a huge amount of work.", "Bach"),
    ("Adil Mahdi, the acting Prime Minister of Ruritania, spoke out, calling it “an aggression on a state” "
     "and a breach of the treaty.", "Adil Mahdi"),
    # a body described by its name and a common noun is that body; a nationality is no name
    ("The IFPI industry body said that music sales grew.", "IFPI"),
    ("The Anti-Phishing Working group reported that attacks were growing.", "Anti-Phishing Working Group"),
    # a report a lead cites is the body the next sentence names as its subject
    ("The government will miss its target unless courses improve, a report says. The Kell Audit Office "
     "praised ministers for their progress.", "Kell Audit Office"),
    # a body's name, a role in lower case and a person's name: the person
    ("According to Kell University political scholar Dana Ortiz, “Women hold fewer than 30 percent of "
     "the seats.”", "Dana Ortiz"),
])
def test_descriptions_in_reported_speech(text, speaker):
    assert [q.speaker for q in extract_quotes(text)[0]][-1] == speaker


@pytest.mark.parametrize(("text", "speaker"), DESCRIPTIONS)
def test_descriptions_resolve_to_the_entity_the_document_introduced(text, speaker):
    found = [q.speaker for q in extract_quotes(text)[0] if q.kind != "indirect"]
    assert found[-1] == speaker or (found[-1] or "").endswith(" " + speaker)


@pytest.mark.parametrize("text", [
    "Jack Reed told Agence France Presse: “The talks have failed.”",
    "“The talks have failed,” Jack Reed told the BBC.",
    "Jack Reed, a union official, told Reuters the talks had failed.",
])
def test_the_object_of_told_is_never_the_speaker(text):
    found = [q.speaker for q in extract_quotes(text)[0]]
    assert found and all(s == "Jack Reed" for s in found)


REPORTED = [
    # the apostrophe of a plural possessive is no closing quotation mark
    ("The players' lawyer Nina Frost said she believed the panel would clear them.", "Nina Frost",
     "she believed the panel would clear them"),
    # the reported clause first, then the verb and its subject
    ("Prices will rise again next year, said Mr Okafor.", "Okafor", "Prices will rise again next year"),
    # "went on to say" reports, though "to say" alone does not
    ("Judge Ann Wu passed sentence. Wu went on to say she had weighed their guilty pleas.", "Ann Wu",
     "she had weighed their guilty pleas"),
    # "in the past" is when, not what, was said
    ("Harbour Foods has said in the past it pays its growers fairly.", "Harbour Foods", "it pays its growers fairly"),
    # a pronoun after a possessive phrase is the subject, not the phrase's last word
    ("Ken Dorn was arrested. On seeing the bank's video he admitted he had taken the money.", "Ken Dorn",
     "he had taken the money"),
    # "NASA administrator Jim Bridenstine": an organisation, a role, then the name
    ("Later, according to NASA administrator Jim Bridenstine, the launches would cost less.", "Jim Bridenstine",
     "the launches would cost less"),
    # "our correspondent" is the correspondent the text named
    ("BBC transport correspondent Tom Lyle was at the depot. Our correspondent said the strike would spread.",
     "Tom Lyle", "the strike would spread"),
]


@pytest.mark.parametrize(("text", "speaker", "words"), REPORTED)
def test_reported_speech_and_its_speaker(text, speaker, words):
    found = [(q.speaker, q.text) for q in extract_quotes(text)[0] if q.kind == "indirect"]
    assert (speaker, words) in [(s if s is None else s.split()[-1] if " " not in speaker else s, w)
                                for s, w in found]


US_STYLE = [
    ("“It is over,” Mr. Clarke said. “We move on.”", ["Clarke", "Clarke"]),
    ("“I am proud,” Sen. Jeff Marlow said.", ["Jeff Marlow"]),
    ("Rep. Jim Ford (R-Ohio) said: “The inquiry is a sham.”", ["Jim Ford"]),
    ("“We will not back down,” said Rep. Jim Ford (R-Ohio).", ["Jim Ford"]),
    ("“Troops are ready,” said Lt. Gen. Mark Dale, the commander.", ["Mark Dale"]),
    ("U.S. Attorney General Bill Barrow said: “The report is complete.”", ["Bill Barrow"]),
    ("“Fine,” John F. Kenning said.", ["John F. Kenning"]),
]


@pytest.mark.parametrize(("text", "speakers"), US_STYLE)
def test_honorifics_and_titles_with_full_stops(text, speakers):
    assert speakers_of(text) == speakers


def test_a_shortened_name_is_the_name_the_document_spells_out():
    quotes, speakers = extract_quotes("The Lib Dems said the plan was flawed. The Liberal Democrats have long "
                                      "opposed such plans.")
    assert [q.speaker for q in quotes] == ["Liberal Democrats"]
    assert [(s.name, s.type, s.aliases) for s in speakers] == [("Liberal Democrats", "organisation",
                                                                 ["The Lib Dems"])]
