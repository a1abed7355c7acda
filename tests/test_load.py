"""Loading canonical JSONL and CSV files: good lines load, bad lines are reported by number, reloads change nothing."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from graph.embedded import EmbeddedStore
from loaders.load import load_paths
from loaders.reader import ReadOptions

GOOD = {"type": "CONSULT", "cameo": "042", "date": "2023-08-16", "location": {"name": "Minsk", "country": "BLR"},
        "actors": [{"name": "Li Shangfu", "role": "source"}, {"name": "Viktor Khrenin", "role": "target"}],
        "source": {"url": "https://news.example/a", "sentence": "Li Shangfu visited Viktor Khrenin."}}


def _lines(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def test_jsonl_bad_lines_reported_by_number_good_lines_loaded(tmp_path: Path) -> None:
    drills = {**GOOD, "type": "COOPERATE", "cameo": "062", "actors": [{"name": "China"}, {"name": "Russia"}]}
    fight = {**GOOD, "type": "ASSAULT", "cameo": "190"}
    path = _lines(tmp_path / "events.jsonl", [
        GOOD, "{not json", {**GOOD, "cameo": "13y"}, {**GOOD, "date": "2023-02-30"}, "", drills,
        {**GOOD, "actors": [{"role": "source"}]}, [1, 2], fight, {**GOOD, "status": "rumoured"}])
    store = EmbeddedStore(tmp_path / "store")
    report = load_paths(store, [path], None, ReadOptions())
    assert (report.read, report.loaded, report.filtered, report.skipped) == (9, 2, 1, 6)
    assert [e.line for e in report.errors] == [2, 3, 4, 7, 8, 10]
    reasons = {e.line: e.reason for e in report.errors}
    assert "not valid JSON" in reasons[2]
    assert reasons[3].startswith("cameo") and "13y" in reasons[3]
    assert reasons[4].startswith("date")
    assert reasons[10].startswith("status")
    assert all(e.file == str(path) for e in report.errors)
    assert store.stats().events == 2
    assert {a["id"] for a in store.get_actors(["CHN", "RUS", "li-shangfu", "viktor-khrenin"]).values()} == {
        "CHN", "RUS", "li-shangfu", "viktor-khrenin"}
    everything = load_paths(store, [path], None, ReadOptions(keep_all=True))
    assert (everything.loaded, everything.new, everything.filtered) == (3, 1, 0)


def test_reloading_gives_identical_counts(tmp_path: Path) -> None:
    path = _lines(tmp_path / "e.jsonl", [GOOD, {**GOOD, "date": "2023-04-28", "cameo": "044"}])
    store = EmbeddedStore(tmp_path / "store")
    first = load_paths(store, [path], None, ReadOptions()).as_dict()
    stats = store.stats()
    second = load_paths(store, [path], None, ReadOptions()).as_dict()
    assert store.stats() == stats
    assert first["new"] == 2 and second["new"] == 0
    first.pop("new"), second.pop("new"), first.pop("actors"), second.pop("actors")
    assert first == second


def test_duplicate_lines_in_one_file_collapse(tmp_path: Path) -> None:
    other_report = {**GOOD, "source": {"url": "https://news.example/b"}}
    path = _lines(tmp_path / "e.jsonl", [GOOD, GOOD, other_report])
    store = EmbeddedStore(tmp_path / "store")
    report = load_paths(store, [path], None, ReadOptions())
    assert (report.read, report.loaded, report.duplicates) == (3, 1, 2)
    [event] = store.events(store_filter := __import__("graph.store").store.EventFilter()).items
    assert [s["url"] for s in event["also_reported"]] == ["https://news.example/b"]


def test_csv_form_and_gzip(tmp_path: Path) -> None:
    csv_text = ("type,cameo,date,actors,roles,location,location_country,url,sentence,goldstein\n"
                "CONSULT,042,2023-08-16,Li Shangfu;Viktor Khrenin,source;target,Minsk,BLR,https://n.example/1,Li met,1.9\n"
                "CONSULT,042,2023-08-16,Li Shangfu;Viktor Khrenin,source,Minsk,BLR,https://n.example/2,x,1\n"
                "SUPPORT,057,2023-05,Sergei Shoigu;Viktor Khrenin,,Minsk,BLR,https://n.example/3,signed,8\n"
                "CONSULT,040,2023-99,A;B,,,,,,\n")
    path = tmp_path / "events.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(csv_text)
    store = EmbeddedStore(tmp_path / "store")
    report = load_paths(store, [path], None, ReadOptions())
    assert (report.read, report.loaded, report.skipped) == (4, 2, 2)
    assert [e.line for e in report.errors] == [3, 5]
    assert "roles" in report.errors[0].reason and "date" in report.errors[1].reason
    page = store.events(__import__("graph.store").store.EventFilter(types=("057",)))
    assert page.items[0]["attrs"] == {"goldstein": "8"}


def test_missing_and_unknown_files_are_reported(tmp_path: Path) -> None:
    unknown = tmp_path / "notes.xyz"
    unknown.write_text("hello")
    store = EmbeddedStore(tmp_path / "store")
    report = load_paths(store, [tmp_path / "absent.jsonl", unknown], None, ReadOptions())
    assert report.skipped == 2
    assert "no such file" in report.errors[0].reason and "--format" in report.errors[1].reason


def test_truncated_gzip_keeps_rows_before_the_break(tmp_path: Path) -> None:
    rows = [{**GOOD, "date": f"2023-01-{d:02d}"} for d in range(1, 29)] * 50
    blob = gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(blob[: len(blob) * 2 // 3])
    store = EmbeddedStore(tmp_path / "store")
    report = load_paths(store, [path], None, ReadOptions())
    assert "truncated or corrupt" in report.errors[-1].reason
    assert report.loaded > 0 and store.stats().events == report.loaded


def test_gdelt_file_loads_alike_into_every_store_and_answers_with_gdelt_provenance(store) -> None:  # noqa: ANN001
    from graph.store import EventFilter
    from tests.conftest import SHARED

    gdelt = SHARED / "data" / "gdelt" / "20250807220000.export.CSV"
    report = load_paths(store, [gdelt], None, ReadOptions())
    assert (report.read, report.skipped) == (909, 0)
    assert report.loaded + report.duplicates + report.filtered == 909
    assert store.stats().events == report.loaded and store.stats().by_dataset == {"gdelt": report.loaded}
    again = load_paths(store, [gdelt], None, ReadOptions())
    assert again.new == 0 and store.stats().events == report.loaded
    partners = store.counterparts("USA", EventFilter(statuses=("occurred",)))
    assert partners
    page = store.events(EventFilter(actor="USA", with_actor=partners[0].actor.id))
    assert page.items
    for record in page.items:
        assert record["source"]["dataset"] == "gdelt" and record["source"]["id"].isdigit()
        assert record["source"]["url"].startswith("http")
    assert len(partners) > 1
    [path] = store.paths(partners[0].actor.id, partners[-1].actor.id, EventFilter(), max_hops=4)
    assert path.hops <= 2  # both met the United States
    assert all(hop and hop[0].url and hop[0].url.startswith("http") for hop in path.events)
