"""Countries as news names them: ISO codes from names, short names, demonyms and capitals.

pycountry gives every country's names; the short names, demonyms and capitals the press uses
("US", "American", "New Delhi") it does not carry, so they are listed here.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

# Short names and demonyms the press uses for a country (ISO alpha-2 codes).
_ALIASES = {
    "US": ["US", "U.S.", "U.S", "USA", "United States", "America", "American", "Americans"],
    "IN": ["India", "Indian", "Indians"],
    "GB": ["UK", "U.K.", "Britain", "British", "Great Britain", "England", "English"],
    "CN": ["China", "Chinese"], "RU": ["Russia", "Russian"], "JP": ["Japan", "Japanese"],
    "PK": ["Pakistan", "Pakistani", "Pakistanis"], "BD": ["Bangladesh", "Bangladeshi"],
    "LK": ["Sri Lanka", "Sri Lankan"], "NP": ["Nepal", "Nepalese"], "CA": ["Canada", "Canadian"],
    "MX": ["Mexico", "Mexican"], "BR": ["Brazil", "Brazilian"], "DE": ["Germany", "German"],
    "FR": ["France", "French"], "IT": ["Italy", "Italian"], "KR": ["South Korea", "Korean"],
    "VN": ["Vietnam", "Vietnamese"], "ID": ["Indonesia", "Indonesian"],
    "PH": ["Philippines", "Filipino"], "TH": ["Thailand", "Thai"],
    "AU": ["Australia", "Australian"], "TR": ["Turkey", "Turkish"],
    "SA": ["Saudi Arabia", "Saudi"], "AE": ["UAE", "Emirati"], "IR": ["Iran", "Iranian"],
    "IL": ["Israel", "Israeli"], "ZA": ["South Africa", "South African"], "NG": ["Nigeria", "Nigerian"],
    "EG": ["Egypt", "Egyptian"], "AR": ["Argentina", "Argentine"], "SG": ["Singapore", "Singaporean"],
    "MY": ["Malaysia", "Malaysian"], "TW": ["Taiwan", "Taiwanese"], "UA": ["Ukraine", "Ukrainian"],
    "EU": ["European Union", "EU", "E.U."],
}
# The capitals (and seats) that stand for a country's government: "New Delhi considers", "Washington
# imposed". Kept apart from the demonyms, which they may look like ("Delhi", "Hanoi", "Tehran").
_CAPITALS = {
    "US": ["Washington"], "IN": ["New Delhi", "Delhi"], "GB": ["London"], "CN": ["Beijing"], "RU": ["Moscow"],
    "JP": ["Tokyo"], "PK": ["Islamabad"], "BD": ["Dhaka"], "CA": ["Ottawa"], "DE": ["Berlin"], "FR": ["Paris"],
    "KR": ["Seoul"], "VN": ["Hanoi"], "ID": ["Jakarta"], "PH": ["Manila"], "TH": ["Bangkok"], "AU": ["Canberra"],
    "TR": ["Ankara"], "AE": ["Dubai"], "IR": ["Tehran"], "UA": ["Kyiv"], "EU": ["Brussels"],
}


@lru_cache(maxsize=1)
def country_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every country name and alias, and the country each alias names."""
    import pycountry

    code_of = {alias: code for table in (_ALIASES, _CAPITALS) for code, aliases in table.items() for alias in aliases}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                code_of.setdefault(value, country.alpha_2)
    alternatives = "|".join(re.escape(a) for a in sorted(code_of, key=len, reverse=True))
    # "US" must be the word, not "us"; a possessive may follow
    return re.compile(rf"(?<![\w.])({alternatives})(?:[’']s)?(?![\w])"), code_of


@lru_cache(maxsize=8192)
def countries_in(text: str) -> frozenset[str]:
    """ISO codes of the countries ``text`` names, by name, short name, demonym or capital."""
    pattern, code_of = country_pattern()
    return frozenset(code_of[m.group(1)] for m in pattern.finditer(text))


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    import pycountry

    return frozenset(getattr(c, attr) for c in pycountry.countries for attr in ("name", "common_name")
                     if getattr(c, attr, None))


def is_demonym(alias: str) -> bool:
    """Whether a country's alias is its people's word ("Indian", "Chinese", "Pakistani"), which goods
    may follow, rather than its name ("India", "Pakistan")."""
    return (alias not in _country_names() and alias not in _capitals()
            and alias.lower().endswith(("an", "ans", "ese", "i", "ish", "ino")))


def country_name(code: str) -> str:
    """The name to tell a reader a country by ("IN" -> "India"): pycountry's common name, else its name."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return (getattr(country, "common_name", None) or country.name) if country else code


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(city for cities in _CAPITALS.values() for city in cities)


@lru_cache(maxsize=1)
def _capital_pattern() -> tuple[re.Pattern, dict[str, str]]:
    code_of = {city: code for code, cities in _CAPITALS.items() for city in cities}
    cities = sorted(code_of, key=len, reverse=True)
    return re.compile(rf"(?<![\w.])({'|'.join(re.escape(c) for c in cities)})(?![\w])"), code_of


def capitals_in(text: str) -> frozenset[str]:
    """The countries whose capitals ``text`` names ("Goyal was in Washington" -> {"US"})."""
    pattern, code_of = _capital_pattern()
    return frozenset(code_of[m.group(1)] for m in pattern.finditer(text))


@cache
def state_pattern(country: str | None = None) -> re.Pattern:
    """One pattern for the name of every state, province and union territory pycountry knows ("Kerala",
    "Tamil Nadu", "Ohio"), with and without the accents its names carry ("Tamil Nādu"); of one
    ``country`` ("US") when given. A name the press uses for a capital ("Washington", "Delhi") is left out:
    "Washington imposed steep tariffs" names the US government, no state."""
    import unicodedata

    import pycountry

    kinds = {"State", "Province", "Union territory", "Territory"}
    names = set()
    for subdivision in pycountry.subdivisions:
        if subdivision.type in kinds and country in (None, subdivision.country_code):
            names.add(subdivision.name)
            folded = unicodedata.normalize("NFKD", subdivision.name)
            names.add("".join(ch for ch in folded if not unicodedata.combining(ch)))
    alternatives = "|".join(re.escape(n) for n in sorted(names - _capitals(), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
