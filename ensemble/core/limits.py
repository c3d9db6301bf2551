"""Count-then-insert under a lock: limits that hold under concurrent requests.

A limit ("3 introductions a day", "10 comments a minute", "one conversation per
pair") is a count followed by an insert. Two requests that count at the same time
both see room and both insert. The supports and registrations are exact because
each write first locks a row that every competing write must lock too (the
person, the event) and counts only then, in the same transaction. `limit_guard`
is that technique, for every limit of the platform:

    with transaction.atomic():
        limit_guard(lock=User.objects.filter(pk=user.pk), used=lambda: …count(),
                    limit=3, error=LimitReached(_("…")))
        …insert…

* The rows of `lock` are locked `FOR NO KEY UPDATE` in primary-key order, so that
  two guards over overlapping rows never deadlock, and so that the foreign keys
  checked at commit (`FOR KEY SHARE`) do not wait for them.
* `used()` is counted after the lock: every write that held it before has committed.
* On SQLite the lock is a no-op: IMMEDIATE transactions already serialise writers.
"""

from collections.abc import Callable

from django.db import connection
from django.db.models import QuerySet


def lock_rows(queryset: QuerySet) -> None:
    """Lock the rows of `queryset` until the end of the transaction, in primary-key order."""
    if not connection.in_atomic_block:
        raise RuntimeError("lock_rows() needs a transaction: wrap the write in atomic().")
    list(queryset.select_for_update(no_key=True).order_by("pk").values_list("pk", flat=True))


def limit_guard(
    *, lock: QuerySet, used: Callable[[], int], limit: int | None, error: Exception
) -> int:
    """Lock `lock`, then raise `error` if `used()` has reached `limit` (None: no limit).

    Returns what `used()` counted. The insert that the limit protects must follow in
    the same transaction."""
    lock_rows(lock)
    if limit is None:
        return 0
    count = used()
    if count >= limit:
        raise error
    return count
