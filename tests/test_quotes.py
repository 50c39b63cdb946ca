"""Quote extraction: marks, kinds, cues and speakers, on examples written for these tests."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcli.extract.quotes import extract_quotes
from factcli.read.text import sentence_spans


def quotes_of(text: str, kind: str | None = None):
    found, _ = extract_quotes(text)
    return [q for q in found if kind is None or q.kind == kind]


def only(text: str, words: str):
    matches = [q for q in quotes_of(text) if q.text == words]
    assert matches, f"no quote {words!r} in {[q.text for q in quotes_of(text)]}"
    return matches[0]


MARKS = [
    # curly double quotes
    ("“The budget is balanced,” said Anna Berg.", "The budget is balanced,"),
    # straight double quotes
    ('"We will appeal," the company said.', "We will appeal,"),
    # single quotes nested inside double ones stay part of the quote
    ("“They called it a ‘final offer’ again,” Tom Hale said.", "They called it a ‘final offer’ again,"),
    # guillemets and low-high marks
    ("«Nous restons ici», a déclaré le maire. He said later: «We stay.»", "We stay."),
    ("The minister said: „Wir bleiben hier.“ Then he left.", "Wir bleiben hier."),
    # introduced by a colon
    ("Mayor Lena Ortiz said: “The bridge will reopen in May.”", "The bridge will reopen in May."),
]


INNER_TERMS = [  # a term in straight marks inside a quote in straight marks leaves the quote whole
    ('Ms Hale wrote: "The "United Front" holds no one. They are all held by the army." Mr Roe said "no".',
     "The \"United Front\" holds no one. They are all held by the army."),
    ('"He said he would "fake" an injury and walk off," Mr Roe said.',
     'He said he would "fake" an injury and walk off,'),
]


@pytest.mark.parametrize(("text", "words"), INNER_TERMS)
def test_term_in_straight_marks_inside_a_quote(text, words):
    assert only(text, words).kind == "direct"
    assert not any(q.text in ("United Front", "fake") for q in quotes_of(text))


@pytest.mark.parametrize(("text", "words"), MARKS)
def test_quotation_marks(text, words):
    quote = only(text, words)
    assert text[quote.start:quote.end] == quote.text


def test_single_quotes_as_main_marks_are_told_apart_from_apostrophes():
    text = ("The coach said: 'We didn't play well, but the players' effort was there.' "
            "Fans weren't happy. 'It's a disaster,' said supporter Mark Lowe.")
    found = [q.text for q in quotes_of(text)]
    assert "We didn't play well, but the players' effort was there." in found
    assert "It's a disaster," in found
    assert not any(q.startswith("t ") or q.startswith("s ") for q in found)


def test_interrupted_quote_gives_two_records_of_one_speaker():
    text = "Dr Maya Singh spoke first. “The results are clear,” she said, “and we must act now.”"
    first, second = only(text, "The results are clear,"), only(text, "and we must act now.")
    assert first.kind == second.kind == "direct"
    assert first.speaker == second.speaker == "Maya Singh"


def test_multi_paragraph_quote_reopened_without_closing():
    text = ('Union leader Carl Moss said: "We have waited two years for this offer.\n\n'
            '"Our members will now vote on it," he added.')
    first = only(text, "We have waited two years for this offer.")
    second = only(text, "Our members will now vote on it,")
    assert first.speaker == second.speaker == "Carl Moss"


def test_reopened_quote_in_one_line_takes_the_speaker_of_its_end():
    text = ('"The plan is bold. It is also expensive. "Nobody has costed it," said economist Rita Vance.')
    quote = only(text, "The plan is bold. It is also expensive.")
    assert quote.speaker == "Rita Vance"


def test_unbalanced_mark_is_recovered_at_the_paragraph_end():
    text = ("He said: “This never closes. And the writer goes on about other things for a long time.\n\n"
            "A new paragraph starts here without quotes.")
    found = quotes_of(text)
    assert found[0].text == "This never closes."
    assert all("new paragraph" not in q.text for q in found)


def test_closing_mark_without_opening_mark_starts_at_its_sentence():
    text = "Snippet start. We will rebuild every school,” the governor said."
    quote = only(text, "We will rebuild every school,")
    assert quote.kind == "direct"


KINDS = [
    ("Critics described the plan as a “reckless gamble” for the city.", "reckless gamble", "partial"),
    ("“We are ready,” the coach said.", "We are ready,", "direct"),
    ("The mayor said, “We are ready.”", "We are ready.", "direct"),
    ("Lena Ortiz said the council was “not for sale” and left.", "not for sale", "partial"),
]


@pytest.mark.parametrize(("text", "words", "kind"), KINDS)
def test_direct_and_partial(text, words, kind):
    assert only(text, words).kind == kind


INDIRECT = [
    ("Finance Minister Paula Grant said the deficit would fall next year.",
     "the deficit would fall next year", "Paula Grant", "said"),
    ("The airline told Reuters that flights would resume on Monday.",
     "flights would resume on Monday", None, "told Reuters"),
    ("Prices will rise again in the spring, according to Tom Baker, a trader in Leeds.",
     "Prices will rise again in the spring", "Tom Baker", "according to"),
    ("Opposition leader Sam Price accused the government of hiding the figures.",
     "the government of hiding the figures", "Sam Price", "accused"),
    ("The talks had collapsed, Ambassador Nina Holt told reporters.",
     "The talks had collapsed", "Nina Holt", "told reporters"),
    ("Critics say that the scheme wastes money.", "the scheme wastes money", None, "say"),
    # verbs of saying with an object and an infinitive
    ("Mayor Lena Ruiz urged residents to boil their water.", "residents to boil their water", "Lena Ruiz", "urged"),
    ("Health Minister Omar Said asked the hospitals to cancel routine surgery.",
     "the hospitals to cancel routine surgery", "Omar Said", "asked"),
    ("The embassy advised its citizens not to travel to the border region.",
     "its citizens not to travel to the border region", None, "advised"),
    # "asked whether …", "queried why …"
    ("Senator Tom Reed asked whether the bridge would open on time.",
     "whether the bridge would open on time", "Tom Reed", "asked"),
    # a noun object that states what was said; a noun naming the claim before its clause
    ("Foreign Minister Ida Berg stressed the need for fresh talks with the rebels.",
     "the need for fresh talks with the rebels", "Ida Berg", "stressed"),
    ("Club chairman Rob Hale denied any wrongdoing by his players.", "any wrongdoing by his players", "Rob Hale",
     "denied"),
    ("Party leader Ann Moss rejected the idea the coalition was about to collapse.",
     "the coalition was about to collapse", "Ann Moss", "rejected"),
    ("Party chairman Ed Rowe rejected the idea Mr Joe Kerr posed a threat and queried his motives.",
     "Mr Joe Kerr posed a threat", "Ed Rowe", "rejected"),
    ("The inspectors praised the school for improving its exam results.",
     "the school for improving its exam results", None, "praised"),
    # more verbs of saying
    ("Trade envoy Piet Maas underlined that the tariffs would stay until June.",
     "the tariffs would stay until June", "Piet Maas", "underlined"),
    ("The two unions indicated they would call off the strike.", "they would call off the strike", None,
     "indicated"),
    ("The company told Reuters its profits had doubled.", "its profits had doubled", None, "told Reuters"),
    ("The driver informed police she had diplomatic immunity.", "she had diplomatic immunity", None,
     "informed police"),
    # a second report joined by "but" or "and"
    ("Mayor Jo Kent said the road would reopen but denied that the repairs had been rushed.",
     "the repairs had been rushed", "Jo Kent", "denied"),
    # "according to" a source whose name contains a word of data ("the research team")
    ("According to the research team, the coating lasts for about 500 washes.",
     "the coating lasts for about 500 washes", None, "according to"),
    # a verb that mostly takes a noun, followed by a whole clause
    ("Local broadcaster KTV reported Denmark had closed its border.", "Denmark had closed its border", None,
     "reported"),
    # a form that is more often a noun is a verb before "that"
    ("The Daily Courier reports that the mayor will resign.", "the mayor will resign", None, "reports that"),
    # "As X said, …"
    ("As Finance Minister Ruth Bell warned, the budget gap will widen next year.",
     "the budget gap will widen next year", "Ruth Bell", "warned"),
    # a possessive description as the speaker
    ("Although he had lived abroad, his sister said he died at home in Leeds.", "he died at home in Leeds", None,
     "said"),
    # a denial's object is what was said, however short
    ("Club captain Tom Dyer denied any wrongdoing.", "any wrongdoing", "Tom Dyer", "denied"),
    # "according to X, apposition, clause" and after a short sentence adverbial
    ("According to Dr Amy Cole, formerly the head of the agency, the virus is spreading fast.",
     "the virus is spreading fast", "Amy Cole", "according to"),
    ("Longer term, according to agency chief Jim Boyd, the goal is to cut launch costs.",
     "the goal is to cut launch costs", "Jim Boyd", "according to"),
    # a parenthetical between the verb and "that"
    ("Mr Lee Howard claimed, with some justification, that the campaign had started well.",
     "the campaign had started well", "Lee Howard", "claimed"),
    # a relative clause: the speaker is its antecedent
    ("The remark was condemned by the Green Party, which accused him of misleading voters.",
     "him of misleading voters", "Green Party", "accused"),
    ("Phone firm Telenet, which recently revealed that it would cut prices, rose 4%.", "it would cut prices",
     "Telenet", "revealed"),
    # a participle after the clause reports for the sentence's subject, a quantified group too
    ("Some economists warned that rates would rise, saying inflation had not peaked.", "inflation had not peaked",
     None, "saying"),
    # a verb that mostly introduces quotes reports a clause with "that"
    ("Minister Lu Chen replied that the figures were out of date.", "the figures were out of date", "Lu Chen",
     "replied"),
    # an inverted cue inside the clause it reports
    ("On average, said Mr Dale Fenn, shoppers visit the centre twice a week.",
     "On average, said Mr Dale Fenn, shoppers visit the centre twice a week", "Dale Fenn", "said"),
]

CLAUSE_ENDS = [
    # ", and <verb>ed …" starts a new predicate of the speaker
    ("Minister Eva Lind noted that the treaty was never ratified, and mentioned a possible appeal to the court.",
     "the treaty was never ratified"),
    # "… and promised …": a second verb of saying ends the first clause
    ("Mr Hale said arrests were a last resort and promised the powers would rarely be used.",
     "arrests were a last resort"),
    # a noun object ends at its first comma
    ("Premier Olga Dunn stressed the importance of the pipeline, which links three countries.",
     "the importance of the pipeline"),
    # "including" opens a list inside the clause, not a new clause
    ("Analyst Rui Costa said several banks, including Nordbank and Eastbank, would cut rates.",
     "several banks, including Nordbank and Eastbank, would cut rates"),
    # a relative clause with its own verb of saying
    ("Mayor Tom Bell said on Friday he may close the bridge, which he said would cut traffic.",
     "he may close the bridge"),
    # "and" with a past verb of doing starts the subject's next act
    ("Envoy Sara Holm urged the rebels to disarm and flew to Geneva for talks.", "the rebels to disarm"),
    # a clause opened by "When …," ends at its comma
    ("When the council announced it had met its target, the mayor said it was only a start.",
     "it had met its target"),
    # "but at the same time <verb>ed" is the subject's next act
    ("Mayor Ann Ruiz called for the police to act but at the same time blocked their budget.",
     "the police to act"),
    # a colon before a quotation ends the reported words
    ("The agency stressed the need for action: \u201cEvery country can still act.\u201d", "the need for action"),
]


@pytest.mark.parametrize(("text", "clause"), CLAUSE_ENDS)
def test_where_a_reported_clause_ends(text, clause):
    assert only(text, clause).kind == "indirect"


@pytest.mark.parametrize(("text", "clause", "speaker", "cue"), INDIRECT)
def test_indirect_reported_speech(text, clause, speaker, cue):
    quote = only(text, clause)
    assert quote.kind == "indirect"
    assert quote.cue == cue
    if speaker:
        assert quote.speaker == speaker
    else:
        assert quote.speaker in (None, "The airline", "airline") or speaker is None


def test_according_to_a_statement_names_who_issued_it():
    text = "LONDON (Reuters) — Rates will stay at 5%, according to a statement from the Bank of England."
    quote = only(text, "Rates will stay at 5%")
    assert quote.speaker == "Bank of England"


def test_title_and_apposition_around_a_name():
    text = "Senator Ann Cole, D-Ore., said the plan “will fail.”"
    assert only(text, "will fail.").speaker == "Ann Cole"
    assert only(text, "will fail.").kind == "partial"


def test_age_apposition_and_possessive_office():
    text = ("Nina Hart, 52, said she would stand again. “No regrets,” she said.\n\n"
            "Hart’s office said in a statement that the campaign starts in June.")
    assert only(text, "she would stand again").speaker == "Nina Hart"
    assert only(text, "No regrets,").speaker == "Nina Hart"
    assert only(text, "No regrets,").speaker_role is None
    assert only(text, "the campaign starts in June").speaker == "Nina Hart"


def test_told_someone_that():
    quote = only("The coach told players that training would resume.", "training would resume")
    assert quote.cue == "told players"


def test_wire_story_patterns():
    text = ("OSLO (Reuters) - Prices rose for a third month, the statistics office said on Friday, adding to pressure "
            "on the bank.\n\n"
            "\"Inflation is sticky,\" said Kari Lund, chief economist at Nordbank.\n\n"
            "Finance Minister Per Dahl, a Liberal, added that the budget would not change.")
    office = only(text, "Prices rose for a third month")
    assert office.speaker == "statistics office" or office.speaker is None
    lund = only(text, "Inflation is sticky,")
    assert (lund.speaker, lund.speaker_role) == ("Kari Lund", "chief economist at Nordbank")
    assert only(text, "the budget would not change").speaker == "Per Dahl"


def test_fragment_of_an_unnamed_group_is_kept_without_speaker():
    quote = only("Workers asked for more, while employers rejected the demands as “unrealistic”.", "unrealistic")
    assert (quote.kind, quote.speaker) == ("partial", None)


SHORT_FRAGMENTS = [  # a short fragment with no cue verb: its sentence's subject voices it, or it is a term
    ("Tomas Berg ran the depot for years. A spokeswoman for Tomas Berg was “delighted” with the ruling.",
     "delighted", "Tomas Berg"),
    ("Greta Lind resigned on Monday. She apologised for “a serious error” in the accounts.", "a serious error",
     "Greta Lind"),
    ("The Audit Office found that the old “legacy schemes” cost more.", "legacy schemes", "Audit Office"),
    ("The Harbour Board gave its “full backing” to the plan.", "full backing", "Harbour Board"),
    ("Governor Ann Vale signed laws that ban “hate speech” online.", "hate speech", None),
    ("The minister is wanted for “war crimes” in the region.", "war crimes", None),
    ("Fans queued for the “golden ticket” all night.", "golden ticket", None),
]


@pytest.mark.parametrize(("text", "words", "speaker"), SHORT_FRAGMENTS)
def test_short_fragment_is_quoted_only_when_the_subject_voices_it(text, words, speaker):
    found = [q for q in quotes_of(text) if q.text == words]
    if speaker is None:
        assert found == []
    else:
        assert (found[0].kind, found[0].speaker) == ("partial", speaker)


NESTED = [  # words in single marks inside a quote: a record only where a past verb of saying leads into them
    ("“I offered to stay and Mayor Ruiz said, ‘Let’s talk about it tomorrow.’” Ms Dale said.",
     ["Let’s talk about it tomorrow."]),
    ('"We never said: \'You can keep the land,\'" said Omar Diaz.', ["You can keep the land,"]),
    ("“I looked at the kit and thought, ‘I could play that,’” Ms Dale said.", []),
    ("“The next time someone says, ‘we let in too many people’, remember this,” Ms Dale said.", []),
    ("“There is a thing called ‘suicide by cop’ in the US,” Ms Dale said.", []),
    ("“We played rock ’n’ roll in the ’90s,” Ms Dale said.", []),
]


@pytest.mark.parametrize(("text", "nested"), NESTED)
def test_quote_inside_a_quote(text, nested):
    outer = max(quotes_of(text), key=lambda q: len(q.text))
    inner = [q.text for q in quotes_of(text) if q.start > outer.start and q.end <= outer.end]
    assert inner == nested


NOT_INDIRECT = [
    "Ms Ortiz hopes the talks will resume next week.",  # a verb of mind
    "It is understood the deal was signed on Friday.",  # an impersonal passive
    "Figures showed exports fell in May.",  # a finding
    "Exports fell by a third, according to customs data.",  # data, not a speaker
    "Kallmann called the ruling a disgrace.",  # labelling without quotation marks
    "Sales rose by 4%, according to figures released by the trade body.",  # figures, whoever released them
    "A survey by the chamber indicated that confidence had fallen.",  # a finding, not speech
    "Minister Lea Frost praised the decision.",  # a noun object naming a thing, not what was said
    "Coach Ben Ward asked: \u201cWhy not?\u201d",  # a question in quotation marks is a direct quote only
    "The economy, which added only 146,000 jobs in January, slowed.",  # "added" with no clause reports nothing
    "The dollar continued its slide and has fallen to a new low.",  # "continued" with a noun reports nothing
    "Coach Ben Ward replied with a smile.",  # no clause
    "The two states signed a treaty, according to which the border moves north.",  # a document's terms
    "According to the mayor, \u201cThe bridge stays shut until May.\u201d",  # a direct quote, not reported speech
]


@pytest.mark.parametrize("text", NOT_INDIRECT)
def test_no_indirect_record(text):
    assert quotes_of(text, "indirect") == []


def test_according_to_a_source_of_a_report_with_its_own_speaker():
    text = "According to news agency Tass, the prosecutor said the men must face charges."
    assert [(q.text, q.cue) for q in quotes_of(text, "indirect")] == [("the men must face charges", "said")]


def test_said_x_was_quoted_gives_indirect_and_partial():
    text = "The union said the new rota was “unworkable” for nurses."
    kinds = {q.kind: q for q in quotes_of(text)}
    assert kinds["partial"].text == "unworkable"
    assert "the new rota was" in kinds["indirect"].text


def test_called_x_quoted_gives_only_partial():
    text = "Premier Jan Vos called the decision a “step backwards for everyone”."
    found = quotes_of(text)
    assert [q.kind for q in found] == ["partial"]
    assert found[0].speaker == "Jan Vos"


CUES = [
    ("“We are ready,” Hale said.", "said"),
    ("“We are ready,” said Hale.", "said"),
    ("“We are ready,” Hale told the BBC.", "told the BBC"),
    ("“We are ready,” Hale wrote in a Facebook post.", "wrote in a Facebook post"),
    ("“We are ready,” Hale said in a statement.", "said in a statement"),
    ("“We are ready,” according to Hale.", "according to"),
]


@pytest.mark.parametrize(("text", "cue"), CUES)
def test_cues_around_quotes(text, cue):
    quote = only(text, "We are ready,")
    assert quote.cue == cue
    assert quote.speaker == "Hale"


def test_quote_without_cue_continues_the_previous_speaker():
    text = "“We won,” said coach Ivan Petrov. “Next week will be harder.”"
    assert only(text, "Next week will be harder.").speaker == "Ivan Petrov"


def test_pronouns_resolve_to_the_last_named_speaker():
    text = ("Senator Joan Miller spoke on Tuesday. Miller said the bill was dead.\n\n"
            "“It will not pass this year,” she said.")
    quote = only(text, "It will not pass this year,")
    assert quote.speaker == "Joan Miller"
    assert quote.speaker_mention == "she"


def test_description_resolves_to_the_entity_with_that_role():
    text = ("“The road is closed,” said Olaf Berg, a police commander in the north.\n\n"
            "“Drivers should stay home,” the commander said.")
    quote = only(text, "Drivers should stay home,")
    assert quote.speaker == "Olaf Berg"
    assert quote.speaker_mention == "the commander"


def test_names_are_canonical_and_roles_kept_apart():
    text = ("Health Secretary Maria Lopez visited the hospital. "
            "“Staff are exhausted,” Ms Lopez said. “We need more nurses,” Lopez added.")
    found = quotes_of(text)
    assert {q.speaker for q in found if q.kind == "direct"} == {"Maria Lopez"}
    _, speakers = extract_quotes(text)
    lopez = next(s for s in speakers if s.name == "Maria Lopez")
    assert lopez.type == "person"
    assert lopez.role == "Health Secretary"


def test_organisation_speaker_spelled_out_by_its_acronym():
    text = ("The World Health Organization (WHO) met on Monday.\n\n"
            "“Cases are falling,” the WHO said.")
    quote = only(text, "Cases are falling,")
    assert quote.speaker == "World Health Organization"
    _, speakers = extract_quotes(text)
    assert next(s for s in speakers if s.name == "World Health Organization").type == "organisation"


@pytest.mark.parametrize("group", ["Critics", "Officials", "Analysts", "Local residents", "Russian officials"])
def test_unnamed_groups_are_no_speaker(group):
    text = f"“This will not work,” {group} said."
    assert only(text, "This will not work,").speaker is None


def test_no_guess_without_a_speaker():
    assert only("“Nobody knows what comes next.”", "Nobody knows what comes next.").speaker is None


NAMES_AND_MENTIONS = [  # words in marks that name a thing or are mentioned as words: no quote
    ("The council ran a scheme called “Safer Streets Now”.", "Safer Streets Now", False),
    ("The charity adopted the slogan “Every Child Counts”.", "Every Child Counts", False),
    ("Although the word “epidemic” sounds grave, it only describes spread.", "epidemic", False),
    ("The firm said it saw a longer term “shift in demand” across the region.", "shift in demand", True),
    ("Ms Vale called the nine-year term “outrageous” and left.", "outrageous", True),
    ("Mr Reyes said: “We will win.”", "We will win.", True),
]


@pytest.mark.parametrize(("text", "words", "quoted"), NAMES_AND_MENTIONS)
def test_names_and_mentioned_words_are_not_quotes(text, words, quoted):
    assert any(q.text == words for q in quotes_of(text)) == quoted


def test_terms_in_marks_are_not_quotes():
    text = "The troops, dubbed “grey wolves” by locals, left. Click “Settings” to change it."
    assert quotes_of(text) == []


def test_titles_of_works_are_not_quotes():
    text = "The director said her film “Gone with the Wind Again” was finished and “ready for viewers.”"
    found = [q.text for q in quotes_of(text)]
    assert "Gone with the Wind Again" not in found
    assert "ready for viewers." in found


def test_headlines_are_not_quotes():
    text = "Minister: 'We will win'\nThe minister spoke to voters on Sunday about the plan."
    assert quotes_of(text) == []


def test_speakers_are_the_quoted_ones_with_their_names_as_aliases():
    text = ("Transport Minister Ola Berg opened the bridge. Berg said the work was done. "
            "“It took four years,” he said. Mayor Kim Lee watched.")
    _, speakers = extract_quotes(text)
    assert [s.name for s in speakers] == ["Ola Berg"]
    assert speakers[0].role == "Transport Minister"
    assert "he" not in speakers[0].aliases and "Berg" in speakers[0].aliases


def test_same_quote_twice_is_one_record():
    text = "“We will win,” Hale said.\n“We will win,” Hale said."
    assert len([q for q in quotes_of(text) if q.text == "We will win,"]) == 1


def test_mojibake_keeps_offsets():
    text = "“It costs Â£5m,” the council said. “Too much.”"
    for quote in quotes_of(text):
        assert text[quote.start:quote.end] == quote.text


def test_quotes_are_sorted_and_carry_context():
    text = "Tom Hale said the vote was close. “We lost by ten,” he said."
    found = quotes_of(text)
    assert [q.start for q in found] == sorted(q.start for q in found)
    assert all(q.context and q.text in q.context for q in found)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab CD.,:;'\"“”‘’«»„\n-—") + ["said", "He ", "according to ", "Mr Hale"]))
       .map("".join))
def test_never_raises_and_offsets_hold(text):
    found, speakers = extract_quotes(text)
    for quote in found:
        assert text[quote.start:quote.end] == quote.text
        assert quote.kind in ("direct", "partial", "indirect")
    assert all(s.name for s in speakers)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab CD.,:;'\"“”‘’\n") + ["said", "He ", "Mr. Hale", "Â£5", "[x](y)", "\xa0"]))
       .map("".join))
def test_given_sentences_change_nothing(text):
    assert extract_quotes(text, sentences=sentence_spans(text)) == extract_quotes(text)


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text):
    for quote in extract_quotes(text)[0]:
        assert text[quote.start:quote.end] == quote.text


def _seconds(text: str) -> float:
    start = time.process_time()
    extract_quotes(text)
    return time.process_time() - start


@pytest.mark.parametrize("unit", ['"', "“", "” ", "' ", "« ", '"a', "said “x "])
def test_pathological_marks_stay_linear(unit):
    small, large = unit * 20_000, unit * 80_000
    small_t, large_t = _seconds(small), _seconds(large)
    assert large_t < max(0.5, 8 * small_t)


def test_megabyte_quote_is_bounded():
    text = "He said: “" + "blah " * 200_000 + "end.” Then nothing."
    found, _ = extract_quotes(text)
    assert all(len(q.text) <= 5000 for q in found)


def test_long_single_line_is_linear():
    line = "The minister said the plan “works well,” and added, “We will see.” " * 2_000
    small_t, large_t = _seconds(line), _seconds(line * 8)
    assert large_t < max(1.0, 16 * small_t)


def test_a_broadcast_named_with_a_number_is_the_cues_object():
    quote = only("Lord Falconer told BBC Radio 4's Today programme he hoped mediation could settle disputes.",
                 "he hoped mediation could settle disputes")
    assert (quote.speaker, quote.cue) == ("Falconer", "told BBC Radio 4's Today programme")
    after_a_quote = "“It is a preposterous law,” Michael Cawley told Radio 4's Today programme."
    assert [q.text for q in quotes_of(after_a_quote)] == ["It is a preposterous law,"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("On Monday Tony Blair said the treaty would protect the veto.", "Tony Blair"),
    ("The Sunday Telegraph said the minister would resign within weeks.", "Sunday Telegraph"),
    ("S&P said the government's own debt was looking a good bet.", "S&P"),
])
def test_days_do_not_start_names_and_ampersands_join_them(text, speaker):
    assert [q.speaker for q in quotes_of(text, "indirect")] == [speaker]


def test_a_dash_pair_stays_inside_a_reported_clause_and_a_single_dash_ends_it():
    paired = quotes_of("Mr Kennedy said the election - widely tipped for 5 May - would be hard to call.", "indirect")
    assert [q.text for q in paired] == ["the election - widely tipped for 5 May - would be hard to call"]
    single = quotes_of("Anna Berg said the plan would fail within a year - a view many analysts share.", "indirect")
    assert [q.text for q in single] == ["the plan would fail within a year"]


def test_a_sentence_that_quotes_a_fragment_before_its_cue_is_reported_speech_too():
    text = "Putin travelling to the country in the first place is “very, very unlikely,” Kirby told CNN."
    kinds = {q.kind: q for q in quotes_of(text)}
    assert kinds["partial"].text == "very, very unlikely,"
    assert kinds["indirect"].text.startswith("Putin travelling to the country")
    assert kinds["indirect"].speaker == "Kirby"
    participle = "The Kremlin rejected the warrants as “unacceptable,” arguing that it is not subject to the court."
    assert [q.text for q in quotes_of(participle, "indirect")] == ["it is not subject to the court"]
    # a quote that opens its sentence is direct: its cue reports no clause of the writer's
    assert quotes_of("“We will win the vote,” Anna Berg said.", "indirect") == []
    assert quotes_of("The plan is dead, she added. “We will win the vote,” Anna Berg said.", "indirect")[0].text == \
        "The plan is dead"


@pytest.mark.parametrize(("text", "speaker"), [
    ("“The trial went well,” said Dr Doug Williams of BT.", "Doug Williams"),
    ("“The team is ready,” said UK Athletics.", "UK Athletics"),
    ("“We will appeal,” said ICC President Piotr Hofmanski.", "Piotr Hofmanski"),
    ("In December Microsoft said it would buy the firm.", "Microsoft"),
])
def test_names_keep_to_the_person_or_body(text, speaker):
    assert [q.speaker for q in quotes_of(text)] == [speaker]


def test_a_share_of_people_is_not_a_speaker():
    assert [q.speaker for q in quotes_of("Three-quarters said the minister was right to resign.")] in ([], [None])


def test_a_closing_quote_then_but_ends_the_reported_clause():
    text = "Kirby said the US wants to see “the guilty held to account,” but he declined to say more."
    assert [q.text for q in quotes_of(text, "indirect")] == ["the US wants to see “the guilty held to account,”"]


@pytest.mark.parametrize(("text", "words"), [
    ("Russia has blamed Ukraine for attacks in Crimea during the past year.",
     "Ukraine for attacks in Crimea during the past year"),
    ("Ms Berg condemned the council for closing the library without a vote.",
     "the council for closing the library without a vote"),
])
def test_blaming_or_condemning_someone_for_something_is_reported(text, words):
    assert [q.text for q in quotes_of(text, "indirect")] == [words]
    assert quotes_of("The firm blamed the weather.", "indirect") == []


@pytest.mark.parametrize("text", ["The bridge will reopen in May, officials said.",
                                  "Analysts say the bridge will reopen in May."])
def test_an_unnamed_group_reports_speech_with_no_speaker(text):
    found = quotes_of(text, "indirect")
    assert [(q.text.lower(), q.speaker) for q in found] == [("the bridge will reopen in may", None)]


def test_a_direct_quote_with_an_apostrophe_and_a_long_cue_is_not_also_reported_speech():
    text = ("“We’re going to stay committed to helping Ukraine document the crimes,” National Security Council "
            "Coordinator for Strategic Communications John Kirby told CNN on Friday.")
    assert [(q.kind, q.speaker) for q in quotes_of(text)] == [("direct", "John Kirby")]


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("Four jets will go to Kyiv soon – the rest, Andrzej Duda said, are being serviced and will follow.",
     "the rest, Andrzej Duda said, are being serviced and will follow", "Andrzej Duda"),
    ("The plan, Anna Berg said, would fail within a year.", "The plan, Anna Berg said, would fail within a year",
     "Anna Berg"),
])
def test_a_cue_inside_the_clause_it_reports(text, words, speaker):
    assert [(q.text, q.speaker) for q in quotes_of(text, "indirect")] == [(words, speaker)]
    assert quotes_of("Asked about it, Anna Berg said, no.", "indirect") == []


def test_a_report_in_an_opening_subordinate_clause_ends_with_it():
    text = "While officials have said they will keep talking to Moscow, Zelensky has not entertained giving up land."
    assert [q.text for q in quotes_of(text, "indirect")] == ["they will keep talking to Moscow"]


@pytest.mark.parametrize(("text", "cue", "words"), [
    ("The ministry marked the day, saying the region has suffered for years and calling for Russia to leave it.",
     "calling for", "Russia to leave it"),
    ("Mr Ferguson called on the association to punish the striker.", "called on",
     "the association to punish the striker"),
    ("Mr Chirac made clear he intended to take the role seriously.", "made clear",
     "he intended to take the role seriously"),
    ("Beijing is careful, while at the same time reaffirming that borders must be upheld.", "reaffirming",
     "borders must be upheld"),
])
def test_more_ways_of_reporting_speech(text, cue, words):
    assert (cue, words) in [(q.cue, q.text) for q in quotes_of(text, "indirect")]
    assert quotes_of("Mr Howard called the plan a disgrace.", "indirect") == []
    assert quotes_of("The firm is reaffirming its profit forecasts.", "indirect") == []
