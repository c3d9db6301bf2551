"""Access to reports: the only way the moderation pages reach one.

A report exists only for the moderators of its territory (who may see that
territory's queue), in the territory of the URL when there is one: anyone else
gets Http404. With `perm`, a moderator who may not do that (resolve a report
already handled…) gets PermissionDenied.
"""

from django.http import Http404

from ensemble.core.access import check_visible, require

from .models import Report
from .selectors import report_target_visible

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
    # A report is seen with its territory's queue: its moderators, network admins;
    # and only by those who may see its target (an agents-only consultation's).
    check_visible(user, report.territory, view_perm=VIEW_QUEUE)
    if not report_target_visible(user, report):
        raise Http404("No such report")
    if perm:
        require(user, perm, report)
    return report
