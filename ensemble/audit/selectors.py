"""Reads of the audit log: a territory's entries, filtered."""

from datetime import date, datetime, time

from django.db.models import QuerySet
from django.utils import timezone

from .models import AuditEntry


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def entry_list(*, territory, filters: dict | None = None) -> QuerySet[AuditEntry]:
    """The territory's entries, newest first.

    `filters`: action, actor, target_type, since and until (dates, both included).
    """
    filters = filters or {}
    entries = AuditEntry.objects.filter(territory=territory)
    if filters.get("action"):
        entries = entries.filter(action=filters["action"])
    if filters.get("actor"):
        entries = entries.filter(actor=filters["actor"])
    if filters.get("target_type"):
        entries = entries.filter(target_type=filters["target_type"])
    if filters.get("since"):
        entries = entries.filter(created_at__gte=_day_start(filters["since"]))
    if filters.get("until"):
        entries = entries.filter(
            created_at__lt=_day_start(filters["until"]) + timezone.timedelta(days=1)
        )
    return entries.select_related("actor", "person").order_by("-created_at", "-pk")
