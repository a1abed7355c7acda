"""Reading text sources, and the same people across extracted documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.resolve import ActorResolver
from graph.store import EventFilter
from loaders.reader import ReadOptions
from loaders.report import LoadReport

pytestmark = pytest.mark.nlp

ROOT = Path(__file__).parents[1]


def test_plain_text_file_is_one_document(tmp_path: Path) -> None:
    from loaders.text import read_text

    path = tmp_path / "a.md"
    path.write_text("Peru and Chile signed a trade agreement on Wednesday.\n", encoding="utf-8")
    report = LoadReport()
    batches = list(read_text(path, report, ReadOptions(published="2024-05-17", url="https://x/a", title="A")))
    events = [e for b in batches for e in b]
    assert report.read == 1 and report.skipped == 0
    assert len(events) == 1 and events[0].date == "2024-05-15"
    src = events[0].source
    assert (src.url, src.title, src.published) == ("https://x/a", "A", "2024-05-17")


def test_jsonl_one_document_per_line_and_bad_lines_reported(tmp_path: Path) -> None:
    from loaders.text import read_text

    path = tmp_path / "news.jsonl"
    lines = [json.dumps({"text": "Peru and Chile signed a trade agreement on Wednesday.", "published": "2024-05-17",
                         "url": "https://x/1", "title": "One"}),
             "{not json",
             json.dumps({"url": "https://x/2"}),
             json.dumps({"text": "Kenya and Uganda held joint drills.", "published": "someday"}),
             json.dumps(["a list"]),
             "",
             json.dumps({"text": "Kenya and Uganda held joint military drills last month."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = LoadReport()
    events = [e for b in read_text(path, report, ReadOptions()) for e in b]
    assert report.read == 2 and report.skipped == 4
    assert [(err.line, err.reason.split(":")[0]) for err in report.errors] == [
        (2, "invalid JSON"), (3, "no text"), (4, "published 'someday' is not a date"), (5, "line is not a JSON object")]
    assert sorted(e.cameo for e in events) == ["057", "062"]
    drills = next(e for e in events if e.cameo == "062")
    assert drills.date is None and drills.source.url is None and drills.source.id.startswith("text:")


def test_demo_article_yields_every_class() -> None:
    from loaders.text import extract_text

    meta = json.loads((ROOT / "api" / "demo" / "article.json").read_text(encoding="utf-8"))
    events = extract_text((ROOT / "api" / "demo" / "article.txt").read_text(encoding="utf-8"), **meta)
    assert {e.cameo for e in events} >= {"040", "041", "042", "043", "057", "062"}
    assert {e.status.value for e in events} >= {"occurred", "planned", "cancelled", "denied"}


def test_same_person_across_documents(tmp_path: Path) -> None:
    from loaders.text import extract_text

    first = extract_text("Belarusian Defence Minister Viktor Khrenin met Chinese Defence Minister Li Shangfu in Minsk.")
    second = extract_text("Belarus's defence chief Victor Khrenin met Chinese Premier Li Qiang in Beijing on Monday.",
                          published="2023-09-01")
    store = EmbeddedStore(tmp_path / "store")
    try:
        resolver = ActorResolver(store)
        for events in (first, second):
            store.upsert(*resolver.resolve(events))
        people = {a["id"] for e in store.events(EventFilter()).items for a in e["actors"]}
        assert people == {"viktor-khrenin", "li-shangfu", "li-qiang"}
    finally:
        store.close()
