"""CAMEO and PLOVER event codes: names, QuadClass, and the mapping between the two schemes.

Sources: the GDELT CAMEO lookup, the PLOVER manual and CAMEO2PLOVER-2021 (see
`../shared/docs/cameo-codes.md`). CAMEO codes are always strings ("042", never 42).
"""

from __future__ import annotations

import re

CAMEO_NAMES: dict[str, str] = {
    "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate",
    "030": "Express intent to cooperate", "031": "Express intent to engage in material cooperation",
    "032": "Express intent to provide diplomatic cooperation", "033": "Express intent to provide material aid",
    "034": "Express intent to institute political reform", "035": "Express intent to yield",
    "036": "Express intent to meet or negotiate", "037": "Express intent to settle dispute",
    "038": "Express intent to accept mediation", "039": "Express intent to mediate",
    "04": "Consult", "040": "Consult", "041": "Discuss by telephone", "042": "Make a visit",
    "043": "Host a visit", "044": "Meet at a 'third' location", "045": "Mediate",
    "046": "Engage in negotiation",
    "05": "Engage in diplomatic cooperation", "050": "Engage in diplomatic cooperation",
    "051": "Praise or endorse", "052": "Defend verbally", "053": "Rally support on behalf of",
    "054": "Grant diplomatic recognition", "055": "Apologize", "056": "Forgive",
    "057": "Sign formal agreement",
    "06": "Engage in material cooperation", "060": "Engage in material cooperation",
    "061": "Cooperate economically", "062": "Cooperate militarily", "063": "Engage in judicial cooperation",
    "064": "Share intelligence or information",
    "07": "Provide aid", "070": "Provide aid", "071": "Provide economic aid", "072": "Provide military aid",
    "073": "Provide humanitarian aid", "074": "Provide military protection or peacekeeping",
    "075": "Grant asylum",
    "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject",
    "13": "Threaten", "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations",
    "17": "Coerce", "18": "Assault", "19": "Fight", "20": "Use unconventional mass violence",
}

# PLOVER type per CAMEO root (01 and 02 are dropped by PLOVER; we keep them as OTHER under --all).
_ROOT_TO_PLOVER: dict[str, str] = {
    "01": "OTHER", "02": "OTHER", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
    "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}
# PLOVER modes for specific CAMEO codes (CAMEO2PLOVER-2021; 043 keeps the 2021 table's `host`).
_CODE_TO_MODE: dict[str, str] = {
    "041": "phone", "042": "visit", "043": "host", "044": "third-party",
}
# Preferred CAMEO code for a PLOVER (type, mode) pair.
_PLOVER_TO_CAMEO: dict[tuple[str, str | None], str] = {
    ("AGREE", None): "030", ("CONSULT", None): "040", ("CONSULT", "phone"): "041",
    ("CONSULT", "visit"): "042", ("CONSULT", "host"): "043", ("CONSULT", "third-party"): "044",
    ("CONSULT", "multilateral"): "040", ("SUPPORT", None): "050", ("COOPERATE", None): "060",
    ("AID", None): "070", ("CONCEDE", None): "080", ("ACCUSE", None): "110",
    ("REQUEST", None): "100", ("REJECT", None): "120", ("THREATEN", None): "130", ("PROTEST", None): "140",
    ("MOBILIZE", None): "150", ("SANCTION", None): "160", ("COERCE", None): "170", ("ASSAULT", None): "180",
}
PLOVER_TYPES: frozenset[str] = frozenset(t for t, _ in _PLOVER_TO_CAMEO) | {"OTHER", "RETREAT"}

#: CAMEO roots of the diplomatic classes kept by default: AGREE, CONSULT, SUPPORT, COOPERATE, AID.
DIPLOMATIC_ROOTS: frozenset[str] = frozenset({"03", "04", "05", "06", "07"})
DIPLOMATIC_TYPES: frozenset[str] = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})

_CAMEO_RE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")


def is_valid_cameo(code: str) -> bool:
    """True for a well-formed CAMEO event code: a root 01–20 followed by up to two digits."""
    return bool(_CAMEO_RE.match(code))


def cameo_root(code: str) -> str:
    """The two-digit root of a CAMEO code ("0421" → "04")."""
    return code[:2]


def quad_class(code: str) -> int:
    """GDELT QuadClass of a CAMEO code: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def plover_for_cameo(code: str) -> tuple[str, str | None]:
    """PLOVER (type, mode) for a CAMEO code; raises ValueError for a malformed code."""
    if not is_valid_cameo(code):
        raise ValueError(f"invalid CAMEO code {code!r}")
    return _ROOT_TO_PLOVER[code[:2]], _CODE_TO_MODE.get(code[:3])


def cameo_for_plover(event_type: str, mode: str | None = None) -> str | None:
    """Preferred CAMEO code for a PLOVER type and mode, or None when the pair has no CAMEO counterpart."""
    event_type = event_type.upper()
    return _PLOVER_TO_CAMEO.get((event_type, mode)) or _PLOVER_TO_CAMEO.get((event_type, None))


def cameo_name(code: str) -> str | None:
    """Human-readable name of a CAMEO code, falling back to its base and root codes."""
    return CAMEO_NAMES.get(code) or CAMEO_NAMES.get(code[:3]) or CAMEO_NAMES.get(code[:2])


def is_diplomatic(code: str) -> bool:
    """True when a CAMEO code belongs to the default diplomatic classes (roots 03–07)."""
    return code[:2] in DIPLOMATIC_ROOTS
