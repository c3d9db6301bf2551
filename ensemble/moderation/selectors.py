"""Reads of reports: the territory's moderation queue."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import QuerySet
from django.http import Http404

from .models import Report
from .registry import reportables


def report_open_exists(*, reporter, target) -> bool:
    return (
        Report.objects.open()
        .filter(
            content_type=ContentType.objects.get_for_model(target),
            object_id=target.pk,
            reporter=reporter,
        )
        .exists()
    )


def report_queue(*, territory) -> QuerySet[Report]:
    """Open reports of the territory, newest first, reporters and targets loaded in bulk."""
    targets = [kind.target_queryset() for kind in reportables()]
    return (
        Report.objects.open()
        .filter(territory=territory)
        .select_related("reporter", "content_type")
        .prefetch_related(GenericPrefetch("target", targets))
        .order_by("-created_at", "-pk")
    )


def report_get(*, pk: int, territory) -> Report:
    report = Report.objects.select_related("territory").filter(pk=pk, territory=territory).first()
    if report is None:
        raise Http404("No such report")
    return report
