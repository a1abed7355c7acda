"""Countries: names, demonyms and capitals to ISO 3166 alpha-3 codes, and back (pycountry underneath)."""

from __future__ import annotations

from functools import lru_cache

import pycountry

from graph.model import normalize_name

# Short names pycountry does not know, plus usual news spellings.
_EXTRA_NAMES: dict[str, str] = {
    "america": "USA", "bolivia": "BOL", "bosnia": "BIH", "bosnia and herzegovina": "BIH", "britain": "GBR",
    "burma": "MMR", "cabo verde": "CPV", "cape verde": "CPV", "congo": "COG", "congo brazzaville": "COG",
    "congo kinshasa": "COD", "czechia": "CZE", "democratic republic of congo": "COD", "dprk": "PRK",
    "dr congo": "COD", "drc": "COD", "east timor": "TLS", "emirates": "ARE", "england": "GBR",
    "eswatini": "SWZ", "gambia": "GMB", "gaza": "PSE", "great britain": "GBR", "herzegovina": "BIH",
    "holland": "NLD", "holy see": "VAT", "hong kong": "HKG", "iran": "IRN", "ivory coast": "CIV",
    "korea": "KOR", "kosovo": "XKX", "kyrgyz republic": "KGZ", "laos": "LAO", "macau": "MAC",
    "macedonia": "MKD", "mainland china": "CHN", "moldova": "MDA", "myanmar": "MMR", "north korea": "PRK",
    "north macedonia": "MKD", "palestine": "PSE", "prc": "CHN", "republic of congo": "COG",
    "republic of korea": "KOR", "rok": "KOR", "russia": "RUS", "south korea": "KOR", "soviet union": "RUS",
    "swaziland": "SWZ", "syria": "SYR", "taiwan": "TWN", "tanzania": "TZA", "the gambia": "GMB",
    "the netherlands": "NLD", "the philippines": "PHL", "the uae": "ARE", "the uk": "GBR",
    "the united states": "USA", "the us": "USA", "timor leste": "TLS", "turkey": "TUR", "turkiye": "TUR",
    "u k": "GBR", "u s": "USA", "uae": "ARE", "uk": "GBR", "united states of america": "USA", "us": "USA",
    "usa": "USA", "ussr": "RUS", "vatican": "VAT", "venezuela": "VEN", "vietnam": "VNM", "west bank": "PSE",
    "yugoslavia": "SRB",
}

# None: a known adjective that names no single country ("European", "Arab")
_DEMONYMS: dict[str, str | None] = {
    "afghan": "AFG", "african": None, "albanian": "ALB", "algerian": "DZA", "american": "USA", "anglo": "GBR",
    "angolan": "AGO", "arab": None, "argentine": "ARG", "argentinian": "ARG", "armenian": "ARM", "asian": None,
    "australian": "AUS", "austrian": "AUT", "azerbaijani": "AZE", "azeri": "AZE", "bahraini": "BHR",
    "baltic": None, "bangladeshi": "BGD", "belarusian": "BLR", "belarussian": "BLR", "belgian": "BEL",
    "belizean": "BLZ", "beninese": "BEN", "bhutanese": "BTN", "bolivian": "BOL", "bosnian": "BIH",
    "botswanan": "BWA", "brazilian": "BRA", "british": "GBR", "bruneian": "BRN", "bulgarian": "BGR",
    "burkinabe": "BFA", "burmese": "MMR", "cambodian": "KHM", "cameroonian": "CMR", "canadian": "CAN",
    "central asian": None, "chadian": "TCD", "chilean": "CHL", "chinese": "CHN", "colombian": "COL",
    "congolese": "COD", "costa rican": "CRI", "croatian": "HRV", "cuban": "CUB", "cypriot": "CYP",
    "czech": "CZE", "danish": "DNK", "djiboutian": "DJI", "dominican": "DOM", "dutch": "NLD",
    "ecuadorian": "ECU", "egyptian": "EGY", "emirati": "ARE", "emirian": "ARE", "eritrean": "ERI",
    "estonian": "EST", "ethiopian": "ETH", "european": None, "fijian": "FJI", "filipina": "PHL",
    "filipino": "PHL", "finnish": "FIN", "franco": "FRA", "french": "FRA", "gabonese": "GAB", "gambian": "GMB",
    "georgian": "GEO", "german": "DEU", "ghanaian": "GHA", "greek": "GRC", "guatemalan": "GTM",
    "guinean": "GIN", "gulf": None, "guyanese": "GUY", "haitian": "HTI", "honduran": "HND", "hungarian": "HUN",
    "icelandic": "ISL", "indian": "IND", "indo": "IND", "indonesian": "IDN", "iranian": "IRN", "iraqi": "IRQ",
    "irish": "IRL", "israeli": "ISR", "israeli palestinian": None, "italian": "ITA", "ivorian": "CIV",
    "jamaican": "JAM", "japanese": "JPN", "jordanian": "JOR", "kazakh": "KAZ", "kazakhstani": "KAZ",
    "kenyan": "KEN", "kiwi": "NZL", "korean": "KOR", "kosovar": "XKX", "kuwaiti": "KWT", "kyrgyz": "KGZ",
    "lao": "LAO", "laotian": "LAO", "latin american": None, "latvian": "LVA", "lebanese": "LBN",
    "liberian": "LBR", "libyan": "LBY", "lithuanian": "LTU", "luxembourgish": "LUX", "macedonian": "MKD",
    "malagasy": "MDG", "malawian": "MWI", "malaysian": "MYS", "maldivian": "MDV", "malian": "MLI",
    "maltese": "MLT", "mauritanian": "MRT", "mauritian": "MUS", "mexican": "MEX", "moldovan": "MDA",
    "mongolian": "MNG", "montenegrin": "MNE", "moroccan": "MAR", "mozambican": "MOZ", "namibian": "NAM",
    "nepalese": "NPL", "nepali": "NPL", "new zealand": "NZL", "new zealander": "NZL", "nicaraguan": "NIC",
    "nigerian": "NGA", "nigerien": "NER", "nordic": None, "north korean": "PRK", "norwegian": "NOR",
    "omani": "OMN", "pakistani": "PAK", "palestinian": "PSE", "panamanian": "PAN", "papua new guinean": "PNG",
    "paraguayan": "PRY", "peruvian": "PER", "philippine": "PHL", "polish": "POL", "portuguese": "PRT",
    "qatari": "QAT", "romanian": "ROU", "russian": "RUS", "russo": "RUS", "rwandan": "RWA",
    "salvadoran": "SLV", "samoan": "WSM", "saudi": "SAU", "saudi arabian": "SAU", "senegalese": "SEN",
    "serbian": "SRB", "sierra leonean": "SLE", "singaporean": "SGP", "sino": "CHN", "slovak": "SVK",
    "slovakian": "SVK", "slovene": "SVN", "slovenian": "SVN", "somali": "SOM", "somalian": "SOM",
    "south african": "ZAF", "south korean": "KOR", "south sudanese": "SSD", "soviet": "RUS", "spanish": "ESP",
    "sri lankan": "LKA", "sudanese": "SDN", "surinamese": "SUR", "swedish": "SWE", "swiss": "CHE",
    "syrian": "SYR", "taiwanese": "TWN", "tajik": "TJK", "tanzanian": "TZA", "thai": "THA", "timorese": "TLS",
    "togolese": "TGO", "tongan": "TON", "trinidadian": "TTO", "tunisian": "TUN", "turkish": "TUR",
    "turkmen": "TKM", "u s": "USA", "uae": "ARE", "ugandan": "UGA", "ukrainian": "UKR", "uruguayan": "URY",
    "us": "USA", "uzbek": "UZB", "venezuelan": "VEN", "vietnamese": "VNM", "western": None, "yankee": None,
    "yemeni": "YEM", "zambian": "ZMB", "zimbabwean": "ZWE",
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
    "abu dhabi": "ARE", "muscat": "OMN", "amman": "JOR", "beirut": "LBN", 
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
    key = key[4:] if key.startswith("the ") and key[4:] in _EXTRA_NAMES else key
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
