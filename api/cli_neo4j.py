"""``dipgraph neo4j ...``: install, start, stop and inspect the local Neo4j server (graph/neo4j_local.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from graph import neo4j_local

neo4j_app = typer.Typer(
    name="neo4j",
    help="A local Neo4j 5.26 Community server built from Maven Central jars (no Docker).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True, soft_wrap=True)

BoltPort = Annotated[int | None, typer.Option("--bolt-port", help="Bolt port [env DIPGRAPH_NEO4J_BOLT_PORT, 7687]")]
HttpPort = Annotated[int | None, typer.Option("--http-port", help="HTTP port [env DIPGRAPH_NEO4J_HTTP_PORT, 7474]")]


def _run(step: Callable[[], Any]) -> Any:
    """Run ``step``; on failure print one red line (and any log tail) and exit 1, without a traceback."""
    try:
        return step()
    except neo4j_local.Neo4jLocalError as exc:
        first, _, rest = str(exc).partition("\n")
        errors.print(f"[bold red]error:[/] {escape(first)}", highlight=False)
        if rest:
            errors.print(rest, markup=False, highlight=False, style="dim")
    except (OSError, ValueError) as exc:
        errors.print(f"[bold red]error:[/] {type(exc).__name__}: {escape(str(exc))}", highlight=False)
    except KeyboardInterrupt:
        errors.print("[bold red]error:[/] interrupted")
    raise typer.Exit(1)


def _show(info: dict[str, Any]) -> None:
    table = Table(show_header=False, box=None)
    for key, value in info.items():
        table.add_row(f"[bold]{key}[/]", "" if value is None else str(value))
    console.print(table)


@neo4j_app.command()
def install() -> None:
    """Resolve the newest 5.26.x and assemble its jars (skipped when already complete)."""
    with console.status("assembling Neo4j jars with mvn..."):
        version, lib = _run(lambda: neo4j_local.install(neo4j_local.Settings.from_env()))
    console.print(f"Neo4j {version}: {lib}")


@neo4j_app.command()
def start(
    no_auth: Annotated[bool, typer.Option("--no-auth", help="Turn authentication off (tests, CI).")] = False,
    bolt_port: BoltPort = None,
    http_port: HttpPort = None,
) -> None:
    """Start the server in the background (auth from NEO4J_PASSWORD unless --no-auth) and wait for Bolt."""
    settings = _run(lambda: neo4j_local.Settings.from_env(auth=not no_auth, bolt_port=bolt_port, http_port=http_port))
    with console.status("starting Neo4j..."):
        info = _run(lambda: neo4j_local.start(settings))
    _show(info)


@neo4j_app.command()
def stop() -> None:
    """Stop the server (SIGTERM, then SIGKILL after 60 s)."""
    with console.status("stopping Neo4j..."):
        was_running = _run(lambda: neo4j_local.stop(neo4j_local.Settings.from_env()))
    console.print("stopped" if was_running else "not running")


@neo4j_app.command()
def status(as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False) -> None:
    """Show whether the server runs, its version, URIs and auth mode."""
    info = _run(lambda: neo4j_local.status(neo4j_local.Settings.from_env()))
    if as_json:
        typer.echo(json.dumps(info))
    else:
        _show(info)
