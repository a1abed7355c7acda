"""What every reader is: a function from a file to batches of records, filling in a load report."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from loaders.report import Batch, LoadReport


@dataclass(frozen=True)
class ReadOptions:
    """Options a reader may honour."""

    keep_all: bool = False  # keep every event class, not only the diplomatic ones (CAMEO 03–07)
    batch_size: int = 5000
    mentions: tuple[Path, ...] = ()  # GDELT 2.0 mentions files to join for sentence-level provenance
    published: str | None = None  # text: publication date (YYYY-MM-DD) to resolve relative dates
    url: str | None = None  # text: document URL
    title: str | None = None  # text: document title


#: A reader streams `path` and yields batches; it counts read/filtered/skipped rows in the report and
#: records each bad row with `report.error(file, line, reason)`. Loaded/duplicates/new are counted by
#: the load pipeline (`loaders.load`), which de-duplicates event ids across batches and upserts.
Reader = Callable[[Path, LoadReport, ReadOptions], Iterator[Batch]]
