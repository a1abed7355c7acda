"""ACLED event exports: comma-separated with a header row, 31 columns, CSV quoting (notes hold commas,
quotes and line breaks, so this reader uses `csv.reader`; ACLED files are small next to GDELT's).

ACLED codes political violence and protest, not diplomacy. Only `Strategic developments / Agreement`
(peace deals, ceasefires, prisoner exchanges, negotiated transfers) maps to a diplomatic class: CAMEO 057
"Sign formal agreement" (PLOVER SUPPORT). Every other row is `filtered` unless `keep_all`, when it maps
to its nearest CAMEO root (see `EVENT_CODES`). ACLED actor pairs carry no direction ("actor1/actor2 do
not imply directionality"): actor1 is stored as source and actor2 as target only by position.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

from graph.model import ActorRecord, normalize_name
from loaders.datasets import _common as c
from loaders.datasets._io import iter_lines
from loaders.reader import ReadOptions
from loaders.report import Batch, LoadReport

DATASET = "acled"
REQUIRED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country")

#: (event_type, sub_event_type) → CAMEO code; a missing sub type falls back to (event_type, "").
EVENT_CODES: dict[tuple[str, str], str | None] = {
    ("strategic developments", "agreement"): "057",
    ("strategic developments", "non-violent transfer of territory"): "080",
    ("strategic developments", "arrests"): "173",
    ("strategic developments", "headquarters or base established"): "150",
    ("strategic developments", "looting/property destruction"): "1712",
    ("strategic developments", "disrupted weapons use"): "170",
    ("strategic developments", "change to group/activity"): None,
    ("strategic developments", "other"): None,
    ("strategic developments", ""): None,
    ("battles", ""): "190",
    ("explosions/remote violence", ""): "195",
    ("violence against civilians", ""): "180",
    ("protests", ""): "140",
    ("riots", ""): "145",
}

# Generic ACLED actor names → CAMEO role of the state named in them.
_PREFIX_ROLES: tuple[tuple[str, str], ...] = (
    ("Government of ", "GOV"), ("Military Forces of ", "MIL"), ("Police Forces of ", "COP"),
    ("Protesters (", "OPP"), ("Rioters (", "OPP"), ("Civilians (", "CVL"), ("Unidentified Armed Group (", "UAF"),
    ("Labor Group (", "LAB"), ("Students (", "EDU"), ("Journalists (", "MED"), ("Health Workers (", "HLH"),
    ("Lawyers (", "JUD"), ("Judges (", "JUD"), ("Refugees/IDPs (", "REF"), ("Private Security Forces (", "UAF"),
    ("Prisoners (", "CVL"), ("Farmers (", "AGR"), ("Teachers (", "EDU"), ("Women (", "CVL"),
)
_YEARS = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")
_DATE_FORMATS = ("%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%m/%d/%Y")


@lru_cache(maxsize=100_000)
def acled_actor(name: str) -> ActorRecord | None:
    """The actor of an ACLED actor name.

    "Government of Ukraine (2019-)" → `UKR-GOV`; "Military Forces of Sudan (2019-)" → `SDN-MIL`;
    "Protesters (Nigeria)" → `NGA-OPP`; "Civilians (Mexico)" → `MEX-CVL`; other names are organisations
    ("RSF: Rapid Support Forces" → "Rapid Support Forces"; the period suffix is dropped).
    """
    name = name.strip()
    if not name:
        return None
    for prefix, role in _PREFIX_ROLES:
        if name.startswith(prefix):
            rest = _YEARS.sub("", name[len(prefix):])
            country = rest.split(")")[0] if prefix.endswith("(") else rest.split(" (")[0]
            iso3 = c.country_iso3(country.strip())
            if iso3:
                return c.organ_actor(iso3, role)
            break
    clean = _YEARS.sub("", name).strip()
    if ": " in clean and clean.split(": ", 1)[0].isupper():
        clean = clean.split(": ", 1)[1]
    if normalize_name(clean) in c.GENERIC_NAMES:
        return None
    named = c.country_iso3(clean)
    if named:
        return c.state_actor(named)
    return c.org_actor(clean, None)



def _iso3(numeric: str, country: str) -> str | None:
    if numeric.strip().isdigit():
        found = pycountry.countries.get(numeric=numeric.strip().zfill(3))
        if found:
            return found.alpha_3
    return c.country_iso3(country)


def read_acled(path: Path, report: LoadReport, options: ReadOptions) -> Iterator[Batch]:
    """Stream an ACLED CSV export (plain, .zip or .gz) as batches of records."""
    keep_all = options.keep_all
    batcher = c.Batcher(options.batch_size)
    where = ["", 0]  # label and line of the physical line the csv reader last consumed

    def physical() -> Iterator[str]:
        for label, lineno, line in iter_lines(path, report.bad_row):
            where[0], where[1] = label, lineno
            yield line + "\n"

    rows = csv.reader(physical())
    header: list[str] | None = None
    while True:
        try:
            f = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            report.read += 1
            report.error(str(where[0]), int(where[1]), f"CSV error: {exc}")
            continue
        label, lineno = str(where[0]), int(where[1])
        if header is None:
            header = [h.strip().lower() for h in f]
            missing = [h for h in REQUIRED if h not in header]
            if missing:
                report.read += 1
                report.error(label, lineno, f"not an ACLED header (missing {', '.join(missing)})")
                return
            continue
        report.read += 1
        if len(f) != len(header):
            report.error(label, lineno, f"{len(f)} columns, expected {len(header)}")
            continue
        row = {h: v.strip() for h, v in zip(header, f, strict=True)}
        get = row.get
        event_type, sub_type = get("event_type", "").lower(), get("sub_event_type", "").lower()
        key = (event_type, sub_type) if (event_type, sub_type) in EVENT_CODES else (event_type, "")
        if key not in EVENT_CODES:
            report.error(label, lineno, f"unknown ACLED event type {get('event_type', '')[:30]!r}/{get('sub_event_type', '')[:40]!r}")
            continue
        date = c.day(get("event_date", ""), _DATE_FORMATS)
        if date is None:
            report.error(label, lineno, f"bad date {get('event_date', '')[:20]!r}")
            continue
        cameo = EVENT_CODES[key]
        info = c.cameo_info(cameo) if cameo else ("OTHER", None, False)
        if not (info[2] or keep_all):
            report.filtered += 1
            continue
        parts: list[dict[str, str]] = []
        keys: list[str] = []
        for column, role in (("actor1", "source"), ("actor2", "target")):
            raw = get(column, "")
            actor = acled_actor(raw)
            if actor is None:
                keys.append("?" + raw)  # names nobody identifiable: the raw name keys the id; the row loads
                continue
            keys.append(actor["id"])
            if all(p["id"] != actor["id"] for p in parts):
                parts.append({"id": actor["id"], "role": role})
                batcher.actors[actor["id"]] = actor
        iso3 = _iso3(get("iso", ""), get("country", ""))
        names = [v for v in (get("location", ""), get("admin1", ""), get("country", "")) if v]
        location = c.place(", ".join(dict.fromkeys(names)), iso3, c.coord(get("latitude", ""), -90, 90),
                           c.coord(get("longitude", ""), -180, 180)) if names else None
        attrs: dict[str, Any] = {"event_type": get("event_type", ""), "sub_event_type": get("sub_event_type", ""),
                                 "actor1_name": get("actor1") or None, "actor2_name": get("actor2") or None}
        for name in ("disorder_type", "interaction", "time_precision", "geo_precision", "assoc_actor_1",
                     "assoc_actor_2", "source_scale", "tags"):
            if row.get(name):
                attrs[name] = row[name]
        if get("fatalities", ""):
            attrs["fatalities"] = c.to_int(get("fatalities", ""))
        if get("source", ""):
            attrs["sources"] = get("source", "")
        source: dict[str, Any] = {"dataset": DATASET, "id": get("event_id_cnty", "")}
        if get("notes", ""):
            source["sentence"] = get("notes", "")
        event_id = c.event_key(date[0], keys, cameo[:3] if cameo else "OTHER", location)
        batcher.events.append(c.make_event(event_id, info[0], info[1], cameo, date, c.dataset_confidence(DATASET),
                                           location, parts, source, attrs))
        if len(batcher.events) >= batcher.size:
            yield batcher.take()
    if batcher.events:
        yield batcher.take()
