"""Readers for standard event datasets: GDELT (1.0/2.0 events, 2.0 mentions), ICEWS, POLECAT, PLOVER, ACLED.

Every reader has the `loaders.reader.Reader` signature, streams plain files and .zip/.gz archives, and
fills the load report (read / filtered / skipped with reasons). Mapping rules, the actor id scheme and
the de-duplication rule are documented in `docs/datasets.md`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from loaders.datasets._io import head_text
from loaders.datasets.acled import read_acled
from loaders.datasets.gdelt import file_timestamp, read_gdelt, read_gdelt_mentions
from loaders.datasets.icews import read_icews
from loaders.datasets.plover import read_plover
from loaders.datasets.polecat import read_polecat
from loaders.reader import Reader

__all__ = [
    "DATASET_READERS",
    "detect_dataset_format",
    "read_acled",
    "read_gdelt",
    "read_gdelt_mentions",
    "read_icews",
    "read_plover",
    "read_polecat",
    "split_mentions",
]

DATASET_READERS: dict[str, Reader] = {
    "gdelt": read_gdelt,
    "gdelt-mentions": read_gdelt_mentions,
    "icews": read_icews,
    "polecat": read_polecat,
    "plover": read_plover,
    "acled": read_acled,
}


def _gdelt_row(fields: list[str]) -> str | None:
    if len(fields) in (57, 58, 61) and fields[0].isdigit() and len(fields[1]) == 8 and fields[1].isdigit():
        return "gdelt"
    if len(fields) == 16 and fields[0].isdigit() and len(fields[1]) == 14 and fields[1].isdigit():
        return "gdelt-mentions"
    return None


def detect_dataset_format(path: Path) -> str | None:
    """Which dataset reader fits `path` (looking inside .zip/.gz), from its first lines; None if none.

    GDELT: 61 (2.0) or 57/58 (1.0) tab fields starting with a numeric id and a YYYYMMDD date; GDELT
    mentions: 16 tab fields with two 14-digit timestamps; ICEWS: a tab header with `Event ID` and
    `CAMEO Code`; POLECAT: a tab header with `Event ID`, `Event Type` and `Actor Name`; ACLED: a comma
    header with `event_id_cnty`; PLOVER: JSON (array or lines) whose first record has an `event` key and
    PLOVER actor keys (`source`/`target`/`actor`/`recipient`) or is the `DOCUMENT` header record.
    """
    text = head_text(Path(path))
    if not text:
        return None
    stripped = text.lstrip()
    if stripped[:1] in ("[", "{"):
        return "plover" if _plover_json(stripped) else None
    lines = [line.rstrip("\r") for line in text.split("\n")[:3] if line.strip()]
    if not lines:
        return None
    first = lines[0]
    if "\t" in first:
        fields = first.split("\t")
        found = _gdelt_row(fields)
        if found:
            return found
        names = {f.strip().strip('"') for f in fields}
        if {"Event ID", "CAMEO Code", "Source Name"} <= names:
            return "icews"
        if {"Event ID", "Event Type", "Actor Name"} <= names:
            return "polecat"
        if len(lines) > 1 and len(fields) in (57, 58, 61) and _gdelt_row(lines[1].split("\t")):
            return "gdelt"  # a GDELT export with a header row added by some tool
        return None
    if "event_id_cnty" in first.lower() and "," in first:
        return "acled"
    return None


def _plover_json(text: str) -> bool:
    decoder = json.JSONDecoder()
    pos = 1 if text.startswith("[") else 0
    while pos < len(text) and text[pos] in " \t\r\n,":
        pos += 1
    try:
        first, _ = decoder.raw_decode(text, pos)
    except json.JSONDecodeError:
        # a record longer than the sniffed head: fall back to its keys
        head = text[:4096]
        return '"event"' in head and any(f'"{k}"' in head for k in ("source", "target", "actor", "recipient",
                                                                       "eventText"))
    if not isinstance(first, dict) or "event" not in first:
        return False
    return first.get("event") == "DOCUMENT" or any(k in first for k in ("source", "target", "actor", "recipient"))


def split_mentions(paths: Iterable[Path]) -> tuple[list[Path], tuple[Path, ...]]:
    """Separate GDELT mentions files from the other paths of one load.

    A mentions file whose events export is in the same load is better passed as
    `ReadOptions.mentions` than read on its own (which would read its export a second time). Returns
    (paths to read, mentions files for `ReadOptions.mentions`). Mentions files whose export is not in
    `paths` stay in the paths: `read_gdelt_mentions` then loads the export beside them.
    """
    paths = [Path(p) for p in paths]
    stamps = {file_timestamp(p) for p in paths if detect_dataset_format(p) == "gdelt"}
    keep: list[Path] = []
    mentions: list[Path] = []
    for p in paths:
        if detect_dataset_format(p) == "gdelt-mentions" and file_timestamp(p) in stamps:
            mentions.append(p)
        else:
            keep.append(p)
    return keep, tuple(mentions)
