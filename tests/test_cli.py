"""The dipgraph command line, run in-process on a real embedded store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from tests.conftest import SHARED

runner = CliRunner()
GDELT = SHARED / "data" / "gdelt" / "20250807220000.export.CSV"


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout


def test_load_json_summary_is_stable_across_reloads(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    code, out = run("load", "--json", "--store", store, str(GDELT))
    assert code == 0
    first = json.loads(out)
    assert first["read"] == 909
    assert first["read"] == first["loaded"] + first["duplicates"] + first["filtered"] + first["skipped"]
    code, out = run("load", "--json", "--store", store, str(GDELT))
    second = json.loads(out)
    assert second["new"] == 0
    assert {k: v for k, v in first.items() if k not in ("new", "actors")} == {
        k: v for k, v in second.items() if k not in ("new", "actors")}
    code, out = run("stats", "--store", store)
    assert json.loads(out)["events"] == first["loaded"]


def test_who_met_and_path_from_the_terminal(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    demo = Path(__file__).resolve().parents[1] / "api" / "demo" / "events.jsonl"
    assert run("load", "--store", store, "--format", "jsonl", str(demo))[0] == 0
    code, out = run("who-met", "Li Shangfu", "--store", store, "--since", "2023")
    assert code == 0 and "Viktor Khrenin" in out and "2023-08-16" in out
    code, out = run("path", "Li Shangfu", "Antony Blinken", "--store", store)
    assert code == 0 and "3 hops" in out and "Xi Jinping" in out
    code, _ = run("who-met", "Li Shangfo", "--store", store)
    assert code == 2


def test_bad_input_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    result = runner.invoke(app, ["load", "--store", store, "--format", "nope", str(GDELT)])
    assert result.exit_code == 2 and "--format 'nope'" in result.stderr
    result = runner.invoke(app, ["load", "--store", store, str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 1 and "no such file" in result.stderr
    result = runner.invoke(app, ["who-met", "X", "--store", store, "--since", "2023-99"])
    assert result.exit_code == 2 and "since" in result.stderr


@pytest.mark.nlp
def test_demo_loads_events_and_the_article(tmp_path: Path) -> None:
    code, out = run("demo", "--no-serve", "--store", str(tmp_path / "demo"))
    assert code == 0 and "curl" in out
    code, out = run("stats", "--store", str(tmp_path / "demo"))
    stats = json.loads(out)
    assert stats["by_dataset"]["demo"] == 24 and stats["by_dataset"].get("text", 0) > 0
