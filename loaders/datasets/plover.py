"""PLOVER event records as JSON: the gold-standard file (one JSON array with a DOCUMENT header record)
or JSON Lines, one record per line.

Both the 0.5 gold-standard fields (`source`/`target` lists of `{actorText, code, sector}`, `event`,
`mode`, `eventLoc`, `text`) and the PLOVER exchange-format names (`actor`/`recipient` lists of
`{entity_text, code, sector}`, `event` as a list) are read. `"event": "DOCUMENT"` records are file
documentation, not data rows: they are not counted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph.model import ActorRecord
from loaders.datasets import _common as c
from loaders.datasets._io import iter_json_records
from loaders.reader import ReadOptions
from loaders.report import Batch, LoadReport

DATASET = "plover"

#: Event types of PLOVER 0.5 (the gold-standard file) renamed in later PLOVER versions.
LEGACY_TYPES: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None), "DISAPPROVE": ("ACCUSE", "disapprove"), "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None), "YIELD": ("CONCEDE", None),
}
# PLOVER sector codes whose CAMEO role differs: PLOVER MED is health (CAMEO HLH), JRN is journalists
# (CAMEO MED), CIV is a common misspelling of CVL.
_PLOVER_SECTORS = {"MED": "HLH", "JRN": "MED", "CIV": "CVL"}


@lru_cache(maxsize=65536)
def plover_actor(code: str, sector: str, text: str) -> ActorRecord | None:
    """The actor of a PLOVER entity (CAMEO-style country/IGO code, PLOVER sector, the coded text).

    Country code alone → the state; with a sector → the state's organ (`RUS-GOV` for "Russian
    President Boris Yeltsin": PLOVER codes say who acts, the text is not parsed for names); IGO/NGO/
    IMG/MNC → the organisation named by the text ("Asia-Pacific Economic Cooperation"); else None.
    """
    code = code.strip().upper()
    iso3 = c.cameo_country(code[:3]) if code else None
    head = sector.strip()[:3].upper() if sector else ""
    role = _PLOVER_SECTORS.get(head, head) if head in c.ROLE_NAMES or head in _PLOVER_SECTORS else None
    if code[:3] in c.NAMED_ORG_ROLES:
        text = text.strip()
        return c.org_actor(c.org_in_text(text) or text, None) if text else None
    if iso3 is None:
        return None
    return c.organ_actor(iso3, role) if role else c.state_actor(iso3)


def _entities(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    return []


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) and value.strip() else None


def _joined(values: list[str]) -> str | None:
    """Several entities' values as one `; `-separated string (as POLECAT writes them); None when all empty."""
    return "; ".join(values) if any(values) else None


def _actors(record: dict[str, Any], *keys: str) -> tuple[list[ActorRecord], dict[str, str | None]]:
    """The actors of one slot (its list of entities) and the slot's raw code, name and sector text."""
    out = []
    codes, names, sectors = [], [], []
    for key in keys:
        for entity in _entities(record.get(key)):
            text = str(entity.get("actorText") or entity.get("entity_text") or entity.get("text") or "")
            code, sector = str(entity.get("code") or ""), str(entity.get("sector") or "")
            codes.append(code.strip())
            names.append(text.strip())
            sectors.append(sector.strip())
            actor = plover_actor(code, sector, text)
            if actor is not None:
                out.append(actor)
    return out, {"code": _joined(codes), "name": _joined(names), "sectors": _joined(sectors)}


def read_plover(path: Path, report: LoadReport, options: ReadOptions) -> Iterator[Batch]:
    """Stream PLOVER JSON records (array or JSON Lines; plain, .zip or .gz) as batches of records."""
    keep_all = options.keep_all
    batcher = c.Batcher(options.batch_size)

    for label, lineno, record in iter_json_records(path, report.bad_row):
        if isinstance(record, dict) and record.get("event") == "DOCUMENT":
            continue
        report.read += 1
        if not isinstance(record, dict):
            report.error(label, lineno, f"a PLOVER record is a JSON object, not {type(record).__name__}")
            continue
        native = record.get("id")
        raw_type = _first(record.get("event")) or _first(record.get("event_type"))
        if raw_type is None:
            report.error(label, lineno, "no event type")
            continue
        mode = _first(record.get("mode"))
        legacy = LEGACY_TYPES.get(raw_type.strip().upper())
        if legacy:
            raw_type, mode = legacy[0], mode or legacy[1]
        info = c.plover_info(raw_type, mode)
        if info is None:
            report.error(label, lineno, f"unknown PLOVER event type {raw_type[:20]!r}")
            continue
        date_text = record.get("date")
        date = c.ymd(str(date_text)) if date_text else (None, None, None, None)
        if date is None:
            report.error(label, lineno, f"bad date {str(date_text)[:12]!r}")
            continue
        event_type, mode, cameo, diplomatic = info
        if not (diplomatic or keep_all):
            report.filtered += 1
            continue
        sources, raw1 = _actors(record, "source", "actor")
        targets, raw2 = _actors(record, "target", "recipient")
        # the raw slots as reported (before host → visit): a slot that names nobody identifiable loses
        # nothing, and a record with no identifiable actor at all still loads (actors: [])
        attrs: dict[str, Any] = {f"actor{n}_{k}": v for n, raw in ((1, raw1), (2, raw2)) for k, v in raw.items()}
        if mode == "host":  # the host is the source: store the visit, roles swapped
            sources, targets, mode = targets, sources, "visit"
            cameo = "042"
            attrs["mode_reported"] = "host"
        parts: list[dict[str, str]] = []
        seen: set[str] = set()
        for actors, role in ((sources, "source"), (targets, "target")):
            for actor in actors:
                if actor["id"] not in seen:
                    seen.add(actor["id"])
                    parts.append({"id": actor["id"], "role": role})
                    batcher.actors[actor["id"]] = actor
        location = None
        loc = record.get("eventLoc") or record.get("event_loc")
        if isinstance(loc, dict) and isinstance(loc.get("name"), str) and loc["name"].strip():
            iso3 = c.country_iso3(str(loc.get("country code") or loc.get("country_code") or loc.get("country") or ""))
            location = c.place(loc["name"].strip(), iso3 or c.names_country(loc["name"]), None, None)
        for key in ("context", "eventText", "publication", "coder", "version", "size", "dead", "injured",
                    "comment", "language"):
            if record.get(key) not in (None, ""):
                attrs[key] = record[key]
        if raw_type.strip().upper() != event_type or legacy:
            attrs["event_reported"] = _first(record.get("event")) or raw_type
        markup = record.get("textInfo")
        if isinstance(markup, dict) and markup.get("markup"):
            attrs["markup"] = markup["markup"]
        source: dict[str, Any] = {"dataset": DATASET}
        if native is not None:
            source["id"] = str(native)
        if isinstance(record.get("text"), str):
            source["sentence"] = record["text"]
        if isinstance(record.get("url"), str):
            source["url"] = record["url"]
        # PLOVER records are coded sentences with ids of their own (the gold standard's dates are all
        # the placeholder 2000-01-01), so a record is its own event: the id comes from its native id and
        # its sentence (the gold standard uses PLOVER-GSR01-COERCE-0004 for two different sentences).
        key = f"{native}|{record.get('text')}" if native is not None else repr(sorted(record.items(),
                                                                                       key=lambda kv: kv[0]))
        ident = "ev-" + hashlib.blake2b(f"plover|{key}".encode(), digest_size=8).hexdigest()
        batcher.events.append(c.make_event(ident, event_type, mode, cameo, date, c.dataset_confidence(DATASET),
                                           location, parts, source, attrs))
        if len(batcher.events) >= batcher.size:
            yield batcher.take()
    if batcher.events:
        yield batcher.take()
