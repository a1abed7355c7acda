"""ICEWS coded event files (Harvard Dataverse): tab-separated, a header row, 20 columns, `NA` for missing.

Columns are found by header name, so files with extra or reordered columns still read; rows must have
as many fields as the header (trailing empty fields from stray tabs are tolerated). No quote handling:
the files contain literal `"` and `'` in names.
"""

from __future__ import annotations

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

DATASET = "icews"
REQUIRED = ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "CAMEO Code",
            "Target Name", "Target Sectors", "Target Country")
OPTIONAL = ("Event Text", "Intensity", "Story ID", "Sentence Number", "Publisher", "City", "District",
            "Province", "Country", "Latitude", "Longitude")

#: Sectors that make a named ICEWS actor an organisation (news outlets, corporations).
_ORG_SECTORS = frozenset({"Multinational Corporation", "News", "Print News", "Television News", "State Media",
                          "Business NGOs"})


@lru_cache(maxsize=4096)
def _subdivision_country(name: str) -> str | None:
    try:
        sub = pycountry.subdivisions.lookup(name)
    except LookupError:
        return None
    country = pycountry.countries.get(alpha_2=sub.country_code)
    return country.alpha_3 if country else None


@lru_cache(maxsize=200_000)
def icews_actor(name: str, sectors: str, country: str) -> ActorRecord | None:
    """The actor of an ICEWS Source/Target (name, sectors, country), or None for nobody in particular.

    - "Police (India)", "Foreign Affairs (Russia)", "Citizen (Nigeria)": a generic agent of a state →
      the state's organ by its sectors (`IND-COP`, `RUS-GOV`, `NGA-CVL`);
    - a country's name ("Russia", "Japan") → the state; a region of the row's country ("Scotland") →
      that state, as GDELT does with place names;
    - a known organisation ("United Nations", "European Union") → its canonical organisation;
    - other names: organisation when the name reads as one ("… Party", "… Forces", one word such as
      "Taliban"), or the sectors are those of a news outlet or corporation; else a person ("Aso Taro").
    "Unspecified Actor", "Unidentified State Actor", "International" and regions are nobody: None.
    """
    if not name or name == "NA" or normalize_name(name) in c.GENERIC_NAMES:
        return None
    iso3 = c.country_iso3(country)
    if name.endswith(")") and " (" in name:
        head, inner = name[:-1].rsplit(" (", 1)
        owner = c.country_iso3(inner)
        if owner:
            role = c.role_for_sectors(sectors) or c.role_for_sectors(head) or "CVL"
            return c.organ_actor(owner, role)
        inner_key = normalize_name(inner)
        if inner_key in c.GENERIC_NAMES:  # "Citizen (International)", "Cabinet (Africa)"
            return None
        if inner_key in c.ORG_CANONICAL:  # "Secretariat (Organization of American States)"
            return c.org_actor(inner, None)
    key = normalize_name(name)
    if key in c.ORG_CANONICAL:
        return c.org_actor(name, iso3)
    named = c.country_iso3(name)
    if named:
        return c.state_actor(named)
    if sectors in ("NA", ""):
        region_of = _subdivision_country(name)
        if region_of and (region_of == iso3 or iso3 is None):
            return c.state_actor(region_of)
    parts = set(sectors.split(","))
    if c.looks_like_org(name) or " " not in name.strip() or parts & _ORG_SECTORS:
        return c.org_actor(name, iso3)
    return c.person_actor(name, iso3)


_DATE_FORMATS = ("%m/%d/%Y", "%Y/%m/%d", "%d.%m.%Y")



def _na(value: str) -> str | None:
    return None if value in ("NA", "") else value


def read_icews(path: Path, report: LoadReport, options: ReadOptions) -> Iterator[Batch]:
    """Stream an ICEWS coded-event file (plain, .zip or .gz) as batches of records."""
    keep_all = options.keep_all
    batcher = c.Batcher(options.batch_size)
    cameo_info = c.cameo_info
    actor = icews_actor
    columns: dict[str, int] | None = None
    width = 0

    for label, lineno, line in iter_lines(path, report.bad_row):
        f = line.split("\t")
        if columns is None:
            header = c.read_header(f, lambda h: h.strip().strip('"'), REQUIRED, report, label, lineno, "an ICEWS")
            if header is None:
                return
            columns = {h: header.index(h) for h in (*REQUIRED, *OPTIONAL) if h in header}
            width = len(header)
            ix = [columns.get(h, -1) for h in (*REQUIRED, *OPTIONAL)]
            (i_id, i_date, i_sname, i_ssec, i_scty, i_code, i_tname, i_tsec, i_tcty, i_text, i_int, i_story,
             i_sent, i_pub, i_city, _i_district, i_prov, i_cty, i_lat, i_lon) = ix
            continue
        report.read += 1
        n = len(f)
        if n != width and (n < width or any(f[width:])):  # trailing empty fields are stray tabs
            report.error(label, lineno, f"{n} columns, expected {width}")
            continue
        code = f[i_code]
        info = cameo_info(code)
        if info is None:
            report.error(label, lineno, f"invalid CAMEO code {code[:10]!r}")
            continue
        date = c.day(f[i_date], _DATE_FORMATS)
        if date is None:
            report.error(label, lineno, f"bad date {f[i_date][:12]!r}")
            continue
        if not (info[2] or keep_all):
            report.filtered += 1
            continue
        raw1, raw2 = f[i_sname], f[i_tname]
        a1 = actor(raw1, f[i_ssec], f[i_scty])  # None: nobody identifiable; the row still loads
        a2 = actor(raw2, f[i_tsec], f[i_tcty])
        event_type, mode, _ = info
        attrs: dict[str, Any] = {"icews_id": f[i_id], "actor1_name": _na(raw1), "actor1_sectors": _na(f[i_ssec]),
                                 "actor1_country": _na(f[i_scty]), "actor2_name": _na(raw2),
                                 "actor2_sectors": _na(f[i_tsec]), "actor2_country": _na(f[i_tcty])}
        if i_int >= 0:
            attrs["intensity"] = c.to_float(f[i_int])
        if i_text >= 0:
            attrs["event_text"] = _na(f[i_text])
        if i_story >= 0:
            attrs["story_id"] = _na(f[i_story])
        if i_sent >= 0:
            attrs["sentence_number"] = c.to_int(f[i_sent])
        if i_pub >= 0:
            attrs["publisher"] = _na(f[i_pub])
        cameo = code
        if code.startswith("043"):
            cameo = "042" + code[3:]
            event_type, mode, _ = cameo_info(cameo)  # type: ignore[misc]
            a1, a2, raw1, raw2 = a2, a1, raw2, raw1
            attrs["cameo_reported"] = code
        keys = []
        for a, raw in ((a1, raw1), (a2, raw2)):
            if a is None:
                keys.append("?" + raw)
            else:
                keys.append(a["id"])
                batcher.actors[a["id"]] = a
        parts = c.participants(a1["id"] if a1 else None, a2["id"] if a2 else None)
        location = None
        if i_cty >= 0:
            names = [v for v in (f[i_city] if i_city >= 0 else "", f[i_prov] if i_prov >= 0 else "", f[i_cty])
                     if v and v != "NA"]
            if names:
                location = c.place(", ".join(dict.fromkeys(names)), c.country_iso3(f[i_cty]),
                                   c.coord(f[i_lat], -90, 90) if i_lat >= 0 else None,
                                   c.coord(f[i_lon], -180, 180) if i_lon >= 0 else None)
        event_id = c.event_key(date[0], keys, cameo[:3] if len(cameo) >= 3 else cameo + "0", location)
        source = {"dataset": DATASET, "id": f[i_id]}
        batcher.events.append(c.make_event(event_id, event_type, mode, cameo, date, c.dataset_confidence(DATASET),
                                           location, parts, source, attrs))
        if len(batcher.events) >= batcher.size:
            yield batcher.take()
    if batcher.events:
        yield batcher.take()
