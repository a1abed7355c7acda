"""Reader of text sources: a plain text/Markdown file is one document, a JSON Lines file one per line."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import orjson

from graph.model import Event
from loaders.reader import ReadOptions
from loaders.report import LoadReport
from loaders.text.document import Document, parse_published
from loaders.text.extract import extract_batches

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
DOCS_PER_BATCH = 16


def read_text(path: Path, report: LoadReport, options: ReadOptions) -> Iterator[list[Event]]:
    """Events of the documents in `path`, one list per batch of documents; counts documents in `report.read`.

    JSON Lines records are `{"text", "url", "published", "title"}`; `options.published/url/title` fill
    in what a record (or a plain text file) does not say. Bad lines are reported and skipped. Set
    DIPGRAPH_TEXT_PROCESSES=2 to extract in two forked processes (for the CLI on a 2-core machine).
    """
    jsonl = path.suffix.lower() in JSONL_SUFFIXES
    documents = _jsonl(path, report, options) if jsonl else _plain(path, report, options)
    processes = max(1, int(os.environ.get("DIPGRAPH_TEXT_PROCESSES", "1")))
    for events in extract_batches(_batches(documents), processes):
        yield [e for doc_events in events for e in doc_events]


def _batches(documents: Iterator[Document]) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= DOCS_PER_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _plain(path: Path, report: LoadReport, options: ReadOptions) -> Iterator[Document]:
    try:
        text = path.read_text(encoding="utf-8")
        published = parse_published(options.published)
    except (UnicodeDecodeError, ValueError) as exc:
        report.error(str(path), 0, str(exc))
        return
    report.read += 1
    yield Document(text, url=options.url, title=options.title, published=published)


def _jsonl(path: Path, report: LoadReport, options: ReadOptions) -> Iterator[Document]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = orjson.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("line is not a JSON object")
                text = record.get("text")
                if not isinstance(text, str) or not text.strip():
                    raise ValueError("no text")
                fields = {k: record.get(k) for k in ("url", "title", "published")}
                for key, value in fields.items():
                    if value is not None and not isinstance(value, str):
                        raise ValueError(f"{key} is not a string")
                published = parse_published(fields["published"] or options.published)
            except (orjson.JSONDecodeError, ValueError) as exc:
                reason = f"invalid JSON: {exc}" if isinstance(exc, orjson.JSONDecodeError) else str(exc)
                report.error(str(path), number, reason)
                continue
            report.read += 1
            yield Document(text, url=fields["url"] or options.url, title=fields["title"] or options.title,
                           published=published)
