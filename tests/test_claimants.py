"""claimed_by: who a document says makes a numeric claim, from quotes and from the sentence's own credit
("according to X", "X estimates", "X's survey", "the report" after its owner); the writer's own stays None."""
from __future__ import annotations

import pytest

from factcli.extract.figures import extract_figures
from factcli.extract.figures.sources import clean_name
from factcli.extract.records import Quote


def claimant(text: str, figure_text: str, quotes: list[Quote] | None = None) -> str | None:
    found = [f for f in extract_figures(text, quotes or []) if f.text == figure_text]
    assert found, [f.text for f in extract_figures(text, quotes or [])]
    return found[0].claimed_by


# (text, figure, claimant)
CLAIMS = [
    ("Unemployment fell to 4.1% in May, according to the Office for National Statistics.", "4.1%",
     "Office for National Statistics"),
    ("According to Harbour Analytics, shipping rates doubled to $4,000 a container.", "$4,000 a container",
     "Harbour Analytics"),
    ("The Federal Reserve estimates that 2.3 million jobs were added.", "2.3 million jobs", "Federal Reserve"),
    ("Greenfield Bank forecasts growth of 1.8% next year.", "1.8%", "Greenfield Bank"),
    ("The charity calculates that 40,000 families rely on food banks, Oxfam said.", "40,000 families", "Oxfam"),
    ("The Kestrel Institute's survey showed 62% of drivers support the plan.", "62%", "Kestrel Institute"),
    ("A Marlow Research report found 300 bridges needed repair.", "300 bridges", "Marlow Research"),
    ("A recent poll by Larkspur College put support at 45%.", "45%", "Larkspur College"),
    ("Sales rose 3% in March, the Retail Council (RC) said.", "3%", "Retail Council"),
    ("The Northern Audit Office (NAO) published its review on Monday. The NAO said 14 projects ran late.",
     "14 projects", "Northern Audit Office"),
    ("Researchers from Brightwater University published a study. According to the study, 9,000 wells are dry.",
     "9,000 wells", "Brightwater University"),
    ("Fenwick Partners said prices would fall. It estimated the drop at 12%.", "12%", "Fenwick Partners"),
    ("The Daily Courier, citing police sources, reported that 17 people were arrested.", "17 people",
     "Daily Courier"),
    ("In September Symtek released statistics which showed 2,000 infected computers.",
     "2,000 infected computers", "Symtek"),
    ("Northbank Data showed 40% of firms beat forecasts.", "40%", "Northbank Data"),
    ("The Monetary Fund of Ruritania cut its forecast for growth to 2.1%.", "2.1%", "Monetary Fund of Ruritania"),
    ("Halbrook Capital analysts predict copper will reach $9,000 a tonne.", "$9,000 a tonne", "Halbrook Capital"),
    ("The economy added 266,000 jobs, the Labour Bureau said on Friday.", "266,000 jobs", "Labour Bureau"),
    ("The bridge is 300 metres long and opened in 1990.", "300 metres", None),
    ("The company said it would cut 2,000 jobs.", "2,000 jobs", None),
    ("Harlow Group owns the site. The company said it employs 300 workers.", "300 workers", "Harlow Group"),
    ("Fenton Bank and Marwick reported results. The bank said it would cut 900 jobs.", "900 jobs", "Fenton Bank"),
    ("Officials said 20 people were hurt.", "20 people", None),
]


@pytest.mark.parametrize("text, figure, expected", CLAIMS)
def test_claimant_from_the_sentence(text, figure, expected):
    assert claimant(text, figure) == expected


def test_a_quote_speaker_claims_the_figures_inside_it():
    text = 'Ms Ortiz said: "We lost 400 jobs this year."'
    quote = Quote(text="We lost 400 jobs this year.", kind="direct", start=text.index("We"),
                  end=text.index('."') + 1, speaker="Ana Ortiz")
    assert claimant(text, "400 jobs", [quote]) == "Ana Ortiz"


def test_according_to_names_the_person_not_the_organisation_a_quote_took():
    text = 'According to Lakeside University economist Mara Quist, "Wages rose 6% last year."'
    quote = Quote(text="Wages rose 6% last year.", kind="direct", start=text.index("Wages"),
                  end=text.index('."') + 1, speaker="Lakeside University")
    assert claimant(text, "6%", [quote]) == "Mara Quist"


@pytest.mark.parametrize("phrase, name", [
    ("In September Symtek", "Symtek"),
    ("NASA administrator Jim Bridenstine", "Jim Bridenstine"),
    ("Prime Minister Theresa May", "Theresa May"),
    ("the National Audit Office", "National Audit Office"),
    ("The Anti-Phishing Working group", "Anti-Phishing Working group"),
    ("The Mail on Sunday", "Mail on Sunday"),
    ("Ernst & Young", "Ernst & Young"),
    ("the OECD. In", "OECD"),
    ("Heizo Takenaka. In the Bank of Japan", "Bank of Japan"),
    ("U.S. Steel", "U.S. Steel"),
    ("officials", None),
    ("the government", None),
])
def test_clean_name(phrase, name):
    assert clean_name(phrase) == name
