"""Writes of statistics: the monthly snapshots, computed by the periodic task."""

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from ensemble.territories.models import Territory

from . import figures
from .models import Snapshot


def month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(month: date) -> date:
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def _end_of(month: date, now: datetime) -> datetime:
    """The moment a month's figures are taken: its end, or now for the current month."""
    end = timezone.make_aware(datetime.combine(_next_month(month), time.min))
    return min(end, now)


@transaction.atomic
def snapshots_compute(*, months: int = 1, now: datetime | None = None) -> int:
    """Compute the snapshots of the last `months` months (the current one included) for
    every active territory and the network; returns how many rows were written."""
    now = now or timezone.now()
    month = month_start(timezone.localdate(now))
    wanted = [month]
    for _i in range(months - 1):
        wanted.append(_previous_month(wanted[-1]))
    territories = list(Territory.objects.filter(is_active=True).only("pk"))
    written = 0
    for month in wanted:
        until = _end_of(month, now)
        for territory in [*territories, None]:
            ids = None if territory is None else [territory.pk]
            Snapshot.objects.update_or_create(
                territory=territory, month=month,
                defaults={"figures": figures.compute(territory_ids=ids, until=until),
                          "computed_at": now},
            )  # fmt: skip
            written += 1
    return written


def _previous_month(month: date) -> date:
    return date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)
