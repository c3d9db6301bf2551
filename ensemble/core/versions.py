"""The version of the data: every committed write bumps it, so a cache keyed by it is never stale.

Writes are seen where they all pass, the database connection: `watch_writes` is installed on
every new connection (core's AppConfig) and bumps the version after any INSERT, UPDATE or
DELETE, except on the tables of WRITES_IGNORED (sessions, the task queue, stored vectors:
nothing a page shows). A new write path cannot forget to invalidate: there is no list of
things to invalidate to keep up to date.

The version is bumped twice: at once (so the same transaction, and a test that never
commits, reads fresh pages) and again after the commit (so a page rendered by another
request between the write and its commit, from the old data, is never served again).

Where it lives: in the cache when the cache is shared between processes (Redis, which
production with several workers or nodes uses); otherwise in the modification time of
DATA_VERSION_FILE (one machine: its gunicorn workers share the file system).
"""

import os
import re
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction

CACHE_KEY = "data-version"
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"?(\w+)', re.I)
WRITES_IGNORED = frozenset(
    {
        "django_session",
        "django_tasks_database_dbtaskresult",
        "django_tasks_db_dbtaskresult",
        "semantics_embedding",
    }
)


def _shared_cache() -> bool:
    return not isinstance(cache, LocMemCache | DummyCache)


def _file() -> Path:
    return Path(settings.DATA_VERSION_FILE)


def current() -> str:
    """The version now: changes whenever committed data changes."""
    if _shared_cache():
        value = cache.get(CACHE_KEY)
        if value is None:
            cache.add(CACHE_KEY, time.time_ns())
            value = cache.get(CACHE_KEY)
        return str(value)
    try:
        return str(os.stat(_file()).st_mtime_ns)
    except FileNotFoundError:
        bump()
        return str(os.stat(_file()).st_mtime_ns)


def bump() -> None:
    if _shared_cache():
        try:
            cache.incr(CACHE_KEY)
        except ValueError:  # not set yet, or evicted: any new value will do
            cache.set(CACHE_KEY, time.time_ns(), None)
        return
    path = _file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    now = time.time_ns()
    stat = os.stat(path)
    # Two bumps in one clock tick must still differ.
    os.utime(path, ns=(now, max(now, stat.st_mtime_ns + 1)))


def _bump_after_commit(connection) -> None:
    if not any(func is bump for _, func, _ in connection.run_on_commit):
        transaction.on_commit(bump, using=connection.alias)


def watch_writes(execute, sql, params, many, context):
    """Execute wrapper of every connection: a write to a watched table bumps the version."""
    result = execute(sql, params, many, context)
    match = WRITE.match(sql) if isinstance(sql, str) else None
    if match and match.group(1).lower() not in WRITES_IGNORED:
        connection = context["connection"]
        bump()
        if connection.in_atomic_block:
            _bump_after_commit(connection)
    return result


def install(sender, connection, **kwargs) -> None:
    """`connection_created` receiver: watch this connection's writes."""
    if watch_writes not in connection.execute_wrappers:
        # First, not last: `connection.execute_wrapper()` blocks pop the last wrapper when
        # they end, so a connection opened inside one must not put ours on top (the block
        # would remove ours and leave its own, one more on every request).
        connection.execute_wrappers.insert(0, watch_writes)
