"""The load pipeline: files → readers → (actor resolution) → de-duplication → batched store upserts."""

from __future__ import annotations

import gc
import sys
from dataclasses import replace
from collections.abc import Iterable, Iterator
from pathlib import Path

from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from graph.codes import DIPLOMATIC_TYPES
from graph.model import Event
from graph.resolve import ActorResolver
from graph.store import GraphStore
from loaders.formats import EVENT_READERS, dataset_readers, detect_format
from loaders.opener import BROKEN_FILE
from loaders.reader import ReadOptions
from loaders.report import Batch, LoadReport


def _count_lines(path: Path) -> int | None:
    """Line count of a plain file (fast, for the progress bar's total); None for archives."""
    if path.suffix.lower() in (".gz", ".zip"):
        return None
    count = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 22):
            count += chunk.count(b"\n")
    return count


def _batches(path: Path, fmt: str, report: LoadReport, options: ReadOptions,
             resolver: ActorResolver) -> Iterator[Batch]:
    if fmt in EVENT_READERS:
        for events in EVENT_READERS[fmt](path, report, options):
            kept = events if options.keep_all else [e for e in events if e.type in DIPLOMATIC_TYPES]
            report.filtered += len(events) - len(kept)
            if kept:
                yield resolver.resolve(kept)
    else:
        readers = dataset_readers()
        if fmt not in readers:
            raise ValueError(f"unknown format {fmt!r}")
        yield from readers[fmt](path, report, options)


def load_events(store: GraphStore, events: list[Event], report: LoadReport, keep_all: bool = True) -> None:
    """Resolve and upsert already-validated events (the API's POST /events and /ingest/text)."""
    kept = events if keep_all else [e for e in events if e.type in DIPLOMATIC_TYPES]
    report.read += len(events)
    report.filtered += len(events) - len(kept)
    if kept:
        _upsert(store, *ActorResolver(store).resolve(kept), report=report, seen=set())


def _upsert(store: GraphStore, actors: list, records: list, report: LoadReport, seen: set[str]) -> None:
    for record in records:
        if record["id"] in seen:
            report.duplicates += 1
        else:
            seen.add(record["id"])
            report.loaded += 1
    result = store.upsert(actors, records)
    report.new += result.new_events
    report.actors += result.new_actors
    gc.freeze()  # what the store now holds lives on: spare the cycle collector from rescanning it


def load_paths(store: GraphStore, paths: Iterable[Path], fmt: str | None = None,
               options: ReadOptions = ReadOptions(), progress: bool | None = None) -> LoadReport:
    """Load files into `store`; every bad row is reported and skipped, every good row is loaded."""
    from loaders.datasets import split_mentions

    report = LoadReport()
    resolver = ActorResolver(store)
    seen: set[str] = set()
    files = []
    for path in map(Path, paths):
        if path.is_file():
            files.append(path)
        else:
            report.error(str(path), 0, "no such file")
    if fmt in (None, "gdelt"):  # a mentions file beside its export is joined to it, not read twice
        files, mentions = split_mentions(files)
        options = replace(options, mentions=(*options.mentions, *mentions))
    show = sys.stderr.isatty() if progress is None else progress
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed:,} rows"),
                  TextColumn("{task.fields[rate]:,.0f}/s"), TimeElapsedColumn(), TimeRemainingColumn(),
                  disable=not show, transient=False) as bar:
        for path in files:
            try:
                file_fmt = fmt or detect_format(path)
            except ValueError as exc:
                report.error(str(path), 0, str(exc))
                continue
            task = bar.add_task(path.name, total=_count_lines(path) if show else None, rate=0.0)
            start_read = report.read
            try:
                for actors, records in _batches(path, file_fmt, report, options, resolver):
                    _upsert(store, actors, records, report, seen)
                    done = report.read - start_read
                    elapsed = bar.tasks[task].elapsed or 1e-9
                    bar.update(task, completed=done, rate=done / elapsed)
            except BROKEN_FILE as exc:
                report.error(str(path), report.read - start_read + 1,
                             f"file is truncated or corrupt after {report.read - start_read} rows "
                             f"({type(exc).__name__}: {exc}); the rows before were loaded")
    return report
