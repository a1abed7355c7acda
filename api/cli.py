"""The `dipgraph` command: load, extract, serve, demo, and quick who-met / path looks from the terminal."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from api.cli_neo4j import neo4j_app
from graph.open_store import open_store, resolve_spec
from graph.store import MAX_HOPS, EventFilter, GraphStore
from loaders.reader import ReadOptions
from loaders.report import LoadReport

app = typer.Typer(help="dipgraph: a diplomatic-event knowledge graph.", no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False)
out = Console()
err = Console(stderr=True)
STORE_HELP = "embedded store folder, or bolt://host:port for Neo4j (default $DIPGRAPH_STORE)"


def fail(message: str, code: int = 2) -> None:
    """Print a one-line error and exit."""
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


@contextmanager
def store_from(spec: str | None, read_only: bool = False) -> Iterator[GraphStore]:
    """Open the store, turning the usual failures (locked folder, Neo4j down, bad URI) into clear errors."""
    from graph.journal import StoreLockedError

    try:
        store = open_store(spec, read_only=read_only)
    except StoreLockedError as exc:
        fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - the driver raises several types for an unreachable server
        fail(f"cannot open store {resolve_spec(spec)}: {exc}")
    try:
        yield store
    finally:
        store.close()


def _actor_id(store: GraphStore, name: str) -> str:
    from api.errors import ApiError
    from api.params import resolve_actor

    try:
        return resolve_actor(store, name, "name")
    except ApiError as exc:
        close = ", ".join(f"{s['name']} ({s['id']})" for s in exc.extra.get("suggestions", []))
        fail(f"{exc.detail}" + (f"; did you mean: {close}" if close else ""))
        raise


def _filter(store: GraphStore, since: str | None, until: str | None, types: list[str] | None) -> EventFilter:
    from api.errors import ApiError
    from api.params import event_filter

    try:
        return event_filter(store, types=types, since=since, until=until, default_status=("occurred",))
    except ApiError as exc:
        fail(exc.detail)
        raise


def print_report(report: LoadReport, as_json: bool) -> None:
    """The load summary as one JSON object, or as a short human summary with the errors."""
    if as_json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
        return
    for error in report.errors:
        err.print(f"[yellow]skipped[/] {error}", highlight=False)
    if report.errors_dropped:
        err.print(f"[yellow]… and {report.errors_dropped} more skipped rows[/]")
    out.print(f"read {report.read:,}  loaded {report.loaded:,} (new {report.new:,})  duplicates "
              f"{report.duplicates:,}  filtered {report.filtered:,}  skipped {report.skipped:,}", highlight=False)


@app.command()
def load(paths: list[Path] = typer.Argument(..., help="files (.gz/.zip too)"),
         format: str | None = typer.Option(None, "--format", "-f", help="override detection"),  # noqa: A002
         all_classes: bool = typer.Option(False, "--all", help="keep every event class, not only diplomatic"),
         mentions: list[Path] = typer.Option([], "--mentions", help="GDELT 2.0 mentions files to join"),
         published: str | None = typer.Option(None, help="text: publication date YYYY-MM-DD"),
         url: str | None = typer.Option(None, help="text: document URL"),
         title: str | None = typer.Option(None, help="text: document title"),
         as_json: bool = typer.Option(False, "--json", help="print the summary as one JSON object"),
         store: str | None = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Load event files (canonical JSONL/CSV, news text, GDELT, ICEWS, POLECAT, PLOVER, ACLED)."""
    from loaders.formats import format_names
    from loaders.load import load_paths

    if format is not None and format not in format_names():
        fail(f"--format {format!r} is not one of {', '.join(format_names())}")
    options = ReadOptions(keep_all=all_classes, mentions=tuple(mentions), published=published, url=url, title=title)
    with store_from(store) as opened:
        report = load_paths(opened, paths, format, options)
    print_report(report, as_json)
    if report.skipped and not (report.loaded or report.filtered):
        raise typer.Exit(1)


@app.command()
def extract(paths: list[Path] = typer.Argument(..., help="text files, or JSONL of {text,url,published,title}"),
            published: str | None = typer.Option(None, help="publication date YYYY-MM-DD"),
            url: str | None = typer.Option(None, help="document URL"),
            title: str | None = typer.Option(None, help="document title")) -> None:
    """Extract diplomatic events from news text; print one canonical JSON event per line."""
    from loaders.text import read_text

    report = LoadReport()
    options = ReadOptions(published=published, url=url, title=title)
    for path in paths:
        if not path.is_file():
            fail(f"{path}: no such file")
        for events in read_text(path, report, options):
            for event in events:
                sys.stdout.write(event.model_dump_json(exclude_none=True) + "\n")
    for error in report.errors:
        err.print(f"[yellow]skipped[/] {error}", highlight=False)


@app.command("who-met")
def who_met(name: str, since: str | None = None, until: str | None = None,
            type: list[str] | None = typer.Option(None, help="PLOVER type, mode or CAMEO prefix"),  # noqa: A002
            store: str | None = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Who NAME met (events that occurred): counterparts with counts, dates and types."""
    with store_from(store, read_only=True) as opened:
        flt = _filter(opened, since, until, type)
        actor = _actor_id(opened, name)
        rows = opened.counterparts(actor, flt)
        table = Table(title=f"Counterparts of {opened.get_actor(actor)['name']}")
        for column in ("counterpart", "id", "events", "first", "last", "types"):
            table.add_column(column)
        for c in rows:
            table.add_row(c.actor.name, c.actor.id, str(c.events), c.first or "", c.last or "", ", ".join(c.types))
    out.print(table)


@app.command()
def path(source: str, target: str, max_hops: int = typer.Option(4, min=1, max=MAX_HOPS), k: int = 1,
         since: str | None = None, until: str | None = None,
         type: list[str] | None = typer.Option(None, help="PLOVER type, mode or CAMEO prefix"),  # noqa: A002
         store: str | None = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Shortest path(s) between two actors, with the events that link each hop."""
    with store_from(store, read_only=True) as opened:
        flt = _filter(opened, since, until, type)
        src, dst = _actor_id(opened, source), _actor_id(opened, target)
        found = opened.paths(src, dst, flt, max_hops=max_hops, k=k)
    if not found:
        out.print(f"no path within {max_hops} hops")
        return
    for p in found:
        out.print(f"[bold]{p.hops} hops:[/] " + " → ".join(a.name for a in p.actors))
        for a, b, hop in zip(p.actors, p.actors[1:], p.events):
            out.print(f"  {a.name} — {b.name}")
            for e in hop:
                where = f" in {e.location}" if e.location else ""
                out.print(f"    {e.date or 'undated'} {e.type}/{e.mode or '-'} ({e.cameo}){where}  {e.url or ''}",
                          highlight=False)


@app.command()
def stats(store: str | None = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Counts of actors and events, by type and dataset, as JSON."""
    with store_from(store, read_only=True) as opened:
        print(opened.stats().model_dump_json(indent=2))


@app.command()
def serve(host: str = "127.0.0.1", port: int = 8000,
          store: str | None = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Serve the REST API (OpenAPI docs at /docs)."""
    import uvicorn

    from api.app import create_app

    with store_from(store) as opened:
        uvicorn.run(create_app(opened), host=host, port=port)


def demo_files() -> tuple[Path, Path | None]:
    """The bundled example: canonical events, and the example article (when the text extractor ships it)."""
    folder = Path(str(resources.files("api") / "demo"))
    article = folder / "article.txt"
    return folder / "events.jsonl", article if article.exists() else None


@app.command()
def demo(host: str = "127.0.0.1", port: int = 8000,
         store: str | None = typer.Option(None, "--store", help="default: a demo folder beside the default store"),
         serve_it: bool = typer.Option(True, "--serve/--no-serve", help="serve after loading")) -> None:
    """Load the bundled example (events + an article through the extractor) and serve it."""
    from graph.open_store import default_store_path
    from loaders.load import load_paths

    spec = store or str(default_store_path().parent / "demo")
    events_file, article = demo_files()
    with store_from(spec) as opened:
        out.print(f"events: {events_file.name}")
        print_report(load_paths(opened, [events_file], "jsonl", ReadOptions(), progress=False), as_json=False)
        if article is not None:
            meta = json.loads((article.parent / "article.json").read_text())
            options = ReadOptions(published=meta.get("published"), url=meta.get("url"), title=meta.get("title"))
            out.print(f"article through the extractor: {article.name}")
            print_report(load_paths(opened, [article], "text", options, progress=False), as_json=False)
        base = f"http://{host}:{port}"
        out.print(f"store: {spec}\nTry:\n  curl '{base}/actors?q=Li%20Shangfu'\n"
                  f"  curl '{base}/actors/li-shangfu/counterparts?since=2023'\n"
                  f"  curl '{base}/events?actor=China&with=Russia'\n"
                  f"  curl '{base}/paths/shortest?source=li-shangfu&target=antony-blinken&k=2'\n"
                  f"  open {base}/docs", highlight=False)
        if serve_it:
            import uvicorn

            from api.app import create_app

            uvicorn.run(create_app(opened), host=host, port=port)


app.add_typer(neo4j_app, name="neo4j", help="Run a local Neo4j 5.26 Community server from Maven Central.")


def main() -> None:
    """Console-script entry point: no traceback for the user unless DIPGRAPH_DEBUG=1."""
    import os

    try:
        app()
    except Exception as exc:  # noqa: BLE001 - last line of defence for a command-line user
        if os.environ.get("DIPGRAPH_DEBUG") == "1":
            raise
        err.print(f"[bold red]internal error:[/] {type(exc).__name__}: {exc} "
                  "(set DIPGRAPH_DEBUG=1 for the traceback)", highlight=False)
        sys.exit(1)
