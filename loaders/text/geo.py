"""Countries behind words in news text: country names, demonyms, capitals, other big cities, seats of government.

Wraps `graph.countries` (names, demonyms, capitals) with a small gazetteer of non-capital cities so that
places get a country.
"""

from __future__ import annotations

from functools import lru_cache

from graph.countries import country_name, iso3_for_capital, iso3_for_demonym, iso3_for_name
from graph.model import normalize_name
from loaders.text.lexicon import METONYMS

#: big non-capital cities and a few venues (normalized name → ISO3)
_CITIES = {
    "shanghai": "CHN", "guangzhou": "CHN", "shenzhen": "CHN", "xian": "CHN", "xi an": "CHN", "hangzhou": "CHN",
    "chengdu": "CHN", "tianjin": "CHN", "wuhan": "CHN", "boao": "CHN", "st petersburg": "RUS",
    "saint petersburg": "RUS", "sochi": "RUS", "vladivostok": "RUS", "kazan": "RUS", "vostochny cosmodrome": "RUS",
    "new york": "USA", "san francisco": "USA", "los angeles": "USA", "camp david": "USA", "honolulu": "USA",
    "chicago": "USA", "mar-a-lago": "USA", "anchorage": "USA", "geneva": "CHE", "davos": "CHE",
    "lausanne": "CHE", "munich": "DEU", "hamburg": "DEU", "frankfurt": "DEU", "bonn": "DEU", "milan": "ITA",
    "naples": "ITA", "osaka": "JPN", "hiroshima": "JPN", "nagasaki": "JPN", "kyoto": "JPN", "busan": "KOR",
    "istanbul": "TUR", "antalya": "TUR", "izmir": "TUR", "mumbai": "IND", "bengaluru": "IND", "chennai": "IND",
    "kolkata": "IND", "goa": "IND", "hyderabad": "IND", "karachi": "PAK", "lahore": "PAK", "samarkand": "UZB",
    "bukhara": "UZB", "almaty": "KAZ", "jeddah": "SAU", "mecca": "SAU", "dubai": "ARE", "sharm el-sheikh": "EGY",
    "sharm el sheikh": "EGY", "alexandria": "EGY", "johannesburg": "ZAF", "cape town": "ZAF", "durban": "ZAF",
    "lagos": "NGA", "rio de janeiro": "BRA", "sao paulo": "BRA", "brasilia": "BRA", "brasília": "BRA",
    "buenos aires": "ARG", "lima": "PER", "santiago": "CHL", "bogota": "COL", "quito": "ECU", "sydney": "AUS",
    "melbourne": "AUS", "perth": "AUS", "auckland": "NZL", "wellington": "NZL", "toronto": "CAN",
    "montreal": "CAN", "vancouver": "CAN", "kharkiv": "UKR", "odesa": "UKR", "odessa": "UKR", "lviv": "UKR",
    "kiev": "UKR", "chisinau": "MDA", "vilnius": "LTU", "riga": "LVA", "tallinn": "EST", "prague": "CZE",
    "bratislava": "SVK", "ljubljana": "SVN", "zagreb": "HRV", "belgrade": "SRB", "sarajevo": "BIH",
    "sofia": "BGR", "bucharest": "ROU", "skopje": "MKD", "tirana": "ALB", "podgorica": "MNE",
    "pristina": "XKX", "nicosia": "CYP", "valletta": "MLT", "dublin": "IRL", "edinburgh": "GBR",
    "amsterdam": "NLD", "the hague": "NLD", "luxembourg": "LUX", "bern": "CHE", "reykjavik": "ISL",
    "phnom penh": "KHM", "vientiane": "LAO", "naypyidaw": "MMR", "yangon": "MMR", "kuala lumpur": "MYS",
    "singapore": "SGP", "bandar seri begawan": "BRN", "dili": "TLS", "ulaanbaatar": "MNG", "kathmandu": "NPL",
    "dhaka": "BGD", "colombo": "LKA", "male": "MDV", "thimphu": "BTN", "ho chi minh city": "VNM",
    "da nang": "VNM", "bali": "IDN", "nusa dua": "IDN", "sana'a": "YEM", "sanaa": "YEM", "manama": "BHR",
    "kuwait city": "KWT", "tripoli": "LBY", "tunis": "TUN", "algiers": "DZA", "rabat": "MAR",
    "khartoum": "SDN", "juba": "SSD", "asmara": "ERI", "djibouti": "DJI", "mogadishu": "SOM", "kampala": "UGA",
    "kigali": "RWA", "dodoma": "TZA", "dar es salaam": "TZA", "lusaka": "ZMB", "harare": "ZWE",
    "luanda": "AGO", "kinshasa": "COD", "brazzaville": "COG", "yaounde": "CMR", "dakar": "SEN",
    "accra": "GHA", "abidjan": "CIV", "bamako": "MLI", "niamey": "NER", "ouagadougou": "BFA",
    "n'djamena": "TCD", "ndjamena": "TCD", "nouakchott": "MRT", "windhoek": "NAM", "gaborone": "BWA",
    "maputo": "MOZ", "antananarivo": "MDG", "port louis": "MUS", "bogotá": "COL", "montevideo": "URY",
    "asuncion": "PRY", "la paz": "BOL", "managua": "NIC", "panama city": "PAN", "san jose": "CRI",
    "santo domingo": "DOM", "kingston": "JAM", "port-au-prince": "HTI", "suva": "FJI", "port moresby": "PNG",
    "honiara": "SLB", "nuku'alofa": "TON", "apia": "WSM", "pyongyang": "PRK", "tehran": "IRN",
    "hanoi": "VNM", "kyiv": "UKR", "minsk": "BLR", "chisinău": "MDA", "vatican city": "VAT",
}


@lru_cache(maxsize=65536)
def country_of_name(text: str) -> str | None:
    """ISO3 of a country named by `text` ("Russia", "the US", "South Korea's"), or None."""
    key = _key(text)
    return iso3_for_name(key) if key else None


@lru_cache(maxsize=65536)
def country_of_demonym(text: str) -> str | None:
    """ISO3 for a nationality adjective ("Belarusian", "Philippine", "Sino-"), or None."""
    key = _key(text)
    found = iso3_for_demonym(key)
    if found is None and key.endswith("s") and not key.endswith("ss"):
        found = iso3_for_demonym(key[:-1])  # "Filipinos", "Afghans"
    return found


@lru_cache(maxsize=65536)
def country_of_place(text: str) -> str | None:
    """ISO3 of the country a place is in, when the place is a country, capital or known city."""
    key = _key(text)
    return (_CITIES.get(key) or iso3_for_capital(key) or country_of_name(text)) if key else None


@lru_cache(maxsize=65536)
def capital_country(text: str) -> str | None:
    """ISO3 of the country whose capital (or seat of government) `text` names; capitals stand for governments."""
    key = _key(text)
    return (iso3_for_capital(key) or METONYMS.get(key)) if key else None


def is_city(text: str) -> bool:
    """True for a known city (capital or not)."""
    key = _key(text)
    return bool(key) and (key in _CITIES or iso3_for_capital(key) is not None)


def state_name(iso3: str) -> str:
    """Short English name of a state."""
    return country_name(iso3) or iso3


def _key(text: str) -> str:
    text = text.strip().replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    key = normalize_name(text)
    return key[4:] if key.startswith("the ") else key


_CITIES = {normalize_name(k): v for k, v in _CITIES.items()}
