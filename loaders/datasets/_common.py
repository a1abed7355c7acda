"""What every dataset reader shares: country codes, the actor id scheme, the event id rule, batching.

Actor id scheme (the same for GDELT, ICEWS, POLECAT, PLOVER and ACLED, so their graphs join):
- a state is its ISO 3166 alpha-3 code (`RUS`), name the short English name ("Russia"), kind `state`;
- an organ or sector of a state (CAMEO role code after the country: GOV, MIL, COP, JUD, …) is
  `{ISO3}-{ROLE}` (`CHN-GOV`, name "Government of China"), kind `organisation`, country set;
- a named organisation is the slug of its canonical name (`united-nations`, "United Nations"), so
  "THE UN", "UNITED NATIONS" and ICEWS "United Nations" are one actor and text extraction finds it;
- a named person is the slug of the name (`vladimir-putin`, "Vladimir Putin"), kind `person`,
  country set — exactly what `graph.model.actor_id` gives.
Upper-case ids (states, organs) never collide with slugs, which are lower-case.

Event id rule (see `event_key`): rows that are the same event get the same id, whatever the dataset.

Rows whose actors cannot be identified are events all the same (issue #5: `skipped` counts malformed
rows only): an actor slot that names nobody is left out of `actors` (which may end up empty), and every
event keeps both raw actor slots of its row in `attrs`, as reported (before 043 "host" is folded into
the visit): `actor1_*` is the row's first/source slot (GDELT Actor1, ICEWS Source, POLECAT Actor,
PLOVER source/actor, ACLED actor1), `actor2_*` the second/target slot, with the suffixes the dataset
has: `_code` (GDELT, PLOVER), `_name` (all), `_country` (ICEWS, POLECAT), `_sectors` (ICEWS, POLECAT,
PLOVER), `_title` (POLECAT). A missing value is None; several entities in one slot are joined with "; ".
"""

from __future__ import annotations

import datetime as dt

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

import pycountry

from graph import codes
from graph.countries import (
    country_name,
    iso3_for_capital,
    iso3_for_demonym,
    iso3_for_name,
)
from graph.model import (
    ActorRecord,
    EventRecord,
    Kind,
    PlaceRecord,
    normalize_name,
    parse_date,
    place_id,
    slug,
)
from graph.resolve import guess_kind
from loaders.report import MAX_ERRORS_KEPT, LoadReport, RowError

# ---------------------------------------------------------------- countries

ISO3: frozenset[str] = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}

#: Historical states that CAMEO codes but ISO 3166-1 no longer lists (ISO 3166-3 codes).
HISTORIC_NAMES: dict[str, str] = {
    "DDR": "East Germany", "SUN": "Soviet Union", "YUG": "Yugoslavia", "CSK": "Czechoslovakia",
}

#: CAMEO country codes that are not the ISO alpha-3 code of the same country (CAMEO manual ch. 3,
#: older dictionaries, and the PLOVER gold-standard file, which uses JAP, ITL and VTN).
CAMEO_TO_ISO3: dict[str, str] = {
    "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "BRM": "MMR",
    "KOS": "XKX", "KSV": "XKX", "RKS": "XKX", "GMW": "DEU", "GME": "DDR", "USR": "SUN", "YUG": "YUG",
    "CSK": "CSK", "SCG": "SRB", "DDR": "DDR", "SUN": "SUN",
}

#: CAMEO region pseudo-countries (AFR Africa, EUR Europe, WST the West, …): not states.
CAMEO_REGIONS: frozenset[str] = frozenset(
    ["AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST"])

# Names of countries the ISO tables and `graph.countries` do not resolve (ICEWS and ACLED spellings).
_COUNTRY_NAMES: dict[str, str] = {
    "occupied palestinian territory": "PSE", "palestinian territory occupied": "PSE",
    "palestinian territories": "PSE", "the former yugoslav republic of macedonia": "MKD",
    "cote d ivoire": "CIV", "cote divoire": "CIV", "democratic republic of congo": "COD",
    "democratic republic of the congo": "COD", "republic of congo": "COG", "republic of the congo": "COG",
    "kosovo": "XKX", "east timor": "TLS", "timor leste": "TLS", "swaziland": "SWZ", "eswatini": "SWZ",
    "north macedonia": "MKD", "macedonia": "MKD", "micronesia": "FSM", "bahamas": "BHS", "gambia": "GMB",
    "vatican city": "VAT", "caribbean netherlands": "BES", "saint helena ascension and tristan da cunha": "SHN",
}

_NEEDS_THE: frozenset[str] = frozenset({
    "United States", "United Kingdom", "United Arab Emirates", "Netherlands", "Philippines", "Bahamas",
    "Gambia", "Maldives", "Comoros", "Seychelles", "Czech Republic", "Dominican Republic",
    "Central African Republic", "Marshall Islands", "Solomon Islands", "Vatican", "DR Congo",
})


def cameo_country(code: str) -> str | None:
    """ISO alpha-3 code for a CAMEO country code ("RUS", "ROM" → "ROU"); None for regions and others."""
    if code in ISO3:
        return code
    return CAMEO_TO_ISO3.get(code)


@lru_cache(maxsize=8192)
def country_iso3(value: str | None) -> str | None:
    """ISO alpha-3 code for a country given as alpha-3, alpha-2, CAMEO code or English name."""
    if not value or value in ("NA", "None"):
        return None
    value = value.strip()
    if len(value) == 3 and value.isupper():
        return cameo_country(value)
    if len(value) == 2 and value.isupper():
        country = pycountry.countries.get(alpha_2=value)
        return country.alpha_3 if country else ("XKX" if value == "XK" else None)
    key = normalize_name(value)
    return _COUNTRY_NAMES.get(key) or iso3_for_name(value)


@lru_cache(maxsize=4096)
def state_name(iso3: str) -> str:
    """Display name of a state: the short English name, or the code when unknown."""
    return country_name(iso3) or HISTORIC_NAMES.get(iso3) or iso3


@lru_cache(maxsize=65536)
def names_country(name: str) -> str | None:
    """ISO3 when `name` is a country's name, demonym or capital ("RUSSIAN", "MOSCOW"), else None."""
    key = name.lower()
    return (_COUNTRY_NAMES.get(normalize_name(name)) or iso3_for_name(key) or iso3_for_demonym(key)
            or iso3_for_capital(key))


# ---------------------------------------------------------------- names

_KEEP_LOWER = frozenset(["of", "the", "and", "for", "de", "del", "da", "do", "dos", "das", "du", "des", "la", "le", "van", "von", "der", "den", "y", "al", "bin", "ibn", "el", "on", "in", "to", "at"])
_ACRONYMS = frozenset(
    ["UN", "EU", "US", "USA", "UK", "NATO", "ASEAN", "OPEC", "IAEA", "UNICEF", "UNESCO", "UNHCR", "IMF", "WTO", "WHO", "ICC", "ICRC", "SADC", "ECOWAS", "BRICS", "FIFA", "NASA", "FBI", "CIA", "NSA", "BBC", "CNN", "HRW", "PLO", "PKK", "ANC", "SCO", "OAS", "GCC", "OSCE", "OECD", "IOC", "IGAD", "AU", "G7", "G8", "G20", "II", "III", "IV"])
_VOWELS = frozenset("AEIOUY")


def _cap(word: str, first: bool) -> str:
    parts = re.split(r"([-'’])", word)
    out = []
    for i, part in enumerate(parts):
        if not first and i == 0 and part in ("AL", "EL") and len(parts) > 2:
            out.append(part.lower())  # Bashar al-Assad
        elif len(part) > 2 and part.startswith("MC"):
            out.append("Mc" + part[2:].capitalize())
        else:
            out.append(part.capitalize())
    return "".join(out)


@lru_cache(maxsize=65536)
def nice_case(name: str) -> str:
    """Title-case an all-caps dataset name ("GEORGE W. BUSH" → "George W. Bush"); leave mixed case alone."""
    name = " ".join(name.split())
    if not name.isupper():
        return name
    words = name.split(" ")
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        if i and lower in _KEEP_LOWER:
            out.append(lower)
        elif word.strip(".,") in _ACRONYMS:
            out.append(word)
        elif len(word) <= 4 and word.isalpha() and not (_VOWELS & set(word)):
            out.append(word)  # BBC, CNN, HRW
        else:
            out.append(_cap(word, i == 0))
    return " ".join(out)


# ---------------------------------------------------------------- actors

#: CAMEO primary/secondary role codes → name of that part of a state (`{}` is the country's name).
ROLE_NAMES: dict[str, str] = {
    "GOV": "Government of {}", "MIL": "Military of {}", "COP": "Police of {}", "JUD": "Judiciary of {}",
    "LEG": "Legislature of {}", "SPY": "Intelligence services of {}", "OPP": "Opposition in {}",
    "REB": "Rebels in {}", "INS": "Insurgents in {}", "SEP": "Separatists in {}", "UAF": "Armed groups in {}",
    "PTY": "Political parties of {}", "ELI": "Elites of {}", "BUS": "Business sector of {}",
    "MNC": "Multinational corporations of {}", "MED": "Media of {}", "EDU": "Education sector of {}",
    "HLH": "Health sector of {}", "CVL": "Civilians of {}", "LAB": "Labour of {}",
    "AGR": "Agriculture sector of {}", "CRM": "Criminals in {}", "REF": "Refugees from {}",
    "DEV": "Development sector of {}", "ENV": "Environmental groups of {}",
    "HRI": "Human rights groups of {}", "REL": "Religious groups of {}", "NGO": "NGOs of {}",
    "IGO": "International organisations in {}", "MOD": "Moderates in {}", "RAD": "Radicals in {}",
    "SOC": "Society of {}", "UNK": "Unknown actors of {}", "PRM": "Paramilitaries of {}",
    "PRE": "Press of {}", "JRN": "Journalists of {}",
}

#: Roles under which a multi-word GDELT actor name can be a named person ("RUSGOV VLADIMIR PUTIN").
PERSON_ROLES: frozenset[str] = frozenset({"GOV", "ELI", "MIL", "LEG", "JUD", "OPP", "REB", "SPY", "COP"})
#: Roles whose GDELT actor name is the name of an organisation ("MNCUSA NETFLIX", "NGO GREENPEACE").
NAMED_ORG_ROLES: frozenset[str] = frozenset({"MNC", "NGO", "IGO", "IMG", "NGM"})

# Words that show a multi-word GDELT name is a title, a place or an institution, not a person.
_NOT_PERSON = frozenset(
    ["PRESIDENT", "MINISTER", "MINIST", "GOVERNMENT", "SECRETARY", "ADVISER", "ADVISOR", "OFFICIAL", "OFFICIALS", "SPOKESMAN", "SPOKESPERSON", "COMMANDER", "GENERAL", "PRINCE", "PRINCESS", "KING", "QUEEN", "PRIME", "DEPUTY", "AMBASSADOR", "SENATOR", "GOVERNOR", "MAYOR", "ATTORNEY", "JUDGE", "COURT", "POLICE", "ARMY", "FORCES", "FORCE", "PARTY", "COUNCIL", "HOUSE", "OFFICE", "DEPARTMENT", "CITY", "COUNTY", "STATE", "STATES", "REPUBLIC", "KINGDOM", "ISLAND", "ISLANDS", "NORTH", "SOUTH", "EAST", "WEST", "NEW", "SAN", "SANTA", "SAINT", "ST", "FORT", "PORT", "LAKE", "MOUNT", "CAPE", "THE", "OF", "AND", "FOR", "UNITED", "NATIONAL", "FEDERAL", "CENTRAL", "BANK", "COMPANY", "MINISTRY", "AGENCY", "COMMITTEE", "UNION", "ASSOCIATION", "UNIVERSITY", "COLLEGE", "SCHOOL", "HOSPITAL", "TIMES", "NEWS", "PRESS", "POST", "CHIEF", "HEAD", "LEADER", "MILITARY", "REGIME", "AUTHORITY", "AUTHORITIES", "COMMISSION", "ADMINISTRATION", "INTERNATIONAL", "CROWN", "CABINET", "PARLIAMENT", "CONGRESS", "SENATE", "ASSEMBLY", "EMBASSY", "OFFICER", "OFFICERS", "TROOPS", "SOLDIERS", "REBELS", "PROTESTERS", "CITIZENS", "PEOPLE", "GROUP", "GROUPS", "DISTRICT", "PROVINCE", "REGION", "RIVER", "VALLEY", "BAY", "COAST", "BEACH", "AIRPORT", "BASE", "CAMP", "WHITE"])

# Canonical organisations, with the names and abbreviations datasets use for them.
_ORGS: dict[str, tuple[str, ...]] = {
    "United Nations": ("UN", "U.N.", "The UN", "The United Nations", "United Nations Organization"),
    "European Union": ("EU", "E.U.", "The EU", "The European Union"),
    "NATO": ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "The NATO"),
    "African Union": ("The African Union",),
    "ASEAN": ("Association of Southeast Asian Nations",),
    "World Health Organization": ("World Health Organisation",),
    "International Monetary Fund": ("IMF",),
    "World Bank": ("The World Bank",),
    "World Trade Organization": ("WTO", "World Trade Organisation"),
    "OPEC": ("Organization of the Petroleum Exporting Countries",),
    "International Criminal Court": ("ICC",),
    "International Atomic Energy Agency": ("IAEA",),
    "UNICEF": ("United Nations Children's Fund",),
    "Interpol": ("International Criminal Police Organization",),
    "International Committee of the Red Cross": ("ICRC", "Red Cross"),
    "UN Security Council": ("United Nations Security Council", "Security Council"),
    "European Commission": ("The European Commission",),
    "European Parliament": ("The European Parliament",),
    "Shanghai Cooperation Organization": ("Shanghai Cooperation Organisation",),
    "Organization of American States": ("OAS",),
    "Arab League": ("League of Arab States", "The Arab League"),
    "Group of Seven": ("G7", "G-7"),
    "Group of Eight": ("G8", "G-8"),
    "Group of Twenty": ("G20", "G-20"),
    "SADC": ("Southern African Development Community",),
    "Gulf Cooperation Council": ("GCC",),
    "Amnesty International": (),
    "Human Rights Watch": (),
    "Oxfam": (),
    "Taliban": ("The Taliban",),
    "Hamas": (),
    "Hezbollah": ("Hizbollah",),
    "Al Qaeda": ("Al-Qaeda", "Al Qaida"),
    "Islamic State": ("ISIS", "ISIL", "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria"),
}
ORG_CANONICAL: dict[str, str] = {normalize_name(alias): canon for canon, aliases in _ORGS.items()
                                 for alias in (canon, *aliases)}

_ORG_PREFIXES = sorted(ORG_CANONICAL, key=len, reverse=True)


def org_in_text(text: str) -> str | None:
    """Canonical organisation a coded text span starts with ("U.N. peacekeepers" → "United Nations")."""
    key = normalize_name(text)
    for alias in _ORG_PREFIXES:
        if key == alias or key.startswith(alias + " "):
            return ORG_CANONICAL[alias]
    return None


#: CAMEO known-group codes (GDELT `Actor*KnownGroupCode`) whose dataset name may be unhelpful.
KNOWN_GROUPS: dict[str, str] = {
    "UNO": "United Nations", "NAT": "NATO", "EEC": "European Union", "AFU": "African Union", "ASN": "ASEAN",
    "IMF": "International Monetary Fund", "WBK": "World Bank", "WTO": "World Trade Organization",
    "OPC": "OPEC", "ICC": "International Criminal Court", "ARL": "Arab League", "OAS": "Organization of American States",
    "GCC": "Gulf Cooperation Council", "SAD": "SADC", "GOE": "Group of Eight", "ITP": "Interpol",
    "AMN": "Amnesty International", "HRW": "Human Rights Watch", "XFM": "Oxfam", "TAL": "Taliban",
    "ALQ": "Al Qaeda", "HMS": "Hamas", "HEZ": "Hezbollah", "ICR": "International Committee of the Red Cross",
    "WHO": "World Health Organization",
}

#: Names that stand for nobody in particular (ICEWS "Unspecified Actor", regions): no actor.
GENERIC_NAMES: frozenset[str] = frozenset(normalize_name(n) for n in (
    "Unspecified Actor", "Unidentified State Actor", "International", "International Government Organizations",
    "International Community", "The International Community", "Africa", "Asia", "Europe", "Middle East",
    "Southeast Asia", "South Asia", "East Asia", "Central Asia", "Caribbean", "Latin America", "South America",
    "North America", "Central America", "Western Europe", "Eastern Europe", "Central Europe", "Balkans",
    "Caucasus", "Persian Gulf", "Gulf", "Scandinavia", "Oceania", "Pacific", "Sub-Saharan Africa",
    "West Africa", "East Africa", "North Africa", "Southern Africa", "Central Africa", "The West", "West",
    "European", "African", "Asian", "Mediterranean", "Unknown", "None", "NA",
))


def state_actor(iso3: str) -> ActorRecord:
    """The actor record of a state."""
    return {"id": iso3, "name": state_name(iso3), "kind": Kind.state.value, "aliases": [], "country": iso3}


def organ_actor(iso3: str, role: str) -> ActorRecord:
    """The actor record of a part of a state: its government, military, police, …"""
    country = state_name(iso3)
    if country in _NEEDS_THE:
        country = "the " + country
    template = ROLE_NAMES.get(role)
    name = template.format(country) if template else f"{country} ({role})"
    return {"id": f"{iso3}-{role}", "name": name[0].upper() + name[1:], "kind": Kind.organisation.value,
            "aliases": [], "country": iso3}


def person_actor(name: str, iso3: str | None) -> ActorRecord:
    """The actor record of a named person."""
    name = nice_case(name)
    return {"id": slug(name), "name": name, "kind": Kind.person.value, "aliases": [], "country": iso3}


def org_actor(name: str, iso3: str | None, known_group: str | None = None) -> ActorRecord:
    """The actor record of a named organisation (canonical name when known)."""
    pretty = nice_case(name)
    canon = ORG_CANONICAL.get(normalize_name(pretty))
    if canon is None and known_group:
        canon = KNOWN_GROUPS.get(known_group)
    if canon is None:
        canon = pretty
        aliases: list[str] = []
    else:
        aliases = sorted(a for a in _ORGS.get(canon, ()) if not a.startswith("The "))
        if pretty != canon and normalize_name(pretty) not in {normalize_name(a) for a in aliases}:
            aliases.append(pretty)
    return {"id": slug(canon), "name": canon, "kind": Kind.organisation.value, "aliases": aliases,
            "country": iso3}


_ORG_EXTRA = re.compile(r"\b(authority|service|services|rada|duma|knesset|majlis|sejm|bundestag|airlines?|airways|"
                        r"motors|news|times|agency|institute|foundation|society|network|television|radio|"
                        r"broadcasting|press|inc|ltd|llc|corp|plc|co|"
                        r"janata|dal|sena|morcha|samaj|partido|partei|parti|partij|bloc)\b\.?|&", re.IGNORECASE)


def looks_like_org(name: str) -> bool:
    """True when a name reads as an organisation's ("… Party", "… Forces", "… Authority", "… Ltd")."""
    return guess_kind(name)[0] == Kind.organisation or bool(_ORG_EXTRA.search(name))


def looks_like_person(name: str) -> bool:
    """True for a multi-word all-caps dataset name that reads as a person's name, not a place or a title."""
    words = name.replace(".", ". ").split()
    if len(words) < 2 or any(w in _NOT_PERSON for w in words) or any(c.isdigit() for c in name):
        return False
    if names_country(name):
        return False
    return not looks_like_org(nice_case(name))


# ICEWS / POLECAT sector words → CAMEO role, most specific first ("Government,Police" is police).
_SECTOR_ROLES: tuple[tuple[str, str], ...] = (
    ("Police", "COP"), ("Border", "COP"), ("Intelligence", "SPY"), ("Judicial", "JUD"), ("Legal", "JUD"),
    ("Legislative", "LEG"), ("Upper House", "LEG"), ("Lower House", "LEG"), ("Unicameral", "LEG"),
    ("Ministry", "GOV"), ("Executive", "GOV"), ("Cabinet", "GOV"), ("Military", "MIL"), ("Army", "MIL"),
    ("Navy", "MIL"), ("Air Force", "MIL"), ("Marines", "MIL"), ("Government", "GOV"), ("Insurgents", "INS"),
    ("Rebel", "REB"), ("Separatists", "SEP"), ("Unidentified Forces", "UAF"), ("Organized Violent", "UAF"),
    ("Criminals", "CRM"), ("Protestors", "OPP"), ("Dissident", "OPP"), ("Opposition", "OPP"),
    ("Parties", "PTY"), ("Business", "BUS"), ("Multinational", "BUS"), ("Media", "MED"), ("News", "MED"),
    ("Education", "EDU"), ("Medical", "HLH"), ("Health", "HLH"), ("Labor", "LAB"), ("Agricultural", "AGR"),
    ("Refugees", "REF"), ("Nongovernmental", "NGO"), ("Activists", "NGO"), ("General Population", "CVL"),
    ("Elite", "ELI"), ("Religious", "REL"), ("Muslim", "REL"), ("Christian", "REL"), ("Hindu", "REL"),
    ("Buddhist", "REL"), ("Jew", "REL"), ("Sikh", "REL"), ("Catholic", "REL"), ("Social", "CVL"),
)


@lru_cache(maxsize=8192)
def role_for_sectors(sectors: str | None) -> str | None:
    """CAMEO role for a sector list: CAMEO/PLOVER codes ("GOV", "CVLalb") or ICEWS words."""
    if not sectors or sectors in ("NA", "None", "***"):
        return None
    head = sectors[:3]
    if head in ROLE_NAMES:  # CAMEO/PLOVER codes ("GOV", "CVLalb", "GOVMOS"); ICEWS words are not all-caps
        return head
    for word, role in _SECTOR_ROLES:
        if word in sectors:
            return role
    return None


# ---------------------------------------------------------------- events

_CONFIDENCE: dict[str, float] = {"icews": 0.8, "polecat": 0.8, "plover": 1.0, "acled": 1.0}


def dataset_confidence(dataset: str) -> float:
    """Confidence of a row of a dataset without a per-row measure: human-coded 1.0, machine-coded 0.8."""
    return _CONFIDENCE.get(dataset, 0.8)


@lru_cache(maxsize=4096)
def cameo_info(code: str) -> tuple[str, str | None, bool] | None:
    """(PLOVER type, mode, diplomatic) of a CAMEO code, or None when the code is malformed."""
    if not codes.is_valid_cameo(code):
        return None
    event_type, mode = codes.plover_for_cameo(code)
    return event_type, mode, codes.is_diplomatic(code)


@lru_cache(maxsize=256)
def plover_info(event_type: str, mode: str | None) -> tuple[str, str | None, str | None, bool] | None:
    """(TYPE, mode, CAMEO code or None, diplomatic) of a PLOVER type and mode, or None for unknown types."""
    event_type = event_type.strip().upper()
    if event_type not in codes.PLOVER_TYPES:
        return None
    mode = mode.strip().lower() if mode and mode not in ("None", "NA") else None
    cameo = codes.cameo_for_plover(event_type, mode)
    if cameo is not None and codes.plover_for_cameo(cameo)[0] != event_type:
        cameo = None  # e.g. RETREAT: its nearest CAMEO code (080) is CONCEDE
    return event_type, mode or None, cameo, event_type in codes.DIPLOMATIC_TYPES


@lru_cache(maxsize=65536)
def ymd(value: str) -> tuple[str | None, str | None, str | None, str | None] | None:
    """`parse_date` of YYYY-MM-DD, YYYYMMDD, YYYYMM or YYYY text; None when invalid."""
    value = value.strip()
    if len(value) == 8 and value.isdigit():
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    elif len(value) == 6 and value.isdigit():
        value = f"{value[:4]}-{value[4:]}"
    try:
        return parse_date(value)
    except ValueError:
        return None


@lru_cache(maxsize=65536)
def day(value: str, formats: tuple[str, ...]) -> tuple[str | None, str | None, str | None, str | None] | None:
    """A day from `YYYY-MM-DD`, or from one of the `strptime` `formats` some files use; None otherwise."""
    parsed = ymd(value)
    if parsed is not None:
        return parsed if parsed[1] == "YYYY-MM-DD" else None
    for fmt in formats:
        try:
            return ymd(dt.datetime.strptime(value.strip(), fmt).date().isoformat())
        except ValueError:
            continue
    return None


def event_key(date: str | None, actor_keys: Iterable[str], kind: str, location: PlaceRecord | None) -> str:
    """Deterministic event id of a dataset row.

    Key: the date, the unordered set of actors, the CAMEO base code (first three digits; 043 "host a
    visit" is folded into 042 "make a visit" by the readers) or the PLOVER type/mode when there is no
    CAMEO code, and the place id of the event's location. `actor_keys` are the actor ids plus, for an
    actor slot that names nobody identifiable, its raw code (or name) prefixed with "?" ("?GOV"), so
    "the US met some president" and "the US met some police" stay apart, and so do two events with no
    identifiable actor at all ("?BUS|?CVL" vs "?COP|?GOV"). GDELT's `A 042 B` / `B 043 A` pair of one
    sentence, GDELT re-emissions, ICEWS's reversed symmetric rows and repeated ICEWS ids all collapse.
    """
    keys = sorted(set(actor_keys))
    if len(keys) == 1:
        keys.append(keys[0])  # one actor in both slots keys like one actor (as GDELT's inlined copy does)
    text = f"{date}|{'|'.join(keys)}|{kind}|{location['id'] if location else ''}"
    return "ev-" + hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def place(name: str | None, iso3: str | None, lat: float | None, lon: float | None) -> PlaceRecord | None:
    """A place record (None without a name)."""
    if not name:
        if not iso3:
            return None
        name = state_name(iso3)
    return {"id": _place_id(name, iso3), "name": name, "country": iso3, "lat": lat, "lon": lon}


@lru_cache(maxsize=65536)
def _place_id(name: str, iso3: str | None) -> str:
    return place_id(name, iso3)


def coord(value: str, low: float, high: float) -> float | None:
    """A latitude/longitude in range, else None (a bad coordinate drops the coordinate, not the row)."""
    try:
        number = float(value)
    except ValueError:
        return None
    return number if low <= number <= high else None


def to_int(value: str) -> int | None:
    try:
        return int(value)
    except ValueError:
        return None


def to_float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def participants(source: str | None, target: str | None) -> list[dict[str, str]]:
    """The `actors` list of an event with these source and target ids (either may be None; one actor in
    both slots is listed once, as source)."""
    if source is None:
        return [{"id": target, "role": "target"}] if target is not None else []
    if target is None or target == source:
        return [{"id": source, "role": "source"}]
    return [{"id": source, "role": "source"}, {"id": target, "role": "target"}]


def make_event(ident: str, event_type: str, mode: str | None, cameo: str | None,
               date: tuple[str | None, str | None, str | None, str | None], confidence: float,
               location: PlaceRecord | None, actors: list[dict[str, str]], source: dict[str, Any],
               attrs: dict[str, Any], also_reported: list[dict[str, Any]] | None = None) -> EventRecord:
    """An event record with every field the store expects."""
    return {"id": ident, "type": event_type, "mode": mode, "cameo": cameo, "date": date[0],
            "precision": date[1], "date_start": date[2], "date_end": date[3], "status": "occurred",
            "confidence": confidence, "location": location, "actors": actors,  # type: ignore[typeddict-item]
            "source": source, "also_reported": also_reported or [], "attrs": attrs}  # type: ignore[typeddict-item]


def note(report: LoadReport, file: str, line: int, reason: str) -> None:
    """Record a problem that is not a data row (e.g. in a joined mentions file) without counting a skip."""
    if len(report.errors) < MAX_ERRORS_KEPT:
        report.errors.append(RowError(file, line, reason))
    else:
        report.errors_dropped += 1


class Batcher:
    """Collects events and the actors they name; hands out batches of `size` events."""

    __slots__ = ("actors", "events", "size")

    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self.actors: dict[str, ActorRecord] = {}
        self.events: list[EventRecord] = []

    def take(self) -> tuple[list[ActorRecord], list[EventRecord]]:
        batch = (list(self.actors.values()), self.events)
        self.actors = {}
        self.events = []
        return batch


def read_header(fields: list[str], clean: Callable[[str], str], required: Sequence[str], report: LoadReport,
                label: str, lineno: int, kind: str) -> list[str] | None:
    """Column names of a header row (trailing empty ones dropped), or None after reporting what it lacks."""
    header = [clean(h) for h in fields]
    while header and not header[-1]:
        header.pop()
    missing = [h for h in required if h not in header]
    if missing:
        report.bad_row(label, lineno, f"not {kind} header (missing {', '.join(missing)})")
        return None
    return header
