"""Load benchmark: the scale data set served with production settings, under wrk.

    .venv/bin/python bench/load.py                       # SQLite, 10,000 members
    .venv/bin/python bench/load.py --reuse-db --duration 15
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ensemble .venv/bin/python bench/load.py

Each page of PAGES is loaded alone (wrk, --connections for --duration seconds), then a
mixed run drives all of them together with members supporting and withdrawing through the
API, reading their feed, and API clients reading lists (bench/load.lua). Reports req/s,
p50/p99 and errors (non-2xx/3xx, socket errors) per page and writes
bench/results/<timestamp>-load-<vendor>-<members>.json. Loopback only; bounded in time.
Needs wrk (Debian package `wrk`). Measures, asserts nothing. See bench/README.md.
"""

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # bench/run.py: the database and server of `make bench`

# The pages the goals name, then the cheap floor and the API lists.
PAGES = [
    "territory home",
    "contributions by supports",
    "contribution page",
    "projects directory",
    "project page",
    "network home",
    "healthz",
    "API contributions by supports",
    "my feed (member)",
]
LUA = Path(__file__).resolve().parent / "load.lua"
SEED_ARGS = "--contributions 10000 --supports 55000 --projects 2000 --organisations 500"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=10000)
    parser.add_argument("--territories", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seed-args", default=SEED_ARGS)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=2, help="threads per worker")
    parser.add_argument("--only", action="append", help="load only pages with this name")
    parser.add_argument(
        "--no-page-cache", action="store_true", help="turn the anonymous page cache off"
    )
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--reuse-db", action="store_true")
    return parser.parse_args(argv)


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def parse_wrk(output: str) -> dict:
    """req/s, p50/p99 in ms and errors from wrk's text output (run with --latency)."""
    result = {"req_s": None, "p50_ms": None, "p99_ms": None, "errors": 0, "requests": 0}
    if match := re.search(r"Requests/sec:\s+([\d.]+)", output):
        result["req_s"] = round(float(match.group(1)), 1)
    for percent, key in (("50", "p50_ms"), ("99", "p99_ms")):
        if match := re.search(rf"^\s+{percent}(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M):
            result[key] = round(_ms(*match.groups()), 1)
    if match := re.search(r"(\d+) requests in", output):
        result["requests"] = int(match.group(1))
    if match := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output):
        result["errors"] += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        result["errors"] += sum(int(group) for group in match.groups())
    return result


def wrk(
    port: int,
    args,
    *,
    path: str = "/",
    headers=None,
    script: Path | None = None,
    seconds: int | None = None,
) -> dict:
    seconds = seconds or args.duration
    command = [
        "wrk", f"--connections={args.connections}", "--threads=2",
        f"--duration={seconds}s", "--latency", "--timeout=10s",
    ]  # fmt: skip
    for name, value in (headers or {}).items():
        command += ["--header", f"{name}: {value}"]
    if script:
        command += ["--script", str(script)]
    command.append(f"http://127.0.0.1:{port}{path}")
    output = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 30, check=True
    ).stdout
    return parse_wrk(output)


def mixed_requests(requests: dict, data) -> list[dict]:
    """The mixed run's requests, with their weights: browsing, reading, supporting."""
    from django.contrib.auth import get_user_model

    from ensemble.contributions.models import Contribution

    mixed = [
        {"weight": weight, "method": "GET", "path": request.path, "headers": request.headers}
        for name, weight in (
            ("territory home", 4),
            ("contributions by supports", 3),
            ("contribution page", 3),
            ("projects directory", 2),
            ("project page", 2),
            ("network home", 1),
            ("my feed (member)", 1),
            ("API contributions by supports", 1),
        )
        if isinstance(request := requests.get(name), run_registry().Request)
    ]
    member = data.member()
    contribution = Contribution.objects.order_by("pk").first()
    if contribution is not None:
        token = data.token_headers(get_user_model().objects.get(pk=member.pk))
        path = f"/api/v1/contributions/{contribution.pk}/support"
        for method in ("POST", "DELETE"):  # a member supports, then withdraws
            mixed.append({"weight": 1, "method": method, "path": path, "headers": token})
    return mixed


def lua_script(mixed: list[dict]) -> Path:
    """bench/load.lua with the requests prepended as a Lua table (wrk has no JSON)."""

    def quote(text: str) -> str:
        return json.dumps(text)  # a JSON string is a valid Lua string here (ASCII)

    lines = ["entries = {"]
    for entry in mixed:
        headers = ", ".join(f"[{quote(k)}] = {quote(v)}" for k, v in entry["headers"].items())
        lines.append(
            f"  {{weight = {entry['weight']}, method = {quote(entry['method'])}, "
            f"path = {quote(entry['path'])}, headers = {{{headers}}}}},"
        )
    lines.append("}")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write("\n".join(lines) + "\n" + LUA.read_text())
    return Path(handle.name)


def run_registry():
    import registry

    return registry


def main(argv=None) -> int:
    if shutil.which("wrk") is None:
        raise SystemExit("bench: wrk is missing; install the Debian package `wrk`")
    args = parse_args(argv)
    run.DATA_DIR.mkdir(exist_ok=True)
    run.RESULTS_DIR.mkdir(exist_ok=True)
    database = run.Database()
    env = run.server_env(database, page_cache=not args.no_page_cache)
    started_at = datetime.now(UTC)
    server = None
    rows = []
    try:
        if not args.reuse_db:
            database.create()
        run.manage(env, "migrate", "--noinput", "-v0", timeout=600)
        if not args.reuse_db:
            run.manage(
                env, "seed_scale", f"--seed={args.seed}", f"--members={args.members}",
                f"--territories={args.territories}", *args.seed_args.split(), timeout=1200,
            )  # fmt: skip
        run.manage(env, "collectstatic", "--noinput", "-v0", timeout=300)
        built = dict(run.build_requests(env))
        mixed = mixed_requests(built, run_registry().BenchData())
        names = args.only or PAGES
        server = run.Server(env, args.workers, args.threads)
        server.wait_ready()
        for name in names:
            request = built.get(name)
            if not isinstance(request, run_registry().Request):
                rows.append({"name": name, "status": request or "unknown page"})
                continue
            # Warm up every worker and thread (each process keeps its own templates,
            # URL resolver and, without Redis, its own cache): a second of the same load.
            wrk(server.port, args, path=request.path, headers=request.headers, seconds=1)
            row = {"name": name, "path": request.path, **wrk(server.port, args,
                   path=request.path, headers=request.headers)}  # fmt: skip
            rows.append(row)
            run.log(f"{name}: {row['req_s']} req/s, p50 {row['p50_ms']} ms, p99 {row['p99_ms']}")
        if not args.only:
            script = lua_script(mixed)
            row = {"name": "mixed traffic", "path": "(bench/load.lua)",
                   **wrk(server.port, args, script=script)}  # fmt: skip
            script.unlink()
            rows.append(row)
            run.log(f"mixed: {row['req_s']} req/s, p50 {row['p50_ms']} ms, p99 {row['p99_ms']}")
    finally:
        run.finish(server, database, keep=args.keep_db or args.reuse_db)

    result = {
        "date": started_at.isoformat(timespec="seconds"),
        "vendor": database.vendor,
        "members": args.members,
        "seed_args": args.seed_args,
        "workers": args.workers,
        "threads": args.threads,
        "connections": args.connections,
        "duration_s": args.duration,
        "cache": "redis" if os.environ.get("REDIS_URL") else "locmem",
        "page_cache": not args.no_page_cache,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "pages": rows,
    }
    stamp = started_at.strftime("%Y%m%dT%H%M%SZ")
    path = run.RESULTS_DIR / f"{stamp}-load-{database.vendor}-{args.members}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print()
    print("| page | req/s | p50 ms | p99 ms | errors |")
    print("|---|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['name']} | {row.get('req_s', row.get('status'))} | {row.get('p50_ms', '')} "
            f"| {row.get('p99_ms', '')} | {row.get('errors', '')} |"
        )
    print(f"\nbench: results written to {path.relative_to(run.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
