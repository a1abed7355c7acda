"""Cross-document actor resolution: normalized names, short forms, near spellings, and the guards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.model import ActorRef, Event, Kind, Source
from graph.resolve import ActorResolver, name_tokens, same_person


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    s = EmbeddedStore(tmp_path / "store")
    yield s
    s.close()


def meeting(*people: tuple[str, str | None], dataset: str = "text") -> Event:
    return Event(type="CONSULT", actors=[ActorRef(name=n, kind=Kind.person, country=c) for n, c in people],
                 source=Source(dataset=dataset, url="https://example.org/a"))


def ids(resolver: ActorResolver, store: EmbeddedStore, event: Event) -> list[str]:
    actors, records = resolver.resolve([event])
    store.upsert(actors, records)
    return [a["id"] for a in records[0]["actors"]]


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Viktor Khrenin", "Victor Khrenin", True),
    ("Sergey Lavrov", "Sergei Lavrov", True),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy", True),
    ("Xi Jinping", "Jinping Xi", True),
    ("S. Jaishankar", "Subrahmanyam Jaishankar", True),
    ("Mohammed bin Salman", "Mohammed bin Salman Al Saud", True),
    ("Li Qiang", "Li Shangfu", False),
    ("Li Qiang", "Li Keqiang", False),
    ("Kim Jong Un", "Kim Jong Il", False),
    ("Joe Biden", "Hunter Biden", False),
    ("Wang Yi", "Wang Wenbin", False),
])
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(name_tokens(a), name_tokens(b)) is same


def test_people_merge_across_documents_and_resolvers(store: EmbeddedStore) -> None:
    assert ids(ActorResolver(store), store, meeting(("Li Shangfu", "CHN"), ("Viktor Khrenin", "BLR"))) == [
        "li-shangfu", "viktor-khrenin"]
    later = ActorResolver(store)  # a new load: only the store remembers
    assert ids(later, store, meeting(("Victor Khrenin", None), ("Li Qiang", "CHN"))) == ["viktor-khrenin", "li-qiang"]
    assert ids(later, store, meeting(("Khrenin", "BLR"), ("Shangfu Li", None))) == ["viktor-khrenin", "li-shangfu"]
    record = store.get_actor("viktor-khrenin")
    assert record is not None and "Victor Khrenin" in record["aliases"]


def test_guards_shared_surname_and_country(store: EmbeddedStore) -> None:
    resolver = ActorResolver(store)
    ids(resolver, store, meeting(("Li Shangfu", "CHN"), ("Li Qiang", "CHN")))
    first, _ = ids(resolver, store, meeting(("Li", "CHN"), ("Viktor Khrenin", "RUS")))
    assert first not in ("li-shangfu", "li-qiang")  # "Li" alone could be either
    ids(resolver, store, meeting(("Viktor Khrenin", "BLR"), ("Aliaksandr Volfovich", "BLR")))
    other = ids(resolver, store, meeting(("Victor Khrenin", "UKR"), ("Aliaksandr Volfovich", None)))
    assert other[0] != "viktor-khrenin"  # same spelling distance, different country


def test_in_memory_matching_without_store_search(store: EmbeddedStore) -> None:
    resolver = ActorResolver(store, fuzzy_store=False)
    actors, records = resolver.resolve([meeting(("Sergey Lavrov", "RUS"), ("Wang Yi", "CHN")),
                                        meeting(("Sergei Lavrov", None), ("Wang", None))])
    assert [a["id"] for a in records[1]["actors"]] == ["sergey-lavrov", "wang-yi"]
    assert {a["id"] for a in actors} == {"sergey-lavrov", "wang-yi"}


def test_public_behaviour_is_kept(store: EmbeddedStore) -> None:
    event = Event(type="CONSULT", actors=[ActorRef(name="China"), ActorRef(name="Russian Federation"),
                                          ActorRef(id="nato", name="NATO", kind=Kind.organisation)],
                  source=Source(dataset="gdelt", id="1"))
    actors, records = ActorResolver(store).resolve([event])
    assert [a["id"] for a in records[0]["actors"]] == ["CHN", "RUS", "nato"]
    assert {a["kind"] for a in actors} == {"state", "organisation"}
    again = ActorResolver(store).resolve([event])[1]
    assert again[0]["id"] == records[0]["id"]
