"""Units: the vocabulary (symbols, names, SI prefixes, plurals), compound units, currencies and ages, as figures
read them from sentences and as a user types them to `--unit`."""
from __future__ import annotations

import pytest

from factcli.extract.figures import extract_figures
from factcli.extract.figures.units import UNIT_NAMES, UNIT_SYMBOLS, normalise_unit


def only(text: str):
    found = extract_figures(text, [])
    assert len(found) == 1, [(f.text, f.unit) for f in found]
    figure = found[0]
    assert text[figure.start:figure.end] == figure.text
    return figure


# (family, sentence, printed text, value, unit)
MEASURES = [
    ("length", "The new runway is 3.2 km long.", "3.2 km", 3.2, "kilometer"),
    ("length", "The walkers covered 14 kilometres on Sunday.", "14 kilometres", 14, "kilometer"),
    ("length", "The particles measure 2.5μm across.", "2.5μm", 2.5, "micrometer"),
    ("length", "He threw the ball 60 yards downfield.", "60 yards", 60, "yard"),
    ("length", "The tunnel runs 12 miles under the hills.", "12 miles", 12, "mile"),
    ("length", "The crack was 4mm wide.", "4mm", 4, "millimeter"),
    ("mass", "Each parcel weighs 20kg at most.", "20kg", 20, "kilogram"),
    ("mass", "The dose is 500 milligrams a day.", "500 milligrams a day", 500, "milligram per day"),
    ("mass", "The baby weighed 7 lbs at birth.", "7 lbs", 7, "pound"),
    ("mass", "She weighed 82 pounds when found.", "82 pounds", 82, "pound"),
    ("area", "The fire burned 300 hectares of forest.", "300 hectares", 300, "hectare"),
    ("area", "The flat measures 750 sq ft inside.", "750 sq ft", 750, "square foot"),
    ("area", "The park covers 40 square kilometres of land.", "40 square kilometres", 40, "square kilometer"),
    ("volume", "The tanker carried 30,000 litres of fuel.", "30,000 litres", 30000, "liter"),
    ("volume", "The reservoir lost 2 billion cubic metres this summer.", "2 billion cubic metres", 2e9,
     "cubic meter"),
    ("speed", "The storm brought winds of 90 mph to the coast.", "90 mph", 90, "mile per hour"),
    ("speed", "Trains will run at 320 km/h on the line.", "320 km/h", 320, "kilometer per hour"),
    ("speed", "The car was doing 70 miles per hour on the bend.", "70 miles per hour", 70, "mile per hour"),
    ("power", "The farm will produce 400MW when finished.", "400MW", 400, "megawatt"),
    ("power", "The engine makes 500 hp on the dyno.", "500 hp", 500, "horsepower"),
    ("power", "The link carries 1000 megawatt across the sea.", "1000 megawatt", 1000, "megawatt"),
    ("energy", "Homes use 2,700 kWh on average.", "2,700 kWh", 2700, "kilowatt hour"),
    ("energy", "Output reached 12 terawatt hours in May.", "12 terawatt hours", 12, "terawatt hour"),
    ("frequency", "The chip runs at 3.5GHz without a fan.", "3.5GHz", 3.5, "gigahertz"),
    ("data", "The phone ships with 128GB of storage.", "128GB", 128, "gigabyte"),
    ("data", "Broadband speeds reach 900 Mbps in the city.", "900 Mbps", 900, "megabit per second"),
    ("battery", "The battery holds 5,000mAh on paper.", "5,000mAh", 5000, "milliampere hour"),
    ("concentration", "Lead levels reached 15 ppb in the water.", "15 ppb", 15, "part per billion"),
    ("fuel", "The hybrid manages 58 mpg on the motorway.", "58 mpg", 58, "mile per gallon"),
    ("temperature", "It reached 41C in the shade.", "41C", 41, "degree celsius"),
    ("temperature", "Forecasters expect 95 degrees Fahrenheit on Friday.", "95 degrees Fahrenheit", 95,
     "degree fahrenheit"),
    ("time", "The flight took 14 hrs with the stop.", "14 hrs", 14, "hour"),
]


@pytest.mark.parametrize("family, sentence, text, value, unit", MEASURES, ids=[f"{m[0]}-{m[2]}" for m in MEASURES])
def test_measure_units(family, sentence, text, value, unit):
    figure = only(sentence)
    assert (figure.text, figure.value, figure.unit) == (text, value, unit)


COMPOUND = [
    ("Rents average $1,800 a month in the city.", "$1,800 a month", "USD per month"),
    ("The field pumps 400,000 barrels a day.", "400,000 barrels a day", "barrel per day"),
    ("The field pumps 400,000 bpd.", "400,000 bpd", "barrel per day"),
    ("Earnings came to 45 cents per share.", "45 cents per share", "cent per share"),
    ("He averaged 27 points per game last season.", "27 points per game", "point per game"),
    ("Brent traded at $82 a barrel on Monday.", "$82 a barrel", "USD per barrel"),
    ("Tickets cost £15 per person.", "£15 per person", "GBP per person"),
    ("Nurses earn R9,000 a month.", None, None),
    ("Prices rose 3% a year.", "3% a year", "percent"),
    ("Crowds of 1,200 people a day came.", "1,200 people a day", "person"),
    ("The firm earned $5bn a year earlier.", "$5bn", "USD"),
]


@pytest.mark.parametrize("sentence, text, unit", COMPOUND)
def test_compound_units(sentence, text, unit):
    found = extract_figures(sentence, [])
    if text is None:
        assert all(f.unit != "ZAR per month" for f in found)
        return
    assert [(f.text, f.unit) for f in found] == [(text, unit)]


CURRENCIES = [
    ("Shares fell to HK$45 in Hong Kong.", "HK$45", "HKD"),
    ("The deal is worth A$2bn to the miner.", "A$2bn", "AUD"),
    ("Ottawa pledged C$300m for housing.", "C$300m", "CAD"),
    ("The ticket costs ¥3,000 in Tokyo.", "¥3,000", "JPY"),
    ("Sales in China reached ¥500bn last year.", "¥500bn", "CNY"),
    ("Exports reached 2 trillion yuan last year.", "2 trillion yuan", "CNY"),
    ("The fund holds 50bn renminbi in bonds.", "50bn renminbi", "CNY"),
    ("A litre of milk costs 60 rupees there.", "60 rupees", "INR"),
    ("Samsung invested 10 trillion won in chips.", "10 trillion won", "KRW"),
    ("The fine was 400 Swiss francs in all.", "400 Swiss francs", "CHF"),
    ("Rent rose to 5,000 shekels a month.", "5,000 shekels a month", "ILS per month"),
    ("The bank lent €40m to the city.", "€40m", "EUR"),
    ("The court ordered him to pay RMB 20m.", "RMB 20m", "CNY"),
    ("It raised SEK 300 million from investors.", "SEK 300 million", "SEK"),
    ("Wages rose to ₹25,000 a month.", "₹25,000 a month", "INR per month"),
    ("The club paid 12 million euros for him.", "12 million euros", "EUR"),
    ("The bill came to 90 pence.", "90 pence", "penny"),
    ("Shares closed at 533p on Friday.", "533p", "penny"),
]


@pytest.mark.parametrize("sentence, text, code", CURRENCIES)
def test_currencies(sentence, text, code):
    figure = only(sentence)
    assert (figure.text, figure.unit) == (text, code)


def test_won_is_a_verb_after_a_small_number():
    assert all(f.unit != "KRW" for f in extract_figures("Spain scored 3 won easily, they said.", []))


AGES = [
    ("A 34-year-old man was arrested.", "34-year-old man", 34),
    ("The driver, aged 72, was unhurt.", "72", 72),
    ("Maria Lopez, 47, said she would appeal.", "47", 47),
    ("His brother, 22, was found at home.", "22", 22),
    ("Agassi, now 34, reached the final.", "34", 34),
    ("Adults are those aged over 19.", "over 19", 19),
]


@pytest.mark.parametrize("sentence, text, value", AGES)
def test_ages_are_years(sentence, text, value):
    figure = only(sentence)
    assert (figure.text, figure.value, figure.unit) == (text, value, "year")


def test_index_levels_are_points():
    figure = [f for f in extract_figures("The Nasdaq rose 0.9% to 2,004 on Monday.", []) if f.value == 2004][0]
    assert figure.unit == "point"


def test_vocabulary_has_prefixes_plurals_and_case_sensitive_symbols():
    assert UNIT_NAMES["kilometres"] == UNIT_NAMES["kilometers"] == "kilometer"
    assert UNIT_NAMES["square feet"] == "square foot"
    assert UNIT_SYMBOLS["MW"] == "megawatt" and "mw" not in UNIT_SYMBOLS and UNIT_SYMBOLS["mm"] == "millimeter"
    assert UNIT_SYMBOLS["µm"] == UNIT_SYMBOLS["μm"] == "micrometer"  # micro sign and Greek mu
    assert "m" not in {s for s in UNIT_SYMBOLS if UNIT_SYMBOLS[s] == "mile"}


@pytest.mark.parametrize("typed, stored", [
    ("$", "USD"), ("usd", "USD"), ("US dollars", "USD"), ("tons", "ton"), ("%", "percent"), ("km", "kilometer"),
    ("kilometres", "kilometer"), ("mw", "megawatt"), ("$ a month", "USD per month"), ("barrels/day", "barrel per day"),
    ("Swiss francs", "CHF"), ("yuan", "CNY"), ("ships", "ship"), ("mph", "mile per hour"),
])
def test_normalise_unit_as_a_user_types_it(typed, stored):
    assert normalise_unit(typed) == stored


@pytest.mark.parametrize("sentence, text, unit", [
    ("Police held two people smugglers at the port.", "two people smugglers", "smuggler"),
    ("She missed three drugs tests last year.", "three drugs tests", "test"),
    ("Two police officers were suspended.", "Two police officers", "officer"),
    ("Shares touched a five year peak on Monday.", "five year peak", "year"),
    ("It is a 10 minute walk from the station.", "10 minute walk", "minute"),
    ("Two people died in the crash.", "Two people", "person"),
])
def test_the_counted_noun_is_the_head_of_its_compound(sentence, text, unit):
    figure = only(sentence)
    assert (figure.text, figure.unit) == (text, unit)
