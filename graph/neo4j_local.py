"""A local Neo4j 5.26 LTS Community server assembled from Maven Central jars.

Maven Central has no server tarball, but it has every jar the tarball's ``lib/`` holds. ``install()``
resolves the newest 5.26.x, copies its runtime dependencies (plus the Neo4j Browser 5.24.0 jar, which
5.26 serves from the classpath at ``/browser/``) into a cache folder with ``mvn``; ``start()`` writes
a loopback-only ``neo4j.conf`` into a run folder, launches ``org.neo4j.server.CommunityEntryPoint``
detached, and waits for Bolt. A tiny CORS-enabled static server next to it serves the Browser style
(``dipgraph.grass``) and guide (``guide.html``), which ``browser.post_connect_cmd`` loads on connect.

Environment: ``DIPGRAPH_NEO4J_VERSION`` (pin a version), ``DIPGRAPH_CACHE`` (jar cache root),
``DIPGRAPH_NEO4J_HOME`` (run folder), ``DIPGRAPH_NEO4J_BOLT_PORT`` / ``_HTTP_PORT`` / ``_STATIC_PORT``,
``NEO4J_PASSWORD`` (initial password when auth is on), ``DIPGRAPH_JAVA`` / ``JAVA_HOME`` (the JVM).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SERIES = "5.26"
BROWSER_VERSION = "5.24.0"
MAVEN_REPO = "https://repo.maven.apache.org/maven2"
USER = "neo4j"
BROWSER_DIR = Path(__file__).with_name("browser")
VERSION_TTL_S = 7 * 24 * 3600
# Dependencies of the standalone pom that are built with the tarball but not deployed to Central; not needed to run.
UNPUBLISHED = ("neo4j-push-to-cloud", "neo4j-genai-plugin", "cypher-shell")
# Memory: small by default (tests, a laptop); raise for millions of events, e.g. DIPGRAPH_NEO4J_HEAP=3g.
HEAP_INITIAL = "256m"
HEAP_MAX = os.environ.get("DIPGRAPH_NEO4J_HEAP", "1g")
PAGECACHE = os.environ.get("DIPGRAPH_NEO4J_PAGECACHE", "256m")
MAIN_CLASSES = ("org.neo4j.server.Neo4jCommunity", "org.neo4j.server.CommunityEntryPoint")
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)
STATIC_SERVER = r"""
import functools, http.server, sys
class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".grass": "text/plain; charset=utf-8", ".html": "text/html; charset=utf-8"}
    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()
    def do_OPTIONS(self):
        self.send_response(204)
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", self.headers.get("Access-Control-Request-Headers", "*"))
        self.send_header("Access-Control-Max-Age", "600")
        self.end_headers()
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])),
                                functools.partial(Handler, directory=sys.argv[1])).serve_forever()
"""


class Neo4jLocalError(RuntimeError):
    """A local-server step failed; the message says what and where to look."""


@dataclass(frozen=True)
class Settings:
    """Where and how the local server runs (``home`` and ``cache`` absolute)."""

    home: Path
    cache: Path
    bolt_port: int = 7687
    http_port: int = 7474
    static_port: int = 7476
    auth: bool = True
    password: str | None = None

    @classmethod
    def from_env(
        cls,
        *,
        auth: bool = True,
        bolt_port: int | None = None,
        http_port: int | None = None,
        static_port: int | None = None,
        home: Path | None = None,
    ) -> Settings:
        """Defaults, then environment variables, then explicit arguments."""
        env = os.environ

        def port(name: str, default: int) -> int:
            value = env.get(name, str(default))
            if not value.isdigit() or not 0 < int(value) < 65536:
                raise Neo4jLocalError(f"{name}={value!r} is not a port number")
            return int(value)

        return cls(
            home=Path(home or env.get("DIPGRAPH_NEO4J_HOME") or Path.home() / ".local/share/dipgraph/neo4j").absolute(),
            cache=Path(env.get("DIPGRAPH_CACHE") or Path.home() / ".cache/dipgraph").absolute(),
            bolt_port=bolt_port or port("DIPGRAPH_NEO4J_BOLT_PORT", 7687),
            http_port=http_port or port("DIPGRAPH_NEO4J_HTTP_PORT", 7474),
            static_port=static_port or port("DIPGRAPH_NEO4J_STATIC_PORT", 7476),
            auth=auth,
            password=env.get("NEO4J_PASSWORD"),
        )

    @property
    def state_file(self) -> Path:
        return self.home / "run" / "dipgraph-neo4j.json"

    @property
    def log_dir(self) -> Path:
        return self.home / "logs"


# ---------------------------------------------------------------- version and jars


def _url_exists(url: str) -> bool:
    request = urllib.request.Request(url, method="HEAD")
    try:
        with urllib.request.urlopen(request, timeout=20):
            return True
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return False
        raise


def _published(version: str) -> bool:
    """Whether Central serves the server jar of ``version`` (metadata can lag the files)."""
    return _url_exists(f"{MAVEN_REPO}/org/neo4j/app/neo4j-server/{version}/neo4j-server-{version}.pom")


def _newest_on_central() -> str:
    with urllib.request.urlopen(f"{MAVEN_REPO}/org/neo4j/app/neo4j-server/maven-metadata.xml", timeout=20) as r:
        listed = re.findall(rf"<version>{re.escape(SERIES)}\.(\d+)</version>", r.read().decode())
    if not listed:
        raise Neo4jLocalError(f"Maven Central lists no Neo4j {SERIES}.x")
    patch = max(map(int, listed))
    while _published(f"{SERIES}.{patch + 1}"):  # maven-metadata.xml is sometimes behind the files
        patch += 1
    return f"{SERIES}.{patch}"


def resolve_version(settings: Settings, *, offline: bool = False) -> str | None:
    """The Neo4j version to use: ``DIPGRAPH_NEO4J_VERSION``, else the newest 5.26.x on Central.

    The choice is cached for a week in ``<cache>/neo4j-version``; offline (or when Central cannot be
    reached) the cached choice or the newest assembled version is used, and ``None`` if there is none.
    """
    if pinned := os.environ.get("DIPGRAPH_NEO4J_VERSION"):
        return pinned
    cached = settings.cache / "neo4j-version"
    if cached.exists() and (offline or time.time() - cached.stat().st_mtime < VERSION_TTL_S):
        return cached.read_text().strip()
    if not offline:
        try:
            version = _newest_on_central()
        except (OSError, Neo4jLocalError):
            pass
        else:
            settings.cache.mkdir(parents=True, exist_ok=True)
            cached.write_text(version + "\n")
            return version
    if cached.exists():
        return cached.read_text().strip()
    assembled = [p.parent.name.removeprefix("neo4j-") for p in settings.cache.glob("neo4j-*/lib/.complete")]
    return max(assembled, key=lambda v: [int(x) for x in re.findall(r"\d+", v)], default=None)


def _pom(version: str) -> str:
    exclusions = "".join(
        f"<exclusion><groupId>org.neo4j</groupId><artifactId>{a}</artifactId></exclusion>" for a in UNPUBLISHED
    )
    deps = [
        (
            "org.neo4j.assembly",
            "neo4j-community-standalone",
            version,
            f"<type>pom</type><exclusions>{exclusions}</exclusions>",
        ),
        ("org.neo4j", "neo4j", version, ""),
        ("org.neo4j.app", "neo4j-server", version, ""),
        ("org.neo4j.client", "neo4j-browser", BROWSER_VERSION, ""),
    ]
    body = "\n".join(
        f"    <dependency><groupId>{g}</groupId><artifactId>{a}</artifactId><version>{v}</version>{extra}</dependency>"
        for g, a, v, extra in deps
    )
    return f"""<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.dipgraph</groupId><artifactId>neo4j-server-libs</artifactId><version>{version}</version>
  <packaging>pom</packaging>
  <dependencies>
{body}
  </dependencies>
</project>
"""


def lib_dir(settings: Settings, version: str) -> Path:
    return settings.cache / f"neo4j-{version}" / "lib"


def _assembled(lib: Path) -> bool:
    marker = lib / ".complete"
    return marker.exists() and all((lib / name).exists() for name in marker.read_text().split())


def install(settings: Settings) -> tuple[str, Path]:
    """Assemble ``lib/`` for the resolved version (skipped when already complete); return it."""
    version = resolve_version(settings)
    if version is None:
        raise Neo4jLocalError(f"cannot resolve a Neo4j {SERIES}.x version (is Maven Central reachable?)")
    lib = lib_dir(settings, version)
    if _assembled(lib):
        return version, lib
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jLocalError("Maven (mvn) is not on PATH; it is needed to fetch the Neo4j jars")
    work = lib.parent
    work.mkdir(parents=True, exist_ok=True)
    (work / "pom.xml").write_text(_pom(version))
    staging = work / "lib.partial"
    shutil.rmtree(staging, ignore_errors=True)
    cmd = [
        mvn,
        "-q",
        "-B",
        "-f",
        str(work / "pom.xml"),
        "dependency:copy-dependencies",
        f"-DoutputDirectory={staging}",
        "-DincludeScope=runtime",
        "-DexcludeTypes=pom",
        "-DexcludeArtifactIds=netty-tcnative",  # native OpenSSL, only for TLS; the tarball keeps it off the classpath
    ]
    done = subprocess.run(cmd, check=False, capture_output=True, text=True, env=_java_env())
    if done.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        if not lib.exists():
            shutil.rmtree(work, ignore_errors=True)
        output = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)
        errors = [line.split("[ERROR] ", 1)[1] for line in output.splitlines() if "[ERROR] " in line]
        raise Neo4jLocalError(
            f"mvn failed for Neo4j {version}: " + (errors[0] if errors else done.stderr.strip()[-500:])
        )
    jars = sorted(p.name for p in staging.glob("*.jar"))
    (staging / ".complete").write_text("\n".join(jars) + "\n")
    shutil.rmtree(lib, ignore_errors=True)
    staging.rename(lib)
    return version, lib


# ---------------------------------------------------------------- configuration


def _java() -> str:
    if explicit := os.environ.get("DIPGRAPH_JAVA"):
        return explicit
    if java_home := os.environ.get("JAVA_HOME"):
        return str(Path(java_home) / "bin" / "java")
    found = shutil.which("java")
    if found is None:
        raise Neo4jLocalError("java is not on PATH (Neo4j 5.26 needs Java 17 or 21; set DIPGRAPH_JAVA)")
    return found


def _java_env() -> dict[str, str]:
    """Environment for mvn and AdminTool, with JAVA_HOME matching ``_java()`` when it was chosen explicitly."""
    env = dict(os.environ)
    if explicit := os.environ.get("DIPGRAPH_JAVA"):
        env["JAVA_HOME"] = str(Path(explicit).resolve().parent.parent)
    return env


def _check_java(java: str) -> None:
    out = subprocess.run([java, "-version"], check=False, capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)', out)
    if not match or match.group(1) not in ("17", "21"):
        raise Neo4jLocalError(
            f"{java} is not Java 17 or 21, which Neo4j {SERIES} needs (set DIPGRAPH_JAVA): {out.strip()[:120]}"
        )


def _main_class(lib: Path, version: str) -> str:
    """``Neo4jCommunity`` (2025.x and later) if the jar has it, else ``CommunityEntryPoint`` (5.x)."""
    with zipfile.ZipFile(lib / f"neo4j-{version}.jar") as jar:
        names = set(jar.namelist())
    for cls in MAIN_CLASSES:
        if cls.replace(".", "/") + ".class" in names:
            return cls
    raise Neo4jLocalError(f"no Neo4j entry point in {lib / f'neo4j-{version}.jar'}")


def static_base(settings: Settings) -> str:
    return f"http://127.0.0.1:{settings.static_port}"


def render_config(settings: Settings, lib: Path) -> str:
    """``neo4j.conf``: loopback only, small memory, Browser style and guide on connect."""
    home, base = settings.home, static_base(settings)
    lines = {
        "server.directories.data": home / "data",
        "server.directories.logs": home / "logs",
        "server.directories.run": home / "run",
        "server.directories.plugins": home / "plugins",
        "server.directories.import": home / "import",
        "server.directories.lib": lib,
        "server.directories.transaction.logs.root": home / "data" / "transactions",
        "server.default_listen_address": "127.0.0.1",
        "server.default_advertised_address": "127.0.0.1",
        "server.bolt.listen_address": f"127.0.0.1:{settings.bolt_port}",
        "server.bolt.advertised_address": f"127.0.0.1:{settings.bolt_port}",
        "server.http.enabled": "true",
        "server.http.listen_address": f"127.0.0.1:{settings.http_port}",
        "server.http.advertised_address": f"127.0.0.1:{settings.http_port}",
        "server.https.enabled": "false",
        "dbms.security.auth_enabled": str(settings.auth).lower(),
        "server.memory.heap.initial_size": HEAP_INITIAL,  # informative: -Xms/-Xmx on the java command line rule
        "server.memory.heap.max_size": HEAP_MAX,
        "server.memory.pagecache.size": PAGECACHE,
        "dbms.usage_report.enabled": "false",
        "client.allow_telemetry": "false",
        "db.transaction.timeout": "120s",
        # Netty waits this many seconds (default 5, twice) before Bolt shuts down: stop in ~1 s instead of ~10.
        "internal.dbms.bolt.netty_server_shutdown_quiet_period": "0",
        # 5.26 reads the old name; the Browser does too (the allowlist spelling is ignored).
        "browser.remote_content_hostname_whitelist": "guides.neo4j.com,localhost,127.0.0.1",
        "browser.post_connect_cmd": f"style {base}/dipgraph.grass; play {base}/guide.html",
    }
    return "# Written by graph/neo4j_local.py on every start; edits are overwritten.\n" + "".join(
        f"{key}={value}\n" for key, value in lines.items()
    )


def _set_initial_password(settings: Settings, lib: Path) -> None:
    """Store the initial password before the first start (``neo4j-admin dbms set-initial-password``)."""
    if (settings.home / "data" / "databases" / "system").exists():
        return  # already initialised: the password lives in the system database now
    password = settings.password
    if not password or len(password) < 8:
        raise Neo4jLocalError("auth is on: set NEO4J_PASSWORD (8+ characters) or start with --no-auth")
    env = _java_env() | {"NEO4J_HOME": str(settings.home), "NEO4J_CONF": str(settings.home / "conf")}
    done = subprocess.run(
        [_java(), "-cp", f"{lib}/*", "org.neo4j.cli.AdminTool", "dbms", "set-initial-password", password],
        check=False,
        capture_output=True,
        text=True,
        env=env,
    )
    if done.returncode != 0:
        raise Neo4jLocalError("set-initial-password failed: " + (done.stderr or done.stdout).strip().splitlines()[-1])


# ---------------------------------------------------------------- processes


def _alive(pid: int | None, marker: str) -> bool:
    """Whether ``pid`` runs and its command line contains ``marker`` (guards against reused pids)."""
    if not pid:
        return False
    try:
        os.waitpid(pid, os.WNOHANG)  # reap our own exited child, if it is one
    except ChildProcessError:
        pass
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return False
    return marker in cmdline


def _exited(pid: int) -> bool:
    """Whether our just-started child ``pid`` has exited (reaping it); no /proc look-up, so no false alarm."""
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:  # not our child: it is gone once /proc forgets it
        return not Path(f"/proc/{pid}").exists()
    return done == pid


def _state(settings: Settings) -> dict[str, Any]:
    try:
        return json.loads(settings.state_file.read_text())
    except (OSError, ValueError):
        return {}


def _neo4j_marker(settings: Settings) -> str:
    return f"--home-dir={settings.home} "  # the next argument follows, so /x never matches /xy


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the servers do: ignore TIME_WAIT
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _spawn(cmd: list[str], log: Path) -> int:
    """Start ``cmd`` detached (own session and process group), output appended to ``log``."""
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, cwd=log.parent
        )
    return proc.pid


def _terminate(pid: int, marker: str, timeout: float) -> None:
    """SIGTERM the process group, wait up to ``timeout`` s, then SIGKILL it."""
    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10.0)):
        if not _alive(pid, marker):
            return
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and _alive(pid, marker):
            time.sleep(0.2)


def _tail(path: Path, lines: int = 25) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _failure(settings: Settings, message: str) -> Neo4jLocalError:
    logs = [settings.log_dir / "neo4j.log", settings.log_dir / "console.log"]
    tails = "".join(f"\n--- tail of {p} ---\n{_tail(p)}" for p in logs if p.exists())
    return Neo4jLocalError(message + tails)


def _wait_for_bolt(settings: Settings, pid: int, timeout: float) -> None:
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, DriverError, Neo4jError

    auth = (USER, settings.password or "") if settings.auth else None
    deadline = time.monotonic() + timeout
    while True:
        if _exited(pid):
            raise _failure(settings, f"Neo4j exited during start-up (logs in {settings.log_dir})")
        try:
            with GraphDatabase.driver(bolt_uri(settings), auth=auth, connection_timeout=2) as driver:
                driver.verify_connectivity()
            return
        except AuthError as exc:
            raise Neo4jLocalError(
                f"Neo4j is up but rejects user '{USER}' with NEO4J_PASSWORD ({exc.message}); the password was fixed "
                f"when {settings.home / 'data'} was first created: use that one, or delete that folder"
            ) from None
        except (DriverError, Neo4jError, OSError):
            if time.monotonic() > deadline:
                raise _failure(settings, f"Bolt did not answer on {bolt_uri(settings)} within {timeout:.0f}s") from None
            time.sleep(0.5)


# ---------------------------------------------------------------- public API


def bolt_uri(settings: Settings) -> str:
    return f"bolt://127.0.0.1:{settings.bolt_port}"


def http_uri(settings: Settings) -> str:
    return f"http://127.0.0.1:{settings.http_port}"


def _running(settings: Settings) -> tuple[dict[str, Any], Settings] | None:
    """The state file and the settings the server runs with, or ``None`` if it does not run."""
    state = _state(settings)
    if not _alive(state.get("pid"), _neo4j_marker(settings)):
        return None
    keys = ("bolt_port", "http_port", "static_port", "auth")
    return state, Settings(
        home=settings.home, cache=settings.cache, password=settings.password, **{k: state[k] for k in keys}
    )


def status(settings: Settings) -> dict[str, Any]:
    """State of the server in ``settings.home``; ports and auth are those it runs with, if it runs."""
    found = _running(settings)
    running = found is not None
    state, current = found or ({}, settings)
    base = static_base(current)
    return {
        "running": running,
        "pid": state.get("pid"),
        "version": state.get("version") or resolve_version(settings, offline=True),
        "bolt_uri": bolt_uri(current),
        "http_uri": http_uri(current),
        # the Browser connects by itself only when told there is no auth
        "browser_uri": f"{http_uri(current)}/browser/" + ("" if current.auth else "?preselectAuthMethod=NO_AUTH"),
        "style_uri": f"{base}/dipgraph.grass",
        "guide_uri": f"{base}/guide.html",
        "auth": current.auth,
        "user": USER if current.auth else None,
        "home": str(settings.home),
        "log": str(settings.log_dir / "neo4j.log"),
    }


def start(settings: Settings, *, timeout: float = 180.0) -> dict[str, Any]:
    """Assemble if needed, start Neo4j and the style server detached, wait for Bolt; return ``status()``."""
    if found := _running(settings):
        current = found[1]
        if (current.bolt_port, current.http_port, current.auth) != (
            settings.bolt_port,
            settings.http_port,
            settings.auth,
        ):
            raise Neo4jLocalError(f"Neo4j already runs from {settings.home} on {bolt_uri(current)}; stop it first")
        return status(settings)
    stop(settings)  # leftovers of a crashed run (style server, state file)
    ports = {"Bolt": settings.bolt_port, "HTTP": settings.http_port, "style server": settings.static_port}
    if len(set(ports.values())) < len(ports):
        raise Neo4jLocalError(f"ports must differ: {ports}")
    for name, port in ports.items():
        if not _port_free(port):
            raise Neo4jLocalError(f"{name} port {port} on 127.0.0.1 is already in use")
    java = _java()
    _check_java(java)
    version, lib = install(settings)
    for sub in ("conf", "data", "logs", "run", "plugins", "import"):
        (settings.home / sub).mkdir(parents=True, exist_ok=True)
    (settings.home / "conf" / "neo4j.conf").write_text(render_config(settings, lib))
    if settings.auth:
        _set_initial_password(settings, lib)
    (settings.log_dir / "console.log").write_text("")
    cmd = [
        java,
        f"-Xms{HEAP_INITIAL}",
        f"-Xmx{HEAP_MAX}",
        *JVM_FLAGS,
        "-cp",
        f"{settings.home / 'plugins'}/*:{lib}/*",
        _main_class(lib, version),
        f"--home-dir={settings.home}",
        f"--config-dir={settings.home / 'conf'}",
    ]
    pid = _spawn(cmd, settings.log_dir / "console.log")
    static_pid = _spawn(
        [sys.executable, "-c", STATIC_SERVER, str(BROWSER_DIR), str(settings.static_port)],
        settings.log_dir / "static.log",
    )
    settings.state_file.write_text(
        json.dumps(
            {
                "pid": pid,
                "static_pid": static_pid,
                "version": version,
                "bolt_port": settings.bolt_port,
                "http_port": settings.http_port,
                "static_port": settings.static_port,
                "auth": settings.auth,
            }
        )
    )
    try:
        _wait_for_bolt(settings, pid, timeout)
    except BaseException:
        stop(settings)
        raise
    return status(settings)


def stop(settings: Settings, *, timeout: float = 60.0) -> bool:
    """Stop the server (and style server) of ``settings.home``; return whether Neo4j was running."""
    state = _state(settings)
    was_running = _alive(state.get("pid"), _neo4j_marker(settings))
    if was_running:
        _terminate(state["pid"], _neo4j_marker(settings), timeout)
    if state.get("static_pid"):
        _terminate(state["static_pid"], str(BROWSER_DIR), 5.0)
    settings.state_file.unlink(missing_ok=True)
    return was_running
