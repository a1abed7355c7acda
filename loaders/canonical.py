"""The canonical event format: JSON Lines (one event per line, the shape the API returns) and its CSV form."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from graph.model import Event
from loaders.opener import BROKEN_FILE, open_binary, open_text
from loaders.reader import ReadOptions
from loaders.report import LoadReport

#: Columns of the CSV form. `actors` and `roles` hold `;`-separated lists; anything else goes to `attrs`.
CSV_COLUMNS = ("id", "type", "mode", "cameo", "date", "status", "confidence", "actors", "roles", "location",
               "location_country", "lat", "lon", "dataset", "url", "title", "published", "sentence", "start", "end")


def validation_reason(exc: ValidationError) -> str:
    """One line naming each bad field and why: 'actors.0.role: Input should be …'."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "event"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def _batched(events: Iterator[Event], size: int) -> Iterator[list[Event]]:
    """Events in lists of `size`; if the file breaks mid-read, the events read so far still come out."""
    batch: list[Event] = []
    try:
        for event in events:
            batch.append(event)
            if len(batch) >= size:
                yield batch
                batch = []
    except BROKEN_FILE:
        if batch:  # the pipeline loads these and reports the break
            yield batch
        raise
    if batch:
        yield batch


def read_jsonl(path: Path, report: LoadReport, options: ReadOptions) -> Iterator[list[Event]]:
    """Events from a JSON Lines file; each bad line is reported with its number and skipped."""
    return _batched(_jsonl_events(path, report), options.batch_size)


def _jsonl_events(path: Path, report: LoadReport) -> Iterator[Event]:
    with open_binary(path) as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            report.read += 1
            try:
                data = orjson.loads(line)
                if not isinstance(data, dict):
                    raise ValueError(f"expected a JSON object, got {type(data).__name__}")
                yield Event.model_validate(data)
            except ValidationError as exc:
                report.error(str(path), number, validation_reason(exc))
            except (ValueError, orjson.JSONDecodeError) as exc:
                report.error(str(path), number, f"not valid JSON: {exc}")


def _num(value: str, cast: type) -> Any:
    return cast(value) if value not in ("", None) else None


def event_from_csv_row(row: dict[str, str]) -> Event:
    """Build an Event from one row of the CSV form."""
    names = [n.strip() for n in (row.get("actors") or "").split(";") if n.strip()]
    roles = [r.strip() for r in (row.get("roles") or "").split(";") if r.strip()]
    if roles and len(roles) != len(names):
        raise ValueError(f"roles: {len(roles)} roles for {len(names)} actors")
    location = None
    if row.get("location"):
        location = {"name": row["location"], "country": row.get("location_country") or None,
                    "lat": _num(row.get("lat", ""), float), "lon": _num(row.get("lon", ""), float)}
    data: dict[str, Any] = {
        "id": row.get("id") or None, "type": row.get("type") or "", "mode": row.get("mode") or None,
        "cameo": row.get("cameo") or None, "date": row.get("date") or None,
        "status": row.get("status") or "occurred",
        "confidence": _num(row.get("confidence", ""), float) if row.get("confidence") else 1.0,
        "actors": [{"name": n, "role": roles[i] if roles else "participant"} for i, n in enumerate(names)],
        "location": location,
        "source": {"dataset": row.get("dataset") or "csv", "url": row.get("url") or None,
                   "title": row.get("title") or None, "published": row.get("published") or None,
                   "sentence": row.get("sentence") or None, "start": _num(row.get("start", ""), int),
                   "end": _num(row.get("end", ""), int)},
        "attrs": {k: v for k, v in row.items() if k not in CSV_COLUMNS and k and v},
    }
    return Event.model_validate(data)


def read_csv(path: Path, report: LoadReport, options: ReadOptions) -> Iterator[list[Event]]:
    """Events from the CSV form (header required); each bad row is reported with its line number."""
    return _batched(_csv_events(path, report), options.batch_size)


def _csv_events(path: Path, report: LoadReport) -> Iterator[Event]:
    with open_text(path) as lines:
        reader = csv.DictReader(lines)
        if not reader.fieldnames or "type" not in reader.fieldnames or "actors" not in reader.fieldnames:
            report.error(str(path), 1, f"header must name at least 'type' and 'actors' (columns: {CSV_COLUMNS})")
            return
        for row in reader:
            report.read += 1
            line = reader.line_num
            if any("\ufffd" in (v or "") for v in row.values() if isinstance(v, str)):
                report.error(str(path), line, "not valid UTF-8")
            elif None in row:
                report.error(str(path), line, f"{len(reader.fieldnames) + len(row[None])} fields, "
                                              f"header has {len(reader.fieldnames)}")
            else:
                try:
                    yield event_from_csv_row(row)
                except ValidationError as exc:
                    report.error(str(path), line, validation_reason(exc))
                except ValueError as exc:
                    report.error(str(path), line, str(exc))
