"""Which reader reads a file: by `--format`, else sniffed from the content, else from the extension."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from graph.model import Event
from loaders.canonical import read_csv, read_jsonl
from loaders.reader import ReadOptions, Reader
from loaders.report import LoadReport

#: Readers of the canonical formats and of text yield validated `Event` models with actors by name;
#: dataset readers (`Reader`) yield ready records.
EventReader = Callable[[Path, LoadReport, ReadOptions], Iterator[list[Event]]]


def _read_text(path: Path, report: LoadReport, options: ReadOptions) -> Iterator[list[Event]]:
    from loaders.text import read_text  # spaCy loads only when text is read

    return read_text(path, report, options)


EVENT_READERS: dict[str, EventReader] = {"jsonl": read_jsonl, "csv": read_csv, "text": _read_text}


def dataset_readers() -> dict[str, Reader]:
    """The dataset readers (GDELT, ICEWS, POLECAT, PLOVER, ACLED)."""
    from loaders.datasets import DATASET_READERS

    return DATASET_READERS


def format_names() -> list[str]:
    """Every value `--format` accepts."""
    return sorted({*EVENT_READERS, *dataset_readers()})


def detect_format(path: Path) -> str:
    """The format of `path`: a dataset recognised from its content, else by extension; ValueError if unknown."""
    from loaders.datasets import detect_dataset_format

    found = detect_dataset_format(path)
    if found:
        return found
    name = path.name.lower()
    for suffix in (".gz", ".zip"):
        name = name.removesuffix(suffix)
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".txt", ".md", ".text")):
        return "text"
    raise ValueError(f"{path}: cannot tell the format; pass --format ({', '.join(format_names())})")
