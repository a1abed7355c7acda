"""The load summary every loader fills in: what was read, loaded, merged, filtered and skipped, and why."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from graph.model import ActorRecord, EventRecord

MAX_ERRORS_KEPT = 1000

#: A batch a reader hands to the load pipeline: actor records and event records that reference them.
Batch = tuple[list[ActorRecord], list[EventRecord]]


@dataclass(frozen=True)
class RowError:
    """A row that was skipped: where it is and why."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass
class LoadReport:
    """Counts of one load.

    read = data rows seen; skipped = malformed rows (each in `errors`); filtered = valid rows outside
    the selected event classes; loaded = distinct events written; duplicates = valid rows that collapsed
    into an event already produced by this load; new = loaded events the store did not have before.
    So `loaded + duplicates + filtered + skipped == read` for row-based formats.
    """

    read: int = 0
    loaded: int = 0
    duplicates: int = 0
    filtered: int = 0
    skipped: int = 0
    new: int = 0
    actors: int = 0
    errors: list[RowError] = field(default_factory=list)
    errors_dropped: int = 0

    def error(self, file: str, line: int, reason: str) -> None:
        """Record a skipped row (only the first MAX_ERRORS_KEPT are kept in full; all are counted)."""
        self.skipped += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(RowError(file, line, reason))
        else:
            self.errors_dropped += 1

    def bad_row(self, file: str, line: int, reason: str) -> None:
        """Count a row that could not even be read as read, and record it as skipped."""
        self.read += 1
        self.error(file, line, reason)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary (what `dipgraph load --json` prints)."""
        data = asdict(self)
        data["errors"] = [asdict(e) for e in self.errors]
        return data
