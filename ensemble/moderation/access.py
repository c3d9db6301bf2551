"""Access to reports: the only way the moderation pages reach one.

A report exists only for the moderators of its territory (who may see that
territory's queue), in the territory of the URL when there is one: anyone else
gets Http404. With `perm`, a moderator who may not do that (resolve a report
already handled…) gets PermissionDenied.
"""

from django.http import Http404

from ensemble.core.access import check_visible, require

from .models import Report

VIEW_QUEUE = "moderation.view_queue"


def report_get_visible(*, user, pk, territory=None, perm: str | None = None) -> Report:
    reports = Report.objects.select_related("territory")
    if territory is not None:
        reports = reports.filter(territory=territory)
    try:
        report = reports.filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        report = None
    if report is None:
        raise Http404("No such report")
    # A report is seen with its territory's queue: its moderators, network admins.
    check_visible(user, report.territory, view_perm=VIEW_QUEUE)
    if perm:
        require(user, perm, report)
    return report
