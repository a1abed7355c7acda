"""Countries: names, demonyms and capitals to ISO 3166 alpha-3 codes, and back (pycountry underneath)."""

from __future__ import annotations

from functools import lru_cache

import pycountry

from graph.model import normalize_name

# Short names pycountry does not know, plus usual news spellings.
_EXTRA_NAMES: dict[str, str] = {
    "russia": "RUS", "uk": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR",
    "turkey": "TUR", "turkiye": "TUR", "ivory coast": "CIV", "palestine": "PSE", "kosovo": "XKX",
    "america": "USA", "the united states": "USA", "u s": "USA", "usa": "USA", "the us": "USA",
    "the uk": "GBR", "south korea": "KOR", "north korea": "PRK", "dprk": "PRK", "rok": "KOR",
    "vatican": "VAT", "holy see": "VAT", "the netherlands": "NLD", "holland": "NLD", "burma": "MMR",
    "myanmar": "MMR", "czechia": "CZE", "east timor": "TLS", "cape verde": "CPV", "swaziland": "SWZ",
    "macedonia": "MKD", "congo": "COG", "drc": "COD", "dr congo": "COD", "democratic republic of congo": "COD",
    "the philippines": "PHL", "uae": "ARE", "the uae": "ARE", "emirates": "ARE", "prc": "CHN",
    "mainland china": "CHN", "iran": "IRN", "syria": "SYR", "venezuela": "VEN", "bolivia": "BOL",
    "tanzania": "TZA", "moldova": "MDA", "laos": "LAO", "vietnam": "VNM", "taiwan": "TWN",
}

_DEMONYMS: dict[str, str] = {
    "afghan": "AFG", "albanian": "ALB", "algerian": "DZA", "american": "USA", "angolan": "AGO",
    "argentine": "ARG", "argentinian": "ARG", "armenian": "ARM", "australian": "AUS", "austrian": "AUT",
    "azerbaijani": "AZE", "bahraini": "BHR", "bangladeshi": "BGD", "belarusian": "BLR", "belgian": "BEL",
    "bolivian": "BOL", "bosnian": "BIH", "brazilian": "BRA", "british": "GBR", "bulgarian": "BGR",
    "burmese": "MMR", "cambodian": "KHM", "cameroonian": "CMR", "canadian": "CAN", "chadian": "TCD",
    "chilean": "CHL", "chinese": "CHN", "colombian": "COL", "congolese": "COD", "croatian": "HRV",
    "cuban": "CUB", "cypriot": "CYP", "czech": "CZE", "danish": "DNK", "dutch": "NLD", "ecuadorian": "ECU",
    "egyptian": "EGY", "emirati": "ARE", "eritrean": "ERI", "estonian": "EST", "ethiopian": "ETH",
    "filipino": "PHL", "finnish": "FIN", "french": "FRA", "georgian": "GEO", "german": "DEU",
    "ghanaian": "GHA", "greek": "GRC", "guatemalan": "GTM", "haitian": "HTI", "honduran": "HND",
    "hungarian": "HUN", "icelandic": "ISL", "indian": "IND", "indonesian": "IDN", "iranian": "IRN",
    "iraqi": "IRQ", "irish": "IRL", "israeli": "ISR", "italian": "ITA", "japanese": "JPN",
    "jordanian": "JOR", "kazakh": "KAZ", "kazakhstani": "KAZ", "kenyan": "KEN", "korean": "KOR",
    "south korean": "KOR", "north korean": "PRK", "kuwaiti": "KWT", "kyrgyz": "KGZ", "lao": "LAO",
    "latvian": "LVA", "lebanese": "LBN", "libyan": "LBY", "lithuanian": "LTU", "malaysian": "MYS",
    "malian": "MLI", "mexican": "MEX", "moldovan": "MDA", "mongolian": "MNG", "moroccan": "MAR",
    "mozambican": "MOZ", "namibian": "NAM", "nepalese": "NPL", "nepali": "NPL", "new zealand": "NZL",
    "nicaraguan": "NIC", "nigerian": "NGA", "nigerien": "NER", "norwegian": "NOR", "omani": "OMN",
    "pakistani": "PAK", "palestinian": "PSE", "panamanian": "PAN", "paraguayan": "PRY", "peruvian": "PER",
    "polish": "POL", "portuguese": "PRT", "qatari": "QAT", "romanian": "ROU", "russian": "RUS",
    "rwandan": "RWA", "saudi": "SAU", "senegalese": "SEN", "serbian": "SRB", "singaporean": "SGP",
    "slovak": "SVK", "slovenian": "SVN", "somali": "SOM", "south african": "ZAF", "spanish": "ESP",
    "sri lankan": "LKA", "sudanese": "SDN", "swedish": "SWE", "swiss": "CHE", "syrian": "SYR",
    "taiwanese": "TWN", "tajik": "TJK", "tanzanian": "TZA", "thai": "THA", "tunisian": "TUN",
    "turkish": "TUR", "turkmen": "TKM", "ugandan": "UGA", "ukrainian": "UKR", "uruguayan": "URY",
    "uzbek": "UZB", "venezuelan": "VEN", "vietnamese": "VNM", "yemeni": "YEM", "zambian": "ZMB",
    "zimbabwean": "ZWE", "emirian": "ARE", "bruneian": "BRN", "laotian": "LAO", "sierra leonean": "SLE",
}

_CAPITALS: dict[str, str] = {
    "beijing": "CHN", "moscow": "RUS", "washington": "USA", "minsk": "BLR", "kyiv": "UKR", "kiev": "UKR",
    "london": "GBR", "paris": "FRA", "berlin": "DEU", "tokyo": "JPN", "seoul": "KOR", "pyongyang": "PRK",
    "tehran": "IRN", "new delhi": "IND", "islamabad": "PAK", "ankara": "TUR", "brussels": "BEL",
    "canberra": "AUS", "ottawa": "CAN", "rome": "ITA", "madrid": "ESP", "warsaw": "POL", "taipei": "TWN",
    "hanoi": "VNM", "manila": "PHL", "jakarta": "IDN", "riyadh": "SAU", "cairo": "EGY", "damascus": "SYR",
    "baghdad": "IRQ", "kabul": "AFG", "tel aviv": "ISR", "jerusalem": "ISR", "brasilia": "BRA",
    "pretoria": "ZAF", "abuja": "NGA", "nairobi": "KEN", "addis ababa": "ETH", "astana": "KAZ",
    "tashkent": "UZB", "bishkek": "KGZ", "dushanbe": "TJK", "ashgabat": "TKM", "baku": "AZE",
    "yerevan": "ARM", "tbilisi": "GEO", "budapest": "HUN", "vienna": "AUT", "stockholm": "SWE",
    "helsinki": "FIN", "oslo": "NOR", "copenhagen": "DNK", "athens": "GRC", "lisbon": "PRT",
    "havana": "CUB", "caracas": "VEN", "mexico city": "MEX", "bangkok": "THA", "doha": "QAT",
    "abu dhabi": "ARE", "muscat": "OMN", "amman": "JOR", "beirut": "LBN", "canberra ": "AUS",
}

# The US, UK, Russia… read better than their ISO long names.
_SHORT_NAMES: dict[str, str] = {
    "RUS": "Russia", "USA": "United States", "GBR": "United Kingdom", "KOR": "South Korea",
    "PRK": "North Korea", "IRN": "Iran", "SYR": "Syria", "VEN": "Venezuela", "BOL": "Bolivia",
    "TZA": "Tanzania", "MDA": "Moldova", "LAO": "Laos", "VNM": "Vietnam", "TWN": "Taiwan",
    "TUR": "Turkey", "CIV": "Ivory Coast", "PSE": "Palestine", "XKX": "Kosovo", "COD": "DR Congo",
    "CZE": "Czech Republic", "MKD": "North Macedonia", "FSM": "Micronesia", "VAT": "Vatican",
}


@lru_cache(maxsize=65536)
def iso3_for_name(name: str) -> str | None:
    """ISO alpha-3 code of a country named `name` ("Russia", "the United States", "UK"), or None."""
    key = normalize_name(name)
    if key in _EXTRA_NAMES:
        return _EXTRA_NAMES[key]
    if len(key) < 4:  # avoid "IN", "AM", "US" as two-letter lookups of ordinary words
        return None
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


def iso3_for_demonym(word: str) -> str | None:
    """ISO alpha-3 code for a nationality adjective ("Belarusian" → "BLR"), or None."""
    return _DEMONYMS.get(normalize_name(word))


def iso3_for_capital(name: str) -> str | None:
    """ISO alpha-3 code of the country whose capital is `name` ("Beijing" → "CHN"), or None."""
    return _CAPITALS.get(normalize_name(name))


@lru_cache(maxsize=4096)
def country_name(iso3: str) -> str | None:
    """Short English name of a country by ISO alpha-3 code, or None if unknown."""
    if iso3 in _SHORT_NAMES:
        return _SHORT_NAMES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name
