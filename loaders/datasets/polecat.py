"""POLECAT weekly/yearly event files (Harvard Dataverse): tab-separated, a header row, 40 columns.

Known quirks handled (see `../shared/docs/event-data-formats.md` §3.1):
- column 4 is `Intensity` in some files and `Event Intensity` in others: columns are found by name;
- some files add `Headline`, `Event Text`, `Feed`, `Story ID` columns: extra columns are ignored;
- some headers list those extra names although the rows do not have them ("excess column names"): when
  the first data row is shorter than the header by exactly the extra names, they are dropped;
- trailing tab characters (empty fields after the last column) are tolerated;
- `None` is a missing value; single quotes are data (no quote handling at all);
- `Actor Name`/`Recipient Name` (and their Country/Sector/Title) may hold several entities separated
  by `; `: each becomes an actor in that role; a `None` name falls back to `… Name Raw`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph.model import ActorRecord, normalize_name
from loaders.datasets import _common as c
from loaders.datasets._io import iter_lines
from loaders.reader import ReadOptions
from loaders.report import Batch, LoadReport

DATASET = "polecat"
EXTRA_COLUMNS = ("Headline", "Event Text", "Feed", "Story ID")
REQUIRED = ("Event ID", "Event Date", "Event Type", "Actor Name", "Recipient Name")
_ALIASES = {"Event Intensity": "Intensity"}


def _none(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return None if value in ("", "None", "NA", "nan") else value


def _multi(value: str | None) -> list[str | None]:
    value = _none(value)
    return [_none(v) for v in value.split(";")] if value else []


@lru_cache(maxsize=200_000)
def polecat_actor(name: str | None, country: str | None, sector: str | None, title: str | None) -> ActorRecord | None:
    """The actor of one POLECAT entity (name, country, primary sector, title), or None.

    A country's name → the state; no name but a country → the state's organ by sector (or the
    state); a known organisation → its canonical record; a name with a title ("President") → person;
    a name that reads as an organisation, or a single word → organisation; other names → person.
    """
    iso3 = c.country_iso3(country) if country else None
    if not name:
        if iso3 is None:
            return None
        role = c.role_for_sectors(sector)
        return c.organ_actor(iso3, role) if role else c.state_actor(iso3)
    key = normalize_name(name)
    if key in c.GENERIC_NAMES:
        return None
    if key in c.ORG_CANONICAL:
        return c.org_actor(name, iso3)
    named = c.country_iso3(name)
    if named:
        return c.state_actor(named)
    if title:
        return c.person_actor(name, iso3)
    if c.looks_like_org(name) or " " not in name.strip():
        return c.org_actor(name, iso3)
    return c.person_actor(name, iso3)


def _pick(values: list[str | None], k: int, count: int) -> str | None:
    """The k-th of `count` entities' value: positional when the cell has one value per entity, else the first."""
    if len(values) == count:
        return values[k]
    return values[0] if values else None


def _entities(row: dict[str, str], who: str) -> list[ActorRecord]:
    names = _multi(row.get(f"{who} Name"))
    raws = _multi(row.get(f"{who} Name Raw"))
    countries = _multi(row.get(f"{who} Country"))
    sectors = _multi(row.get(f"Primary {who} Sector"))
    titles = _multi(row.get(f"{who} Title"))
    count = max(len(names), len(raws), 1 if countries else 0)
    out = []
    for k in range(count):
        name = _pick(names, k, count) or _pick(raws, k, count)
        actor = polecat_actor(name, _pick(countries, k, count), _pick(sectors, k, count), _pick(titles, k, count))
        if actor is not None:
            out.append(actor)
    return out


def read_polecat(path: Path, report: LoadReport, options: ReadOptions) -> Iterator[Batch]:
    """Stream a POLECAT TSV (plain, .zip or .gz) as batches of records."""
    keep_all = options.keep_all
    batcher = c.Batcher(options.batch_size)
    header: list[str] | None = None
    repaired = False

    for label, lineno, line in iter_lines(path, report.bad_row):
        f = line.split("\t")
        if header is None:
            header = c.read_header(f, lambda h: _ALIASES.get(h.strip(), h.strip()), REQUIRED, report, label, lineno,
                                   "a POLECAT")
            if header is None:
                return
            continue
        report.read += 1
        while f and len(f) > len(header) and not f[-1].strip():
            f.pop()  # trailing tabs
        if len(f) < len(header) and not repaired:
            repaired = True
            trimmed = [h for h in header if h not in EXTRA_COLUMNS]
            if len(f) == len(trimmed) and len(trimmed) < len(header):  # "excess column names" in the header
                header = trimmed
        if len(f) != len(header):
            report.error(label, lineno, f"{len(f)} columns, expected {len(header)}")
            continue
        row = dict(zip(header, f, strict=True))
        info = c.plover_info(row["Event Type"], _none(row.get("Event Mode")))
        if info is None:
            report.error(label, lineno, f"unknown PLOVER event type {row['Event Type'][:20]!r}")
            continue
        raw_date = row["Event Date"].strip()
        date = c.ymd(raw_date[:10] if len(raw_date) > 10 and raw_date[10] in " T" else raw_date)
        if date is None or date[1] != "YYYY-MM-DD":
            report.error(label, lineno, f"bad date {raw_date[:12]!r}")
            continue
        event_type, mode, cameo, diplomatic = info
        if not (diplomatic or keep_all):
            report.filtered += 1
            continue

        def get(name: str, row: dict[str, str] = row) -> str | None:
            return _none(row.get(name))

        sources = _entities(row, "Actor")
        targets = _entities(row, "Recipient")
        # the raw entity cells of both slots, as reported (before host → visit), so nothing is lost
        # when a slot names nobody identifiable: the row still loads, with the actors that could be named
        raw1 = get("Actor Name") or get("Actor Name Raw")
        raw2 = get("Recipient Name") or get("Recipient Name Raw")
        attrs: dict[str, Any] = {
            "actor1_name": raw1, "actor1_country": get("Actor Country"),
            "actor1_sectors": get("Primary Actor Sector"), "actor1_title": get("Actor Title"),
            "actor2_name": raw2, "actor2_country": get("Recipient Country"),
            "actor2_sectors": get("Primary Recipient Sector"), "actor2_title": get("Recipient Title")}
        if mode == "host":
            sources, targets, raw1, raw2, mode, cameo = targets, sources, raw2, raw1, "visit", "042"
            attrs["mode_reported"] = "host"
        parts: list[dict[str, str]] = []
        keys: list[str] = []
        for actors, role, raw in ((sources, "source", raw1), (targets, "target", raw2)):
            if not actors:
                keys.append("?" + (raw or ""))  # a slot that names nobody: its raw text keys the id
            for actor in actors:
                if all(p["id"] != actor["id"] for p in parts):
                    parts.append({"id": actor["id"], "role": role})
                    batcher.actors[actor["id"]] = actor
        keys.extend(p["id"] for p in parts)

        country = get("Country")
        iso3 = c.country_iso3(country) if country else None
        place_name = get("Placename") or ", ".join(v for v in (get("City"), get("Province"), country) if v) or None
        lat, lon = get("Latitude"), get("Longitude")
        location = c.place(place_name, iso3, c.coord(lat, -90, 90) if lat else None,
                           c.coord(lon, -180, 180) if lon else None) if place_name or iso3 else None
        for key, name in (("intensity", "Intensity"), ("quad_code", "Quad Code"), ("contexts", "Contexts"),
                          ("outlet", "Source"), ("language", "Language"), ("version", "Version"),
                          ("geonames_id", "GeoNames ID")):
            value = get(name)
            if value is not None:
                attrs[key] = c.to_float(value) if key == "intensity" else value
        native = row["Event ID"].strip()
        source: dict[str, Any] = {"dataset": DATASET, "id": native}
        published = get("Publication Date")
        if published:
            source["published"] = published[:10]
        kind = cameo[:3] if cameo else f"{event_type}/{mode or ''}"
        event_id = c.event_key(date[0], keys, kind, location)
        batcher.events.append(c.make_event(event_id, event_type, mode, cameo, date, c.dataset_confidence(DATASET),
                                           location, parts, source, attrs))
        if len(batcher.events) >= batcher.size:
            yield batcher.take()
    if batcher.events:
        yield batcher.take()
