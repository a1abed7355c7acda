"""GDELT event exports (2.0: 61 columns; 1.0: 57/58) and the 2.0 mentions table joined to them.

Columns are taken by position (names differ between tools), codes stay strings, files are read with
no quote handling (a stray `"` in a name must not swallow tabs). The format version is fixed by the
first data row: 61 columns → 2.0 (every row must have 61), 57/58 → 1.0 (57 = backfile without
SOURCEURL, 58 = daily files). Mapping rules are in `docs/datasets.md`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graph.model import ActorRecord
from loaders.datasets import _common as c
from loaders.datasets._io import iter_blocks, iter_lines
from loaders.datasets.fips import FIPS_TO_ISO3
from loaders.reader import ReadOptions
from loaders.report import Batch, LoadReport

DATASET = "gdelt"
MAX_ALSO_REPORTED = 100

# Column positions that differ between versions: ActionGeo Type, FullName, CountryCode, Lat, Long;
# DATEADDED; SOURCEURL (None for the 57-column backfile).
_V2 = (51, 52, 53, 56, 57, 59, 60)
_V1 = (49, 50, 51, 53, 54, 56, 57)

_TIMESTAMP = re.compile(r"^(\d{14}|\d{8})(?=\.)")
_MENTION_SUFFIXES = (".mentions.CSV", ".mentions.csv", ".mentions.CSV.zip", ".mentions.csv.zip",
                     ".mentions.CSV.gz", ".mentions.csv.gz")

#: Confidence of an event without mentions, by NumSources: 1 - 0.5 ** NumSources (1 → 0.5, 2 → 0.75, …).
_SOURCE_CONFIDENCE: dict[str, float] = {str(n): 1.0 - 0.5 ** n for n in range(1, 14)}

_actor_cache: dict[tuple[str, str, str, str, str], ActorRecord | None] = {}


def gdelt_actor(code: str, name: str, country: str, group: str, role: str) -> ActorRecord | None:
    """The actor of a GDELT actor slot (code, name, CountryCode, KnownGroupCode, Type1Code), or None.

    - a known group (UNO, NAT, EEC, TAL, …) is that organisation, whatever the country prefix;
    - a named IGO/NGO/MNC ("NGOENV GREENPEACE", "MNCUSA NETFLIX") is an organisation by its name;
    - a country without a role is the state ("USA" named "WASHINGTON" or "ALASKA" is the United States:
      GDELT names are often places, so the name is not used);
    - a country with a role is the state's organ (`RUS-GOV`), unless the role can carry a person and
      the name reads as a person's ("RUSGOV VLADIMIR PUTIN" → person `vladimir-putin`, country RUS);
    - anything else (roles or religions without a country: "GOV PRESIDENT", "COP POLICE", regions such
      as AFR/EUR, ethnic codes) is nobody in particular: None.
    When CountryCode is blank but the code starts with a country code GDELT does not know (`ROU` for
    Romania; GDELT expects the old CAMEO `ROM`), that country is used.
    """
    key = (code, name, country, group, role)
    cached = _actor_cache.get(key, False)
    if cached is not False:
        return cached  # type: ignore[return-value]
    actor: ActorRecord | None = None
    if code:
        prefix = country or code[:3]
        iso3 = c.cameo_country(prefix) if prefix.isupper() else None
        if group:
            actor = c.org_actor(name or c.KNOWN_GROUPS.get(group, group), iso3, group)
        elif role in c.NAMED_ORG_ROLES and name:
            actor = c.org_actor(name, iso3)
        elif iso3 is not None:
            if not role:
                actor = c.state_actor(iso3)
            elif role in c.PERSON_ROLES and c.looks_like_person(name):
                actor = c.person_actor(name, iso3)
            else:
                actor = c.organ_actor(iso3, role)
    if len(_actor_cache) > 500_000:
        _actor_cache.clear()
    _actor_cache[key] = actor
    return actor


def file_timestamp(path: Path) -> str | None:
    """The YYYYMMDDHHMMSS (or YYYYMMDD) timestamp a GDELT file name starts with."""
    m = _TIMESTAMP.match(path.name)
    return m.group(1) if m else None


def mentions_files(path: Path, options: ReadOptions) -> list[Path]:
    """Mentions files to join to the export `path`.

    The mentions file beside it with the same timestamp, plus every `options.mentions` file whose
    timestamp is not older than the export's (mentions cannot precede the event's first batch; a name
    without a timestamp is always used).
    """
    stamp = file_timestamp(path)
    found: dict[Path, Path] = {}
    if stamp:
        for suffix in _MENTION_SUFFIXES:
            candidate = path.parent / f"{stamp}{suffix}"
            if candidate.exists():
                found[candidate.resolve()] = candidate
                break
    for m in map(Path, options.mentions):
        other = file_timestamp(m)
        if other is None or stamp is None or other >= stamp:
            found.setdefault(m.resolve(), m)
    return list(found.values())


def _export_ids(path: Path) -> set[str]:
    ids: set[str] = set()
    for _, _, line in iter_lines(path, lambda *_: None):
        tab = line.find("\t")
        if tab > 0:
            ids.add(line[:tab])
    return ids


Mention = tuple[int, str, str, int, int, int, int, str]  # confidence, url, type, sentence, offsets…, time


def load_mentions(files: list[Path], wanted: set[str], report: LoadReport) -> dict[str, list[Mention]]:
    """Mentions of the events in `wanted`, by GLOBALEVENTID. Bad mention rows are noted, not counted."""
    index: dict[str, list[Mention]] = {}

    def on_error(file: str, line: int, reason: str) -> None:
        c.note(report, file, line, f"mentions: {reason}")

    for file in files:
        for label, lineno, line in iter_lines(file, on_error):
            f = line.split("\t")
            if len(f) != 16:
                on_error(label, lineno, f"{len(f)} columns, expected 16")
                continue
            if f[0] not in wanted:
                continue
            try:
                mention: Mention = (int(f[11]), f[5], f[3], int(f[6]), int(f[7]), int(f[8]), int(f[9]), f[2])
            except ValueError:
                on_error(label, lineno, "non-numeric SentenceID, offset or Confidence")
                continue
            index.setdefault(f[0], []).append(mention)
    return index


def _mention_source(event_id: str, m: Mention) -> dict[str, Any]:
    _, ident, mtype, sentence, a1, a2, action, when = m
    source: dict[str, Any] = {"dataset": DATASET, "id": event_id}
    if mtype == "1" or ident.startswith(("http://", "https://")):
        source["url"] = ident
    else:
        source["title"] = ident  # citation-only mentions (MentionType 2-6)
    if len(when) >= 8:
        source["published"] = f"{when[:4]}-{when[4:6]}-{when[6:8]}"
    source["sentence_id"] = sentence
    offsets = [o for o in (a1, a2, action) if o >= 0]
    if offsets:
        source["start"] = min(offsets)
        source["end"] = max(offsets)
    return source


def _join(event_id: str, url: str, mentions: list[Mention]) -> tuple[dict[str, Any], list[dict[str, Any]], float]:
    """Primary source, also-reported sources and confidence of an event from its mentions."""
    best: dict[str, Mention] = {}
    for m in mentions:
        if m[1] not in best or m[0] > best[m[1]][0]:
            best[m[1]] = m
    primary = best.pop(url, None)
    ranked = sorted(best.values(), key=lambda m: (-m[0], m[1]))
    if primary is None:
        primary = ranked.pop(0)
    top = max(m[0] for m in mentions)
    others = [_mention_source(event_id, m) for m in ranked[:MAX_ALSO_REPORTED]]
    return _mention_source(event_id, primary), others, min(1.0, max(0.0, top / 100))


class _Memo(dict):
    """str → parsed number (or None), for columns with few distinct values (Goldstein, counts)."""

    __slots__ = ("parse",)

    def __init__(self, parse) -> None:
        super().__init__()
        self.parse = parse

    def __missing__(self, key: str) -> float | int | None:
        try:
            value = self.parse(key)
        except ValueError:
            value = None
        if len(self) < 100_000:
            self[key] = value
        return value


def read_gdelt(path: Path, report: LoadReport, options: ReadOptions) -> Iterator[Batch]:
    """Stream a GDELT 1.0/2.0 events export (plain, .zip or .gz) as batches of records.

    The loop is written for speed: lines come a block at a time, numbers with few distinct values are
    parsed once, and place records and participant lists are shared between the events that have the
    same ones (records are never mutated after they are yielded, by readers or stores).
    """
    files = mentions_files(path, options)
    mentions = load_mentions(files, _export_ids(path), report) if files else {}
    keep_all = options.keep_all
    batcher = c.Batcher(options.batch_size)
    size = batcher.size
    actor = gdelt_actor
    cameo_info = c.cameo_info
    ymd = c.ymd
    fips = FIPS_TO_ISO3
    ints, floats = _Memo(int), _Memo(float)
    places: dict[tuple[str, str, str, str], dict | None] = {}
    roles: dict[tuple[str | None, str | None], list[dict[str, str]]] = {}
    blake = hashlib.blake2b
    error = report.error
    accepted = 0  # column count of the format: 61 (2.0) or 58 (1.0, which also takes 57); 0 until known
    infos: dict[str, tuple | None] = {}
    dates: dict[str, tuple | None] = {}
    cols = _V2
    read = filtered = 0

    on_error = report.bad_row
    def flush() -> None:
        nonlocal read, filtered
        report.read += read
        report.filtered += filtered
        read = filtered = 0

    for label, first, lines, bad in iter_blocks(path, on_error):
        lineno = first - 1
        for line in lines:
            lineno += 1
            if not line:
                if line is None:
                    on_error(label, lineno, bad[lineno - first])
                continue
            f = line.split("\t")
            n = len(f)
            if not accepted:
                if n == 61:
                    accepted, cols = 61, _V2
                elif n in (57, 58):
                    accepted, cols = 58, _V1
                if accepted and lineno == 1 and not f[0].isdigit():
                    accepted = 0
                    continue  # a header row some tools add: not data
            read += 1
            if n != accepted and not (accepted == 58 and n == 57):
                expected = "61" if accepted == 61 else "57 or 58" if accepted else "61, 58 or 57"
                error(label, lineno, f"{n} columns, expected {expected}")
                continue
            ident = f[0]
            code = f[26]
            info = infos.get(code, False)
            if info is False:
                info = infos[code] = cameo_info(code)
            if info is None:
                error(label, lineno, f"invalid CAMEO code {code[:10]!r}")
                continue
            date = dates.get(f[1], False)
            if date is False:
                date = ymd(f[1])
                if date is not None and date[1] != "YYYY-MM-DD":
                    date = None
                if len(dates) > 100_000:
                    dates.clear()
                dates[f[1]] = date
            if date is None:
                error(label, lineno, f"bad date {f[1][:12]!r}")
                continue
            if not ident.isdigit():
                error(label, lineno, f"GLOBALEVENTID {ident[:20]!r} is not a number")
                continue
            if not (info[2] or keep_all):
                filtered += 1
                continue
            # a row whose slots name nobody identifiable is still an event (actors: []); its raw
            # codes and names stay in attrs and key its id
            a1 = actor(f[5], f[6], f[7], f[8], f[12])
            a2 = actor(f[15], f[16], f[17], f[18], f[22])
            event_type, mode, _ = info
            raw1, raw2 = f[5], f[15]
            attrs: dict[str, Any] = {"goldstein": floats[f[30]], "quad_class": ints[f[29]],
                                     "num_mentions": ints[f[31]], "num_sources": ints[f[32]],
                                     "num_articles": ints[f[33]], "avg_tone": floats[f[34]],
                                     "root_event": f[25] == "1", "actor1_code": raw1 or None,
                                     "actor1_name": f[6] or None, "actor2_code": raw2 or None,
                                     "actor2_name": f[16] or None}
            cameo = code
            if code[:3] == "043":  # B hosts A == A visits B: store the visit
                cameo = "042" + code[3:]
                event_type, mode, _ = cameo_info(cameo)  # type: ignore[misc]
                a1, a2, raw1, raw2 = a2, a1, raw2, raw1
                attrs["cameo_reported"] = code
            id1 = a1["id"] if a1 is not None else None
            id2 = a2["id"] if a2 is not None else None
            parts = roles.get((id1, id2))
            if parts is None:
                if len(roles) > 200_000:
                    roles.clear()
                parts = roles[(id1, id2)] = c.participants(id1, id2)
            if a1 is not None:
                batcher.actors[id1] = a1  # type: ignore[index]
                k1 = id1
            else:
                k1 = "?" + raw1
            if a2 is not None:
                batcher.actors[id2] = a2  # type: ignore[index]
                k2 = id2
            else:
                k2 = "?" + raw2
            if k2 < k1:
                k1, k2 = k2, k1
            location = None
            if f[cols[0]] not in ("", "0"):
                geo = (f[cols[1]], f[cols[2]], f[cols[3]], f[cols[4]])
                location = places.get(geo, False)  # type: ignore[arg-type]
                if location is False:
                    location = c.place(geo[0], fips.get(geo[1]), c.coord(geo[2], -90, 90), c.coord(geo[3], -180, 180))
                    if len(places) > 200_000:
                        places.clear()
                    places[geo] = location
            url = f[cols[6]] if cols[6] < len(f) else ""
            m = mentions.pop(ident, None) if mentions else None
            if m:
                source, also, confidence = _join(ident, url, m)
            else:
                source = {"dataset": DATASET, "id": ident}
                if url[:4] == "http":
                    source["url"] = url
                elif url:
                    source["title"] = url  # a citation such as "BBC Monitoring"
                added = f[cols[5]]
                if len(added) >= 8:
                    source["published"] = f"{added[:4]}-{added[4:6]}-{added[6:8]}"
                also = []
                confidence = _SOURCE_CONFIDENCE.get(f[32]) or (0.9999 if f[32].isdigit() and f[32] != "0" else 0.5)
            # event id: see `_common.event_key` (same key, inlined for speed)
            key = (f"{date[0]}|{k1}|{k2}|{cameo[:3] if len(cameo) >= 3 else cameo + '0'}|"
                   f"{location['id'] if location else ''}")
            batcher.events.append({
                "id": "ev-" + blake(key.encode(), digest_size=8).hexdigest(), "type": event_type, "mode": mode,
                "cameo": cameo, "date": date[0], "precision": date[1], "date_start": date[2],
                "date_end": date[3], "status": "occurred", "confidence": confidence, "location": location,
                "actors": parts, "source": source, "also_reported": also, "attrs": attrs})  # type: ignore[arg-type]
            if len(batcher.events) >= size:
                flush()
                yield batcher.take()
    flush()
    if batcher.events:
        yield batcher.take()


def read_gdelt_mentions(path: Path, report: LoadReport, options: ReadOptions) -> Iterator[Batch]:
    """A mentions file given on its own: load the export beside it (same timestamp) with it joined.

    Mentions carry no actors or codes, so without their export there is nothing to load; that is
    reported once. When the export is loaded in the same run, pass mentions through
    `ReadOptions.mentions` instead (see `split_mentions`), or the export is read twice.
    """
    stamp = file_timestamp(path)
    export = None
    if stamp:
        for suffix in (".export.CSV", ".export.csv", ".export.CSV.zip", ".export.csv.zip", ".export.CSV.gz"):
            candidate = path.parent / f"{stamp}{suffix}"
            if candidate.exists():
                export = candidate
                break
    if export is None:
        report.read += 1
        report.error(str(path), 0, "a GDELT mentions file has no actors or event codes; load it with its "
                                   "events export (same timestamp, same folder, or --mentions)")
        return
    extra = tuple(m for m in options.mentions if Path(m) != path) + (path,)
    yield from read_gdelt(export, report, ReadOptions(keep_all=options.keep_all, batch_size=options.batch_size,
                                                      mentions=extra))
