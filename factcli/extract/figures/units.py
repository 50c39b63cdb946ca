"""Units: a vocabulary of measures and currencies, and nouns to their singular.

A figure's unit is what a user filters on (`--unit USD`, `--unit kilometer`), so "$", "US dollars" and
"dollars" must all become "USD", "km", "kilometres" and "kilometers" "kilometer", and "ships" "ship".

The measures follow pint's registry design (its default_en.txt, BSD): each unit has one canonical name (pint's
US spelling: "meter", "liter"), its symbols, which are case-sensitive ("MW" is not "mW"), and its aliases, whose
plurals are made by adding "s" unless listed; SI prefixes combine with the units that take them, by name
("kilo" + "meter") and by symbol ("k" + "m"). The table is our own, cut to what news prints, because pint's
symbols read English words as units ("a" is a year, "in" an inch) and it knows no currency and no count noun.
"""
from __future__ import annotations

from functools import lru_cache

# SI and data prefixes news uses, by name, with their symbols (Greek "μ" and the micro sign "µ"; "K" in "KB");
# "hecto" only for pascals ("hPa"). A unit's canonical name carries its prefix ("kilometer").
_PREFIX_FACTORS = {
    "nano": 1e-9, "micro": 1e-6, "milli": 1e-3, "centi": 1e-2, "hecto": 1e2,
    "kilo": 1e3, "mega": 1e6, "giga": 1e9, "tera": 1e12, "peta": 1e15,
}
_PREFIX_SYMBOLS = {
    "nano": ("n",), "micro": ("μ", "µ"), "milli": ("m",), "centi": ("c",), "hecto": ("h",),
    "kilo": ("k", "K"), "mega": ("M",), "giga": ("G",), "tera": ("T",), "peta": ("P",),
}
# canonical name | symbols | aliases (singular; "s" plurals are made) | prefixes the unit takes, by name |
# dimension and size in the dimension's base unit (what compare converts by; a temperature scale or a level in
# decibels is a dimension of its own, since it does not convert by a factor).
# A symbol of one letter is read only glued to the digits ("60W", "5m"), never after a space.
_MEASURES = """
meter | m | metre | nano micro milli centi kilo | length 1
kilometer | kms | | | length 1000
mile | mi |  | | length 1609.344
nautical mile | nmi |  | | length 1852
foot | ft | feet | | length 0.3048
inch |  | inches | | length 0.0254
yard | yd, yds |  | | length 0.9144
light year | ly | light-year | | length 9.4607e15
gram | g | gramme | micro milli kilo | mass 1
kilogram | kgs | kilo | | mass 1000
ton | t | tonne, metric ton, metric tonne | | mass 1e6
pound | lb, lbs |  | | mass 453.59237
ounce | oz |  | | mass 28.349523125
stone |  |  | | mass 6350.29318
carat | ct |  | | mass 0.2
square meter | m², m2, sq m, sqm | square metre | kilo centi milli | area 1
square mile | sq mi |  | | area 2589988.110336
square foot | sq ft, sqft | square feet | | area 0.09290304
hectare | ha |  | | area 1e4
acre |  |  | | area 4046.8564224
liter | l, L | litre | milli centi | volume 1
gallon | gal | imperial gallon, U.S. gallon, US gallon | | volume 3.785411784
barrel | bbl |  | | volume 158.987294928
pint |  |  | | volume 0.568261
cubic meter | m³, m3, cu m | cubic metre | kilo centi | volume 1000
cubic foot | cu ft | cubic feet | | volume 28.316846592
mile per hour | mph, MPH | miles an hour | | speed 0.44704
kilometer per hour | km/h, kph, kmh, km/hr | kilometre per hour, kilometres an hour, kilometers an hour | | speed 0.2778
meter per second | m/s | metre per second | | speed 1
knot | kn, kt |  | | speed 0.514444
mile per gallon | mpg | miles a gallon | | fuel-economy 1
barrel per day | bpd, b/d | barrels a day | | oil-flow 1
watt | W |  | kilo mega giga tera | power 1
watt hour | Wh | watt-hour | kilo mega giga tera | energy 3600
horsepower | hp, bhp | brake horsepower | | power 745.699872
joule | J |  | kilo mega giga | energy 1
calorie | cal |  | kilo | energy 4.184
British thermal unit | Btu, BTU |  | | energy 1055.05585262
hertz | Hz |  | kilo mega giga | frequency 1
volt | V |  | kilo milli | voltage 1
ampere | A | amp | milli | current 1
ampere hour | Ah | amp hour | milli | charge 3600
byte | B |  | kilo mega giga tera peta | data 1
bit per second | bps |  | kilo mega giga | data-rate 1
bit |  |  | kilo mega giga | data 0.125
part per million | ppm | parts-per-million | | concentration 1e-6
part per billion | ppb | parts-per-billion | | concentration 1e-9
pascal | Pa |  | kilo mega hecto | pressure 1
bar |  |  | milli | pressure 1e5
pound per square inch | psi |  | | pressure 6894.757293168
sievert | Sv |  | milli micro | radiation-dose 1
decibel | dB |  | | sound-level 1
degree celsius | °C, ºC | celsius, degrees celsius, degree centigrade, degrees centigrade, centigrade | | celsius 1
degree fahrenheit | °F, ºF | fahrenheit, degrees fahrenheit | | fahrenheit 1
second | s, sec, secs |  | milli micro nano | duration 1
minute | min, mins |  | | duration 60
hour | h, hr, hrs |  | | duration 3600
day |  |  | | duration 86400
week | wk, wks |  | | duration 604800
fortnight |  |  | | duration 1209600
month | mo, mth, mths |  | | duration 2592000
year | yr, yrs |  | | duration 31536000
decade |  |  | | duration 315360000
century |  | centuries | | duration 3153600000
millennium |  | millennia | | duration 31536000000
"""
# Letters glued to digits that are scales ("5m", "3bn", "10k"), not symbols, whatever a unit's symbol says.
_NOT_GLUED_SYMBOLS = frozenset("m M b B k K bn tn".split())


def _build() -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, float]]]:
    """Symbols (case-sensitive) and names (lower-case, singular and plural) to canonical names, and each
    canonical name's dimension and size."""
    symbols: dict[str, str] = {}
    names: dict[str, str] = {}
    sizes: dict[str, tuple[str, float]] = {}
    for line in _MEASURES.strip().splitlines():
        canonical, symbol_text, alias_text, prefix_text, size_text = (part.strip() for part in line.split("|"))
        unit_symbols = [s.strip() for s in symbol_text.split(",") if s.strip()]
        aliases = [canonical] + [a.strip() for a in alias_text.split(",") if a.strip()]
        dimension, size = size_text.split()
        _add(symbols, names, canonical, unit_symbols, aliases)
        sizes[canonical] = (dimension, float(size))
        power = 2 if canonical.startswith("square ") else 3 if canonical.startswith("cubic ") else 1
        for prefix in prefix_text.split():
            prefixed = [_prefixed(p, s) for p in _PREFIX_SYMBOLS[prefix] for s in unit_symbols if "/" not in s]
            _add(symbols, names, _prefixed(prefix, canonical), prefixed, [_prefixed(prefix, a) for a in aliases])
            sizes.setdefault(_prefixed(prefix, canonical), (dimension, float(size) * _PREFIX_FACTORS[prefix] ** power))
    return symbols, names, sizes


def _prefixed(prefix: str, unit: str) -> str:
    """A prefix joined to the unit it scales: "kilo" + "meter", "square " + "kilo" + "meter", "sq k" + "m"."""
    head, space, rest = unit.partition(" ")
    if space and head.lower() in ("square", "cubic", "sq", "cu"):
        return f"{head} {prefix}{rest}"
    return prefix + unit


def _add(symbols: dict[str, str], names: dict[str, str], canonical: str, unit_symbols: list[str],
         aliases: list[str]) -> None:
    for symbol in unit_symbols:
        symbols.setdefault(symbol, canonical)
    for alias in aliases:
        lower = alias.lower()
        names.setdefault(lower, canonical)
        head, _, rest = lower.partition(" per ")
        plural = _plural(head) + (" per " + rest if rest else "")
        names.setdefault(plural, canonical)


def _plural(words: str) -> str:
    """"kilometer" -> "kilometers", "square foot" -> "square feet", "inch" -> "inches"."""
    *first, last = words.split(" ")
    if last in ("foot", "feet"):
        last = "feet"
    elif last.endswith(("ch", "sh", "x")):
        last += "es"
    elif last.endswith("y") and not last.endswith(("ay", "ey")):
        last = last[:-1] + "ies"
    elif not last.endswith(("s", "z")):
        last += "s"
    return " ".join([*first, last])


def _lower_symbols() -> dict[str, str]:
    """Symbols by their lower case, where that is unambiguous (not "mb"/"Mb", not "ms"/"Ms")."""
    by_lower: dict[str, set[str]] = {}
    for symbol, unit in UNIT_SYMBOLS.items():
        by_lower.setdefault(symbol.lower(), set()).add(unit)
    return {lower: units.pop() for lower, units in by_lower.items() if len(units) == 1 and len(lower) > 1}


UNIT_SYMBOLS, UNIT_NAMES, UNIT_SIZES = _build()
LOWER_SYMBOLS = _lower_symbols()
MEASURES = frozenset(UNIT_NAMES.values())
TIME_UNITS = frozenset("second minute hour day week fortnight month year decade century millennium".split())

# ISO 4217 codes news prints, and the currency each symbol before an amount stands for.
ISO_CODES = frozenset("""USD EUR GBP JPY CHF CNY ZAR AUD CAD INR NZD HKD SGD BRL RUB SEK NOK DKK NGN THB ILS UAH TRY
    MYR IDR PLN HUF AED SAR KRW TWD MXN ARS CLP COP PEN PHP PKR BDT LKR VND EGP KES GHS QAR KWD IRR IQD CZK RON
    ISK BGN ETB MAD TZS UGX""".split())
CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD",
    "can$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "r$": "BRL", "nt$": "TWD", "mx$": "MXN",
    "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₪": "ILS",
    "₦": "NGN", "₴": "UAH", "₱": "PHP", "฿": "THB", "₫": "VND", "rs": "INR", "rs.": "INR", "rmb": "CNY",
    "cn¥": "CNY", "sfr": "CHF", "dh": "AED", "ksh": "KES",
}
# Currency names written after the amount (singular; plurals are made): the adjective picks the dollar.
CURRENCY_WORDS = {
    "dollar": "USD", "us dollar": "USD", "u.s. dollar": "USD", "american dollar": "USD",
    "australian dollar": "AUD", "canadian dollar": "CAD", "new zealand dollar": "NZD", "hong kong dollar": "HKD",
    "singapore dollar": "SGD", "taiwan dollar": "TWD", "new taiwan dollar": "TWD", "pound": "GBP",
    "pound sterling": "GBP", "pounds sterling": "GBP", "sterling": "GBP", "british pound": "GBP",
    "egyptian pound": "EGP", "euro": "EUR",
    "rand": "ZAR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "indian rupee": "INR",
    "pakistani rupee": "PKR", "sri lankan rupee": "LKR", "rouble": "RUB", "ruble": "RUB", "swiss franc": "CHF",
    "franc": "CHF", "krona": "SEK", "kronor": "SEK", "swedish krona": "SEK", "krone": "NOK", "kroner": "NOK",
    "norwegian krone": "NOK", "danish krone": "DKK", "real": "BRL", "reais": "BRL", "naira": "NGN",
    "baht": "THB", "shekel": "ILS", "hryvnia": "UAH", "lira": "TRY", "turkish lira": "TRY", "ringgit": "MYR",
    "rupiah": "IDR", "zloty": "PLN", "zlotys": "PLN", "forint": "HUF", "dirham": "AED", "riyal": "SAR",
    "won": "KRW", "peso": "MXN", "mexican peso": "MXN", "argentine peso": "ARS", "chilean peso": "CLP",
    "colombian peso": "COP", "philippine peso": "PHP", "rial": "IRR", "dinar": "IQD", "shilling": "KES",
    "kenyan shilling": "KES", "cedi": "GHS", "koruna": "CZK", "dong": "VND", "taka": "BDT", "birr": "ETB",
}
# Minor units, as the noun a user would type.
MINOR_CURRENCY = {"cent": "cent", "cents": "cent", "penny": "penny", "pence": "penny", "p": "penny"}
# Currency words that are common English words too: a currency only after a scale word or a large amount.
AMBIGUOUS_CURRENCY = frozenset("won real dong rand".split())
_IRREGULAR = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "police": "police", "staff": "staff",
    "tonne": "ton", "tonnes": "ton", "tons": "ton", "lives": "life", "wives": "wife",
    "knives": "knife", "halves": "half", "thieves": "thief", "leaves": "leaf", "shelves": "shelf",
    "wolves": "wolf", "series": "series", "species": "species", "data": "data", "media": "media",
    "personnel": "personnel", "cattle": "cattle", "aircraft": "aircraft", "crises": "crisis",
    "analyses": "analysis", "bases": "base", "indices": "index", "appendices": "appendix",
    "euros": "euro", "pence": "penny", "sheep": "sheep", "fish": "fish", "deer": "deer",
    "viruses": "virus", "buses": "bus", "statuses": "status", "campuses": "campus", "bonuses": "bonus",
    "centuries": "century", "millennia": "millennium", "inches": "inch", "hertz": "hertz", "yen": "yen",
    "yuan": "yuan", "baht": "baht", "rand": "rand", "kronor": "krona", "kroner": "krone", "reais": "real",
    "lire": "lira",
}
# Plurals that do not end in "s", the words that are their own plural included ("5,000 cattle").
_PLURALS_IRREGULAR = frozenset(k for k, v in _IRREGULAR.items() if not k.endswith("s")) - {
    "tonne", "data", "media"} | {"livestock", "poultry"}
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "'s", "’s", "ics")


@lru_cache(maxsize=8192)  # called for every word after a number; the same words recur
def singular(word: str) -> str:
    """The singular, lower-case form of a noun ("allies" -> "ally", "Republicans" -> "republican")."""
    w = word.lower().rstrip("'’")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 2:
        return w[:-1]
    return w


@lru_cache(maxsize=8192)  # called for every word after a number; the same words recur
def looks_plural(word: str) -> bool:
    """Whether a word can be the plural noun a count (> 1) is followed by."""
    w = word.lower().replace("’", "'")
    if "." in w:
        return False
    if w in _PLURALS_IRREGULAR or w.endswith("people"):
        return True
    if w.endswith("s'"):
        return len(w) > 3
    return len(w) > 2 and w.endswith("s") and not w.endswith(_NOT_PLURAL_ENDINGS)


def noun_unit(word: str) -> str:
    """The unit a counted noun gives: a currency's ISO code ("dollars" -> "USD"), a measure's canonical name
    ("kilometres" -> "kilometer"), else the singular noun."""
    lower = word.lower().rstrip("'’")
    return (CURRENCY_WORDS.get(singular(lower)) or UNIT_NAMES.get(lower) or MINOR_CURRENCY.get(lower)
            or singular(word))


def currency_of_word(words: str) -> str | None:
    """ISO code of a currency name ("euros", "US dollars", "Swiss francs", "rand"), else None."""
    words = " ".join(words.lower().split())
    if not words or words in CURRENCY_WORDS:
        return CURRENCY_WORDS.get(words)
    *adjectives, noun = words.split()
    return CURRENCY_WORDS.get(" ".join([*adjectives, singular(noun)]))


def unit_of_symbol(symbol: str, glued: bool) -> str | None:
    """The canonical name of a measure's symbol ("km", "MW", "μm", "°C"), or None. Symbols of one letter count
    only glued to the digits, and never the letters that are scales there ("5m" is five million)."""
    if glued and symbol in _NOT_GLUED_SYMBOLS:
        return None
    if not glued and len(symbol) < 2:
        return None
    return UNIT_SYMBOLS.get(symbol)


def normalise_unit(unit: str) -> str:
    """What a user types for a unit, as extraction stores units: "tons" -> "ton", "$" -> "USD", "%" -> "percent",
    "km" -> "kilometer", "USD a month" -> "USD per month"."""
    lowered = " ".join(unit.lower().split())
    if lowered in ("%", "per cent", "percent", "percentage", "pc"):
        return "percent"
    for joiner in (" per ", " a ", " an ", "/"):
        if joiner in lowered and lowered not in UNIT_NAMES and unit.strip() not in UNIT_SYMBOLS:
            head, _, tail = unit.partition(joiner) if joiner in unit else lowered.partition(joiner)
            if head.strip() and tail.strip():
                return f"{normalise_unit(head)} per {normalise_unit(tail)}"
    if lowered.upper() in ISO_CODES:
        return lowered.upper()
    stripped = unit.strip()
    return (CURRENCY_SYMBOLS.get(lowered) or UNIT_SYMBOLS.get(stripped) or LOWER_SYMBOLS.get(lowered)
            or currency_of_word(lowered) or noun_unit(lowered))
