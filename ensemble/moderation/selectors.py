"""Reads of reports: the territory's moderation queue."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import QuerySet
from django.http import Http404

from .models import Report
from .registry import registry, reportables


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


def report_queue(*, territory, user=None) -> QuerySet[Report] | list[Report]:
    """Open reports of the territory, newest first, reporters and targets loaded in bulk.

    With `user`, only the reports whose target that moderator may see (`Reportable.may_view`):
    a moderator who is not an agent never sees an agents-only consultation's contributions."""
    targets = [kind.target_queryset() for kind in reportables()]
    reports = (
        Report.objects.open()
        .filter(territory=territory)
        .select_related("reporter", "content_type")
        .prefetch_related(GenericPrefetch("target", targets))
        .order_by("-created_at", "-pk")
    )
    if user is None:
        return reports
    return [report for report in reports if report_target_visible(user, report)]


def report_target_visible(user, report: Report) -> bool:
    """Whether `user` may see what `report` is about (a removed target shows nothing)."""
    target = report.target
    if target is None:
        return True
    kind = registry.find(target._meta.label_lower)
    return kind is None or kind.may_view(user, target)


def report_get(*, pk: int, territory) -> Report:
    report = Report.objects.select_related("territory").filter(pk=pk, territory=territory).first()
    if report is None:
        raise Http404("No such report")
    return report
