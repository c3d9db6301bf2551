"""Benchmark: fresh database, scale data, production server, p50/p95 and queries.

    .venv/bin/python bench/run.py --members 100000          # SQLite under bench/.data/
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ensemble \\
        .venv/bin/python bench/run.py --members 100000      # database ensemble_bench

Prints a table and writes bench/results/<timestamp>-<vendor>-<members>.json.
Measures, asserts nothing. See bench/README.md.
"""

import argparse
import http.client
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / ".data"
RESULTS_DIR = BENCH_DIR / "results"
# BENCH_PG_DATABASE lets two people bench on one server at the same time.
PG_BENCH_DATABASE = os.environ.get("BENCH_PG_DATABASE", "ensemble_bench")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--territories", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=50, help="measured requests per page")
    parser.add_argument("--warmup", type=int, default=4, help="unmeasured requests per page")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--only", action="append", help="measure only pages with this name")
    parser.add_argument(
        "--time-limit", type=int, default=1800, help="seconds for the whole run (default 1800)"
    )
    parser.add_argument(
        "--page-cache", action="store_true",
        help="keep the anonymous page cache on (off by default: measure the rendering)",
    )  # fmt: skip
    parser.add_argument("--keep-db", action="store_true", help="keep the bench database afterwards")
    parser.add_argument(
        "--reuse-db", action="store_true",
        help="measure on the database a --keep-db run left (migrated, not seeded again); kept",
    )  # fmt: skip
    parser.add_argument(
        "--seed-args", default="", help="extra seed_scale options, e.g. '--projects 5000'"
    )
    return parser.parse_args(argv)


def log(message: str) -> None:
    print(f"bench: {message}", flush=True)


# --- The database -------------------------------------------------------------


class Database:
    """A fresh database only for the benchmark: a SQLite file or `ensemble_bench`."""

    def __init__(self):
        self.url = os.environ.get("DATABASE_URL", "")
        self.vendor = "postgresql" if self.url.startswith(("postgres", "pgsql")) else "sqlite"
        if self.url and self.vendor != "postgresql":
            raise SystemExit(f"bench: unsupported DATABASE_URL scheme: {self.url.split(':')[0]}")
        self.sqlite_path = DATA_DIR / "bench.sqlite3"
        self.bench_url = ""
        if self.vendor == "postgresql":
            parts = urlsplit(self.url)
            if parts.path.lstrip("/") == PG_BENCH_DATABASE:
                raise SystemExit("bench: DATABASE_URL must name another database than the bench's")
            self.bench_url = urlunsplit(parts._replace(path=f"/{PG_BENCH_DATABASE}"))
            self.admin_url = urlunsplit(parts._replace(path="/postgres"))

    def env(self) -> dict[str, str]:
        if self.vendor == "postgresql":
            return {"DATABASE_URL": self.bench_url}
        return {"SQLITE_PATH": str(self.sqlite_path)}

    def _pg(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(sql)

    def create(self) -> None:
        if self.vendor == "postgresql":
            self._pg(f'DROP DATABASE IF EXISTS "{PG_BENCH_DATABASE}" WITH (FORCE)')
            self._pg(f'CREATE DATABASE "{PG_BENCH_DATABASE}"')
        else:
            self.drop()

    def drop(self) -> None:
        if self.vendor == "postgresql":
            self._pg(f'DROP DATABASE IF EXISTS "{PG_BENCH_DATABASE}" WITH (FORCE)')
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.sqlite_path}{suffix}").unlink(missing_ok=True)

    def describe(self) -> str:
        return PG_BENCH_DATABASE if self.vendor == "postgresql" else str(self.sqlite_path)


# --- Helpers --------------------------------------------------------------------


def server_env(database: Database, *, page_cache: bool = True) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "SQLITE_PATH", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(database.env())
    env.update(
        DJANGO_SETTINGS_MODULE="ensemble.config.settings.production",
        ENSEMBLE_BENCH="1",
        SECRET_KEY=secrets.token_urlsafe(50),
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        REQUIRE_MFA_FOR_ADMINS="0",  # the console is measured, not the MFA set-up page
        ALLOWED_HOSTS="127.0.0.1,localhost",
        STATIC_ROOT=str(DATA_DIR / "static"),
        MEDIA_ROOT=str(DATA_DIR / "media"),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL=os.environ.get("BENCH_LOG_LEVEL", "WARNING"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    if not page_cache:
        env["PAGE_CACHE_SECONDS"] = "0"
    return env


def manage(env: dict, *args: str, timeout: float) -> float:
    started = time.monotonic()
    log("manage.py " + " ".join(args))
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=timeout
    )
    return time.monotonic() - started


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str, headers: dict, timeout: float = 30) -> tuple[int, float, int]:
    """(status, milliseconds, query count or -1) of one GET, body read in full."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        started = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - started) * 1000
        queries = response.getheader("X-Query-Count")
        return response.status, elapsed, int(queries) if queries is not None else -1
    finally:
        connection.close()


def build_requests(env: dict):
    """Run the registry in this process, configured exactly like the server."""
    os.environ.update(env)
    for key in ("DATABASE_URL", "SQLITE_PATH"):
        if key not in env:
            os.environ.pop(key, None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import importlib

    import registry
    from django.db import connections

    # Apps add their pages in bench/pages_<app>.py (registering on import).
    for module in sorted(BENCH_DIR.glob("pages_*.py")):
        importlib.import_module(module.stem)

    try:
        return registry.build_requests()
    finally:
        connections.close_all()


class Server:
    def __init__(self, env: dict, workers: int, threads: int = 1):
        self.port = free_port()
        self.log_path = DATA_DIR / "gunicorn.log"
        self.log_file = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "ensemble.config.wsgi:application",
                "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers),
                "--threads", str(threads),
                "--timeout", "60", "--graceful-timeout", "5",
            ],
            cwd=ROOT, env=env, stdout=self.log_file, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}")
            try:
                if fetch(self.port, "/healthz", {}, timeout=5)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn not ready after {timeout}s; see {self.log_path}")

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
            except ProcessLookupError:
                pass
        self.log_file.close()


def finish(server: "Server | None", database: Database, *, keep: bool) -> None:
    """Stop the server and drop the bench database unless it is kept."""
    if server is not None:
        server.stop()
    if not keep:
        try:
            database.drop()
        except Exception as error:  # report, but keep the original error if any
            log(f"could not drop the bench database: {error}")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    rank = fraction * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def measure(port, requests, *, count: int, warmup: int, deadline: float) -> list[dict]:
    rows = []
    for name, request in requests:
        if isinstance(request, str):  # the registry could not build it
            rows.append({"name": name, "path": "", "status": request})
            log(f"{name}: {request}")
            continue
        row = {"name": name, "path": request.path}
        if time.monotonic() > deadline:
            rows.append({**row, "status": "skipped (time limit)"})
            continue
        for _ in range(warmup):
            fetch(port, request.path, request.headers)
        statuses, times, queries = set(), [], []
        for _ in range(count):
            if time.monotonic() > deadline:
                break
            status, elapsed, query_count = fetch(port, request.path, request.headers)
            statuses.add(status)
            times.append(elapsed)
            queries.append(query_count)
        rows.append(
            {
                **row,
                "status": "/".join(str(s) for s in sorted(statuses)),
                "requests": len(times),
                "p50_ms": round(statistics.median(times), 1) if times else None,
                "p95_ms": round(percentile(times, 0.95), 1) if times else None,
                "max_ms": round(max(times), 1) if times else None,
                "queries": statistics.median(queries) if queries else None,
                "queries_min": min(queries) if queries else None,
                "queries_max": max(queries) if queries else None,
            }
        )
        log(f"{name}: {rows[-1].get('p50_ms')} ms p50")
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| page | path | status | p50 ms | p95 ms | queries |",
        "|---|---|---|---:|---:|---:|",
    ]
    for row in rows:
        queries = row.get("queries")
        if queries is not None and row["queries_min"] != row["queries_max"]:
            queries = f"{row['queries_min']}-{row['queries_max']}"
        elif isinstance(queries, float) and queries.is_integer():
            queries = int(queries)
        lines.append(
            f"| {row['name']} | `{row['path']}` | {row['status']} | {row.get('p50_ms', '')} "
            f"| {row.get('p95_ms', '')} | {'' if queries is None else queries} |"
        )
    return "\n".join(lines)


def main(argv=None) -> int:
    args = parse_args(argv)
    deadline = time.monotonic() + args.time_limit
    DATA_DIR.mkdir(exist_ok=True)
    RESULTS_DIR.mkdir(exist_ok=True)
    database = Database()
    env = server_env(database, page_cache=args.page_cache)
    shutil.rmtree(DATA_DIR / "static", ignore_errors=True)
    started_at = datetime.now(UTC)
    durations: dict[str, float] = {}
    server = None
    log(f"{database.vendor} database {database.describe()}, {args.members:,} members")

    def remaining() -> float:
        return max(1.0, deadline - time.monotonic())

    try:
        if not args.reuse_db:
            database.create()
        durations["migrate_s"] = manage(env, "migrate", "--noinput", "-v0", timeout=remaining())
        if not args.reuse_db:
            seed = [
                "seed_scale", f"--seed={args.seed}", f"--members={args.members}",
                f"--territories={args.territories}", *args.seed_args.split(),
            ]  # fmt: skip
            durations["seed_scale_s"] = manage(env, *seed, timeout=remaining())
        durations["collectstatic_s"] = manage(
            env, "collectstatic", "--noinput", "-v0", timeout=remaining()
        )
        requests = build_requests(env)
        if args.only:
            requests = [(name, request) for name, request in requests if name in args.only]
        server = Server(env, args.workers)
        server.wait_ready(timeout=min(60, remaining()))
        log(f"gunicorn ready on port {server.port}; measuring {len(requests)} pages")
        rows = measure(
            server.port, requests, count=args.requests, warmup=args.warmup, deadline=deadline
        )
    finally:
        finish(server, database, keep=args.keep_db or args.reuse_db)

    result = {
        "date": started_at.isoformat(timespec="seconds"),
        "vendor": database.vendor,
        "members": args.members,
        "territories": args.territories,
        "seed": args.seed,
        "requests_per_page": args.requests,
        "workers": args.workers,
        "cache": "redis" if os.environ.get("REDIS_URL") else "locmem",
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "durations": {key: round(value, 1) for key, value in durations.items()},
        "pages": rows,
    }
    stamp = started_at.strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS_DIR / f"{stamp}-{database.vendor}-{args.members}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print()
    print(
        f"{database.vendor}, {args.members:,} members, {args.territories} territories, "
        f"{args.requests} requests per page, {args.workers} workers, {os.cpu_count()} CPUs; "
        + ", ".join(f"{key} {value:.1f}" for key, value in durations.items())
    )
    print(table(rows))
    print(f"\nbench: results written to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
