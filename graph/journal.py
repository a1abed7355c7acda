"""Crash-safe persistence for the embedded store: a snapshot plus an append-only journal of committed batches.

Both files hold JSON lines `["a", actor]`, `["e", event]` and `["c"]` (commit). A batch counts only
once its commit line is on disk (written, flushed, fsynced), so a crash mid-batch loses that batch and
nothing else; the torn tail is cut off on the next open. Compaction writes a new snapshot beside the old
one and renames it into place atomically before emptying the journal; because every line is a
whole-record put, replaying a journal over a snapshot that already holds it changes nothing.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import orjson

SNAPSHOT = "snapshot.jsonl"
JOURNAL = "journal.jsonl"
LOCK = "lock"
_COMMIT = b'["c"]\n'


class StoreLockedError(RuntimeError):
    """Another process holds the store for writing."""


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _committed(fh: IO[bytes]) -> Iterator[tuple[list[tuple[str, Any]], int]]:
    """Yield each committed batch of (kind, record) with the file offset just after its commit line."""
    batch: list[tuple[str, Any]] = []
    offset = 0
    for line in fh:
        offset += len(line)
        if not line.endswith(b"\n"):
            return  # torn last line
        try:
            item = orjson.loads(line)
        except orjson.JSONDecodeError:
            return
        if item[0] == "c":
            yield batch, offset
            batch = []
        else:
            batch.append((item[0], item[1]))


class Journal:
    """The on-disk half of the embedded store, in one folder."""

    def __init__(self, folder: Path, read_only: bool = False) -> None:
        self.folder = folder
        self.read_only = read_only
        self._lock: IO[str] | None = None
        self._journal: IO[bytes] | None = None
        if not read_only:
            folder.mkdir(parents=True, exist_ok=True)
            self._lock = open(folder / LOCK, "a+")
            try:
                fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                self._lock.close()
                raise StoreLockedError(f"store {folder} is open for writing in another dipgraph process; "
                                       "stop it (e.g. the running server) or open this one read-only") from None

    def replay(self, apply: Callable[[list[tuple[str, Any]]], None]) -> None:
        """Feed every committed batch of snapshot then journal to `apply`, cutting a torn journal tail."""
        for name in (SNAPSHOT, JOURNAL):
            path = self.folder / name
            if not path.exists():
                continue
            good = 0
            with open(path, "rb") as fh:
                for batch, good in _committed(fh):
                    apply(batch)
            if name == JOURNAL and not self.read_only and good < path.stat().st_size:
                with open(path, "r+b") as fh:  # cut the torn tail so later appends are clean
                    fh.truncate(good)
                    os.fsync(fh.fileno())

    def append(self, actors: Iterable[dict], events: Iterable[dict]) -> None:
        """Durably append one batch: its records, then a commit line, then fsync."""
        if self.read_only:
            raise PermissionError(f"store {self.folder} was opened read-only")
        if self._journal is None:
            self._journal = open(self.folder / JOURNAL, "ab")
        parts = [orjson.dumps(["a", a], option=orjson.OPT_APPEND_NEWLINE) for a in actors]
        parts.extend(orjson.dumps(["e", e], option=orjson.OPT_APPEND_NEWLINE) for e in events)
        parts.append(_COMMIT)
        self._journal.write(b"".join(parts))
        self._journal.flush()
        os.fsync(self._journal.fileno())

    def compact(self, actors: Iterable[dict], events: Iterable[dict]) -> None:
        """Write the whole state as a new snapshot (atomic rename) and empty the journal."""
        tmp = self.folder / (SNAPSHOT + ".tmp")
        with open(tmp, "wb") as fh:
            chunk: list[bytes] = []
            for kind, records in (("a", actors), ("e", events)):
                for record in records:
                    chunk.append(orjson.dumps([kind, record], option=orjson.OPT_APPEND_NEWLINE))
                    if len(chunk) >= 10000:
                        fh.write(b"".join(chunk))
                        chunk = []
            chunk.append(_COMMIT)
            fh.write(b"".join(chunk))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.folder / SNAPSHOT)
        _fsync_dir(self.folder)
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        with open(self.folder / JOURNAL, "wb") as fh:
            os.fsync(fh.fileno())

    def close(self) -> None:
        """Release the files and the write lock."""
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        if self._lock is not None:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None
