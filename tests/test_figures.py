"""extract_figures: what is a figure, its value, unit, qualifier, subject and claimant."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcli.extract.figures import extract_figures
from factcli.extract.records import Quote
from factcli.read.text import sentence_spans


def figures(text: str, quotes: list[Quote] | None = None):
    found = extract_figures(text, quotes or [])
    for f in found:
        assert text[f.start:f.end] == f.text
    return found


def only(text: str):
    found = figures(text)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


# (sentence, printed text, value, unit, qualifier)
FOUND = [
    ("The port handled 1,200 containers last week.", "1,200 containers", 1200, "container", "exact"),
    ("Inflation rose to 7.4% in the spring.", "7.4%", 7.4, "percent", "exact"),
    ("The index fell 0.5 per cent on Monday.", "0.5 per cent", 0.5, "percent", "exact"),
    ("Turnout was 62 percent, officials said.", "62 percent", 62, "percent", "exact"),
    ("The farm exported 3 million tonnes of barley.", "3 million tonnes", 3e6, "ton", "exact"),
    ("Fares went up by 2.5 percentage points.", "2.5 percentage points", 2.5, "percentage point", "exact"),
    ("The club paid $3.5bn for the site.", "$3.5bn", 3.5e9, "USD", "exact"),
    ("It raised US$40 million from investors.", "US$40 million", 40e6, "USD", "exact"),
    ("Profits reached Â£12m this year.", "Â£12m", 12e6, "GBP", "exact"),
    ("Profits reached £12m this year.", "£12m", 12e6, "GBP", "exact"),
    ("The fine was €250,000 in total.", "€250,000", 250000, "EUR", "exact"),
    ("The bank lent 120m euros to the city.", "120m euros", 120e6, "EUR", "exact"),
    ("The council spent 5 million pounds on roads.", "5 million pounds", 5e6, "GBP", "exact"),
    ("Miners earn 9,000 rand a month.", "9,000 rand a month", 9000, "ZAR per month", "exact"),
    ("Traders moved 10k barrels overnight.", "10k barrels", 10e3, "barrel", "exact"),
    ("Four ferries crossed the strait.", "Four ferries", 4, "ferry", "exact"),
    ("The town has twenty-five bakeries.", "twenty-five bakeries", 25, "bakery", "exact"),
    ("The survey covered one hundred and ten villages.", "one hundred and ten villages", 110, "village",
     "exact"),
    ("Rents ate up one-quarter of their income.", "one-quarter", 0.25, None, "exact"),
    ("Wages are a tenth of the national average.", "a tenth", 0.1, None, "exact"),
    ("Voters rejected it by a third of the vote.", "a third", 1 / 3, None, "exact"),
    ("They signed a 90-day truce.", "90-day truce", 90, "day", "exact"),
    ("The party unveiled a 7-point manifesto.", "7-point manifesto", 7, "point", "exact"),
    ("He served a nine-year sentence.", "nine-year sentence", 9, "year", "exact"),
    ("A 12-member panel will decide.", "12-member panel", 12, "member", "exact"),
    ("A 40-year-old teacher was hurt.", "40-year-old teacher", 40, "year", "exact"),
    ("Hundreds of volunteers cleared the beach.", "Hundreds of volunteers", 100, "volunteer", "at_least"),
    ("The storm cut power to thousands of homes.", "thousands of homes", 1000, "home", "at_least"),
    ("Tens of thousands of fans marched.", "Tens of thousands of fans", 10000, "fan", "at_least"),
    ("The sale drew about 300 bidders.", "about 300 bidders", 300, "bidder", "approx"),
    ("Around 15 trucks were stuck.", "Around 15 trucks", 15, "truck", "approx"),
    ("It cost approximately $9m to build.", "approximately $9m", 9e6, "USD", "approx"),
    ("The strike lasted nearly 40 days.", "nearly 40 days", 40, "day", "approx"),
    ("More than 2,000 nurses walked out.", "More than 2,000 nurses", 2000, "nurse", "at_least"),
    ("Over 70 flights were cancelled.", "Over 70 flights", 70, "flight", "at_least"),
    ("At least 14 climbers reached the top.", "At least 14 climbers", 14, "climber", "at_least"),
    ("The law allows up to 8 hours of overtime.", "up to 8 hours", 8, "hour", "at_most"),
    ("Less than 5% of homes have solar panels.", "Less than 5%", 5, "percent", "at_most"),
    ("As many as 600 workers could lose jobs.", "As many as 600 workers", 600, "worker", "at_most"),
    ("Tickets cost under £20 each.", "under £20", 20, "GBP", "at_most"),
]


@pytest.mark.parametrize("sentence, text, value, unit, qualifier", FOUND)
def test_found(sentence, text, value, unit, qualifier):
    figure = only(sentence)
    assert (figure.text, figure.unit, figure.qualifier) == (text, unit, qualifier)
    assert figure.value == pytest.approx(value)
    assert figure.sentence == sentence


# (sentence, printed text, low, high, unit)
RANGES = [
    ("Each hive holds 500 to 800 bees.", "500 to 800 bees", 500, 800, "bee"),
    ("Growth of 3-5% is forecast.", "3-5%", 3, 5, "percent"),
    ("They expect between 20 and 30 entrants.", "between 20 and 30 entrants", 20, 30, "entrant"),
    ("Costs of $2m-$4m were cited.", "$2m-$4m", 2e6, 4e6, "USD"),
    ("The firm hired 2 to 3 million temps.", "2 to 3 million temps", 2e6, 3e6, "temp"),
]


@pytest.mark.parametrize("sentence, text, low, high, unit", RANGES)
def test_ranges(sentence, text, low, high, unit):
    figure = only(sentence)
    assert (figure.text, figure.qualifier, figure.unit) == (text, "range", unit)
    assert (figure.value, figure.high) == (pytest.approx(low), pytest.approx(high))


NOT_FIGURES = [
    "The treaty was signed on June 4, 2019.",
    "The treaty was signed on 4 June 2019.",
    "Police arrived in 2016 after the flood.",
    "Shops open at 09:30 and close at 5pm.",
    "The video lasts 03:41.",
    "It was her 3rd attempt at the summit.",
    "She won a second term and then a third term.",
    "The air force flies the F-35 and the Su-30.",
    "Talks at the G7 covered Covid-19 rules.",
    "Section 230 and Article 5 were debated.",
    "Rovers won 3-1 at home.",
    "The band reached number 4 in the charts.",
    "See https://example.org/2021/05/story-123 for details.",
    "Read [the report](https://example.org/files/2020-77.pdf) now.",
    "The two presidents shook hands.",
    "It marked the five-year anniversary of the fire.",
    "Trade doubled and exports rose twice as fast.",
    "They met a year ago, in a month of talks.",
    "One of the guards said nothing.",
    "It played during the 1990s.",
    "Fans of the Six Nations cheered.",
    "The highs were winning in '94 and beating England in ’93.",
]


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_not_figures(sentence):
    assert figures(sentence) == []


def test_page_chrome_is_skipped():
    text = "14 Comments\n\n01:12 - Source: Agency\n\nThe mill employs 45 weavers.\n"
    assert [f.text for f in figures(text)] == ["45 weavers"]


def test_link_lists_after_read_more_are_skipped():
    text = "Crews rescued 12 sailors.\n\nRead more:\n\nWhy 300 whales beached\nOpinion: the next 10 years\n"
    assert [f.text for f in figures(text)] == ["12 sailors"]


def test_bare_number_after_not_points_back():
    found = figures("The lease runs for 30 days, not 20.")
    assert [f.text for f in found] == ["30 days"]


def test_this_modifier_points_back():
    found = figures("They agreed a period of three weeks. After this three-week period, talks resume.")
    assert [f.text for f in found] == ["three weeks"]


def test_back_reference_to_a_count_of_them():
    figure = only("Many airlines – 40 of them – cut routes.")
    assert (figure.text, figure.unit) == ("40 of them", "airline")


def test_rate_stays_in_text():
    figure = only("The mine produced up to 900 tonnes per day.")
    assert figure.text == "up to 900 tonnes per day"
    assert figure.unit == "ton per day"


def test_bare_number_takes_counted_noun_of_number_of():
    figure = only("The number of people out of work rose to 2.1 million.")
    assert (figure.value, figure.unit) == (2.1e6, "person")


# (sentence, figure, words `about` holds): what is counted or measured and the words next to it
ABOUT = [
    ("Farmers shipped 40 million tonnes of wheat through the canal.", "40 million tonnes", ["wheat", "canal"]),
    ("The regional council approved 350 new homes near the river.", "350 new homes", ["council"]),
    ("US oil prices closed up $1.26 at $50.88 a barrel.", "$1.26", ["oil prices"]),
    ("Japan's economy grew by just 0.1% in the quarter.", "0.1%", ["Japan's economy"]),
    ("Sky Plus is the market leader, with 474,000 subscribers.", "474,000 subscribers", ["Sky", "market leader"]),
]


@pytest.mark.parametrize("sentence, text, words", ABOUT)
def test_about_is_a_short_phrase_of_what_is_counted(sentence, text, words):
    figure = [f for f in figures(sentence) if f.text == text][0]
    assert all(word in figure.about for word in words), figure.about
    assert len(figure.about.split()) <= 6


def test_about_does_not_repeat_the_figure():
    figure = only("The strike lasted six years in all.")
    assert "years" not in (figure.about or "")


def test_figures_are_sorted_and_keep_offsets():
    text = "It sold 30 cars in May and 45 vans in June, up 12%."
    found = figures(text)
    assert [f.text for f in found] == ["30 cars", "45 vans", "12%"]
    assert [f.start for f in found] == sorted(f.start for f in found)


SPEECH = "The mayor said the scheme would create 900 jobs. Critics doubt 900 is realistic."


def test_claimed_by_quote_around_the_figure():
    text = '“We will plant 5,000 trees,” the mayor said.'
    quote = Quote(text="We will plant 5,000 trees,", kind="direct", start=1, end=27, speaker="Ana Silva")
    assert only_with(text, [quote]).claimed_by == "Ana Silva"


def test_claimed_by_quote_in_the_same_sentence():
    text = 'Nearly 80 stalls will close, “a sad day”, Ana Silva said.'
    quote = Quote(text="a sad day", kind="partial", start=30, end=39, speaker="Ana Silva")
    assert only_with(text, [quote]).claimed_by == "Ana Silva"


def test_claimed_by_speaker_announcing_it():
    text = 'Ana Silva announced 70 new buses. “It is a start,” Silva said.'
    quote = Quote(text="It is a start,", kind="direct", start=35, end=49, speaker="Ana Silva")
    found = extract_figures(text, [quote])
    assert found[0].claimed_by == "Ana Silva"


def test_writer_claims_the_rest():
    text = 'The city has 12 bridges. “We love them,” Ana Silva said.'
    quote = Quote(text="We love them,", kind="direct", start=26, end=39, speaker="Ana Silva")
    assert only_with(text, [quote]).claimed_by is None


def only_with(text: str, quotes: list[Quote]):
    found = extract_figures(text, quotes)
    assert len(found) == 1, [f.text for f in found]
    assert text[found[0].start:found[0].end] == found[0].text
    return found[0]


NUMBER_STYLES = st.one_of(
    st.integers(0, 10**9).map(lambda n: (f"{n:,}", n)),
    st.integers(1, 999).map(lambda n: (f"{n} million", n * 1e6)),
    st.tuples(st.integers(1, 999), st.sampled_from(["$", "£", "Â£", "€", "US$"]), st.sampled_from(["bn", "m", "k"]))
    .map(lambda t: (f"{t[1]}{t[0]}{t[2]}", t[0] * {"bn": 1e9, "m": 1e6, "k": 1e3}[t[2]])),
    st.tuples(st.integers(1, 99), st.integers(0, 9), st.sampled_from(["%", " per cent", " percent"]))
    .map(lambda t: (f"{t[0]}.{t[1]}{t[2]}", t[0] + t[1] / 10)),
    st.sampled_from([("a third of them", 1 / 3), ("one-quarter", 0.25), ("a tenth", 0.1), ("two-thirds", 2 / 3),
                     ("twenty-five", 25), ("hundreds of them", 100), ("thousands of them", 1000)]),
)


@given(NUMBER_STYLES)
def test_printed_numbers_read_back(style):
    printed, value = style
    text = f"The agency counted {printed} in total."
    found = figures(text)
    if 1000 <= value <= 2100 and printed.isdigit():
        return  # a year-like number with nothing to say otherwise
    assert len(found) == 1 and found[0].value == pytest.approx(value)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-–%$£€Â:/abcdefmtkonhrsuAT\n'\"“”")), max_size=200))
def test_never_raises_and_keeps_offsets(text):
    found = extract_figures(text, [])
    for f in found:
        assert text[f.start:f.end] == f.text
        assert f.qualifier in ("exact", "approx", "at_least", "at_most", "range")
        assert f.high is None or f.high > f.value
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@given(st.text(max_size=300))
def test_never_raises_on_any_text(text):
    for f in extract_figures(text, []):
        assert text[f.start:f.end] == f.text


# (sentence, printed text, value, unit)
MORE_FORMS = [
    ("Half of the staff were sent home.", "Half", 0.5, None),
    ("A quarter of a million tourists came.", "A quarter of a million tourists", 250000, "tourist"),
    ("It sold half a million copies.", "half a million copies", 500000, "copy"),
    ("Temperatures hit 41°C on Friday.", "41°C", 41, "degree celsius"),
    ("A 300-strong crowd gathered.", "300-strong crowd", 300, "crowd"),
    ("The driver, aged 47, was unhurt.", "47", 47, "year"),
]


@pytest.mark.parametrize("sentence, text, value, unit", MORE_FORMS)
def test_more_forms(sentence, text, value, unit):
    figure = only(sentence)
    assert (figure.text, figure.unit) == (text, unit)
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize("sentence", [
    "They scored in the second half of the match.",
    "Seeded four, she lost in round two.",
    "1 Ana Lopez (Spain) 2 Mia Berg (Sweden)",
    "The two-pronged plan was dropped.",
])
def test_more_labels(sentence):
    assert figures(sentence) == []


def test_change_from_to_gives_two_figures():
    found = figures("Its stake rose from 20% to 35% last year.")
    assert [(f.text, f.qualifier) for f in found] == [("20%", "exact"), ("35%", "exact")]


def _seconds(text: str) -> float:
    start = time.process_time()
    extract_figures(text, [])
    return time.process_time() - start


def test_a_line_of_numbers_stays_linear():
    small = _seconds(" ".join(str(i * 7) for i in range(2_000)))
    large = _seconds(" ".join(str(i * 7) for i in range(16_000)))
    assert large < 20 * max(small, 0.01)  # 8 times the text; quadratic would be 64 times


@pytest.mark.parametrize("text", [
    "1" * 300_000,
    "1," * 150_000,
    "-5" * 150_000,
    "$" * 300_000 + "5",
    "twenty-" * 50_000,
    "a " * 150_000,
    " " * 300_000 + "5 cats",
    "hundreds of " * 30_000,
])
def test_pathological_lines_are_fast(text):
    assert _seconds(text) < 5


def test_given_sentences_give_the_same_figures():
    text = "The mill employs 45 weavers. Output rose 3% in May.\nIt plans 12 new looms."
    assert extract_figures(text, [], sentence_spans(text)) == extract_figures(text, [])


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("Shares fell 4pc on Friday.", "4pc", 4, "percent"),
    ("The world has warmed 1.2C so far.", "1.2C", 1.2, "degree celsius"),
    ("It will cost tens of millions of dollars.", "tens of millions of dollars", 1e7, "USD"),
    ("They bought half a dozen vans.", "half a dozen vans", 6, "van"),
    ("Mark Lee, 52, was charged.", "52", 52, "year"),
])
def test_other_units(sentence, text, value, unit):
    figure = only(sentence)
    assert (figure.text, figure.unit) == (text, unit)
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize("sentence", [
    "Sales were three times as high.",
    "The fair runs 3-4 March in the park.",
    "On day 12 of the strike, talks failed.",
])
def test_other_non_figures(sentence):
    assert figures(sentence) == []


def _quote_at(text: str, words: str, speaker: str | None, kind: str = "direct") -> Quote:
    start = text.index(words)
    return Quote(text=words, kind=kind, start=start, end=start + len(words), speaker=speaker)


def test_claimed_by_subject_named_first_not_the_name_inside_its_apposition():
    text = ("Ana Silva, the head of Marlow Transport, on Monday announced 70 new buses. "
            "“It is a start,” Silva said. “We are proud,” Marlow Transport said.")
    quotes = [_quote_at(text, "It is a start,", "Ana Silva"), _quote_at(text, "We are proud,", "Marlow Transport")]
    assert extract_figures(text, quotes)[0].claimed_by == "Ana Silva"


def test_claimed_by_pronoun_subject_takes_the_nearest_name():
    text = ("Ben Ode spoke after a call from Ana Silva in which she said the fund holds $4bn. "
            "“Good,” Ben Ode said. “Yes,” Ana Silva said.")
    reported = _quote_at(text, "the fund holds $4bn", None, kind="indirect")
    quotes = [reported, _quote_at(text, "Good,", "Ben Ode"), _quote_at(text, "Yes,", "Ana Silva")]
    assert extract_figures(text, quotes)[0].claimed_by == "Ana Silva"


def test_unnamed_direct_quote_claims_for_no_one():
    text = "“We counted 300 boats,” a witness said. “Fine,” Ana Silva said."
    quotes = [_quote_at(text, "We counted 300 boats,", None), _quote_at(text, "Fine,", "Ana Silva")]
    assert extract_figures(text, quotes)[0].claimed_by is None


@pytest.mark.parametrize("sentence, text, low, high, unit", [
    ("Rest for two or three weeks.", "two or three weeks", 2, 3, "week"),
    ("Books for six- to eight-year-olds won.", "six- to eight-year-olds", 6, 8, "year"),
])
def test_spoken_ranges(sentence, text, low, high, unit):
    figure = only(sentence)
    assert (figure.text, figure.unit, figure.value, figure.high) == (text, unit, low, high)


@pytest.mark.parametrize("sentence, text, unit", [
    ("She has two other children.", "two other children", "child"),
    ("He wants three more years.", "three more years", "year"),
])
def test_count_modifiers(sentence, text, unit):
    figure = only(sentence)
    assert (figure.text, figure.unit) == (text, unit)


@pytest.mark.parametrize("sentence", [
    "He won 6-4 5-7 6-3 in the final.",
    "All three, who deny it, were banned.",
    "The relay is the 4x100m event.",
    "The 777-200LR flew.",
    "She lost a third-round match.",
])
def test_scores_codes_and_back_references(sentence):
    assert figures(sentence) == []


def test_number_of_does_not_replace_a_unit():
    figure = only("The number of jobs in the region rose 5% last year.")
    assert figure.unit == "percent"


@pytest.mark.parametrize("sentence, text, unit", [
    ("Farmers moved 5,000 cattle inland.", "5,000 cattle", "cattle"),
    ("It got half its annual rain.", "half", None),
    ("“It is over,” said Mayor Ana Ruiz, 38.", "38", "year"),
])
def test_invariant_plurals_half_and_ages(sentence, text, unit):
    figure = only(sentence)
    assert (figure.text, figure.unit) == (text, unit)


def test_bare_number_far_from_a_count_keeps_no_unit():
    found = figures("At least 14 people died on the coast road near the old harbour on Monday, and in the hills 5,000 "
                    "were moved.")
    assert [f.unit for f in found] == ["person", None]


def test_modifier_phrase_stops_at_a_past_verb():
    figure = only("The 100-year-old veteran met the king.")
    assert figure.text == "100-year-old veteran"


def test_chrome_lines_are_no_heading():
    text = ("Winter storms across the north\n\nGales batter coastal towns\n\nPosted 3 hours ago\n\n"
            "The storm cut power to 9,000 homes.\n")
    figure = only(text)
    assert "coastal" in figure.about and "Posted" not in figure.about  # the section's heading, not the title


QUOTES = st.lists(st.builds(Quote, text=st.just("x"), kind=st.sampled_from(["direct", "partial", "indirect"]),
                            start=st.integers(0, 80), end=st.integers(0, 80),
                            speaker=st.sampled_from([None, "Ana Silva", "Marlow Transport"])), max_size=5)


@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.%$£“”\"abcdehilmnorstuwAS")), max_size=80), QUOTES)
def test_any_quotes_never_break_extraction(text, quotes):
    for f in extract_figures(text, quotes):
        assert text[f.start:f.end] == f.text
        assert f.claimed_by in (None, "Ana Silva", "Marlow Transport")


def test_modifier_phrase_stops_at_a_glued_headline():
    figure = only("Prices hit three-month low Oil prices have fallen.")
    assert figure.text == "three-month low"


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("Several thousand fans waited.", "Several thousand fans", 1000, "fan"),
    ("A few hundred homes lost power.", "A few hundred homes", 100, "home"),
    ("It drew a couple of million viewers.", "a couple of million viewers", 1e6, "viewer"),
])
def test_vague_scales(sentence, text, value, unit):
    figure = only(sentence)
    assert (figure.text, figure.value, figure.unit, figure.qualifier) == (text, value, unit, "at_least")


@pytest.mark.parametrize("sentence, text, unit, qualifier", [
    ("According to two U.S. officials, talks stalled.", "two U.S. officials", "official", "exact"),
    ("It raised US$ 5 million.", "US$ 5 million", "USD", "exact"),
    ("By May, 50-plus members had left.", "50-plus members", "member", "at_least"),
    ("He spent 40-odd years there.", "40-odd years", "year", "approx"),
])
def test_abbreviations_bounds_and_spaced_currency(sentence, text, unit, qualifier):
    figure = only(sentence)
    assert (figure.text, figure.unit, figure.qualifier) == (text, unit, qualifier)


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("The screen is 2.5m high.", "2.5m", 2.5, "meter"),
    ("It has 2.5m users.", "2.5m users", 2.5e6, "user"),
    ("They waited two-and-a-half years.", "two-and-a-half years", 2.5, "year"),
])
def test_metres_millions_and_halves(sentence, text, value, unit):
    figure = only(sentence)
    assert (figure.text, figure.unit) == (text, unit)
    assert figure.value == pytest.approx(value)


def test_two_time_champion_is_no_count():
    assert figures("She is a two-time champion.") == []


def test_decimal_m_without_noun_is_millions():
    figure = only("Sales rose to 1.5m last year.")
    assert (figure.value, figure.unit) == (1.5e6, None)


@pytest.mark.parametrize("sentence, text, value", [
    ("One in five adults smoke.", "One in five adults", 0.2),
    ("About 1 in 10 homes had no heating.", "About 1 in 10 homes", 0.1),
])
def test_ratios(sentence, text, value):
    figure = only(sentence)
    assert (figure.text, figure.unit) == (text, None)
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize("sentence, texts", [
    ("He scored 2 in 5 minutes.", ["2", "5 minutes"]),
    ("They won 3 in 2019.", ["3"]),
])
def test_not_ratios(sentence, texts):
    assert [f.text for f in figures(sentence)] == texts


def test_left_context_stops_at_the_figure_before():
    found = figures("1 1 US$ 1")
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def _core_starts(work: str, starts) -> list[int]:
    from factcli.extract.figures.patterns import CORE, TRIGGER

    return [p for p in starts if TRIGGER.match(work, p) and CORE.match(work, p)]


_PIECES = [*"0123456789 \t\n-.,aAnNtTwWoOhHsSeErRfFiIuUvVdDlLgxyzé£’_ſıK٣", "two", "Ten", "a ", "hundreds",
           "an eighth", "a few", "half", "SEVEN"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_fast_trigger_scan_finds_every_number_the_plain_scan_finds(text):
    from factcli.extract.figures.patterns import TRIGGER
    from factcli.extract.figures.spans import trigger_starts

    plain = [m.start() for m in TRIGGER.finditer(text)]
    assert _core_starts(text, trigger_starts(text)) == _core_starts(text, plain)


def test_digits_beyond_ascii():
    assert only("Prices rose by ٣ percent.").text == "٣ percent"


def test_a_verb_of_saying_is_a_whole_word():
    from factcli.extract.figures.claimants import _claim_verb

    text = "Much went unsaid; Smith said 40 jobs would go."
    assert _claim_verb(text, 0, len(text)).start() == text.index(" said") + 1
    assert _claim_verb(text, 0, text.index("Smith")) is None


@pytest.mark.parametrize(("sentence", "unit"), [
    ("Sales reached 6.2bn yuan last year.", "CNY"), ("The rebuilding costs around 30bn baht.", "THB"),
    ("The fine was 2 million shekels.", "ILS"), ("Kyiv paid 3bn hryvnias for gas.", "UAH"),
    ("Tickets cost 500 zlotys.", "PLN"), ("The bond raised 4bn riyals.", "SAR"), ("It sold for 90m rupees.", "INR"),
])
def test_currencies_named_after_the_amount(sentence, unit):
    assert only(sentence).unit == unit
