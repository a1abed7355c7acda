"""Durability of the embedded store: reopening, torn journal tails, locking, compaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.journal import JOURNAL, SNAPSHOT, StoreLockedError
from graph.store import EventFilter
from tests.contract.test_store_contract import EVENTS, load


def test_reopen_restores_everything(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    load(store)
    before = (store.stats(), store.events(EventFilter(), limit=100).items)
    store.close()
    again = EmbeddedStore(tmp_path)
    assert (again.stats(), again.events(EventFilter(), limit=100).items) == before
    again.close()


def test_torn_journal_tail_loses_only_the_uncommitted_batch(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    load(store, EVENTS[:4])
    store.close()
    with open(tmp_path / JOURNAL, "ab") as fh:  # a crash in the middle of writing the next batch
        fh.write(b'["e", {"id": "half-written", "type": "CONS')
    store = EmbeddedStore(tmp_path)
    assert store.stats().events == 4
    load(store, EVENTS[4:])
    store.close()
    store = EmbeddedStore(tmp_path)
    assert store.stats().events == 10
    store.close()


def test_batch_without_commit_line_is_ignored(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    load(store, EVENTS[:2])
    store.close()
    committed = (tmp_path / JOURNAL).read_bytes()
    without_commit = committed[: committed.rindex(b'["c"]')]
    (tmp_path / JOURNAL).write_bytes(committed + without_commit)
    store = EmbeddedStore(tmp_path)
    assert store.stats().events == 2
    store.close()


def test_second_writer_is_refused_but_readers_are_not(tmp_path: Path) -> None:
    writer = EmbeddedStore(tmp_path)
    load(writer, EVENTS[:3])
    with pytest.raises(StoreLockedError, match="another dipgraph process"):
        EmbeddedStore(tmp_path)
    reader = EmbeddedStore(tmp_path, read_only=True)
    assert reader.stats().events == 3
    with pytest.raises(PermissionError):
        load(reader, EVENTS[3:])
    writer.close()


def test_compaction_keeps_state_and_empties_journal(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    load(store)
    store.compact()
    assert (tmp_path / JOURNAL).stat().st_size == 0
    assert (tmp_path / SNAPSHOT).stat().st_size > 0
    load(store)  # a reload after compaction writes nothing new
    assert (tmp_path / JOURNAL).stat().st_size == 0
    store.close()
    again = EmbeddedStore(tmp_path)
    assert again.stats().events == 10
    again.close()
