"""The territory's audit log: its admins read it, filter it and export it as CSV."""

import csv
import json

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.core.decorators import territory_permission_required
from ensemble.core.pagination import paginate

from . import selectors
from .forms import AuditFilterForm
from .services import record

VIEW_PERM = "territories.view_audit_log"


@territory_permission_required(VIEW_PERM)
def audit_log(request):
    form = AuditFilterForm(request.GET or None)
    entries = selectors.entry_list(territory=request.territory, filters=form.filters())
    page = paginate(request, entries, per_page=50)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "audit/log.html", {"form": form, "page": page, "query": query.urlencode()}
    )


def _json(value) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _cell(value: str) -> str:
    """No formula in a spreadsheet cell: a value that starts like one is quoted."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@territory_permission_required(VIEW_PERM)
def audit_log_csv(request):
    """The filtered log as CSV; the export itself is an entry of the log."""
    form = AuditFilterForm(request.GET or None)
    filters = form.filters()
    entries = selectors.entry_list(territory=request.territory, filters=filters)
    record(
        actor=request.user, action="audit.export", territory=request.territory,
        after={key: str(value) for key, value in filters.items()},
    )  # fmt: skip
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="audit-{request.territory.slug}-{stamp}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow([
        _("when"), _("who"), _("what"), _("object"), _("person concerned"), _("why"),
        _("before"), _("after"),
    ])  # fmt: skip
    for entry in entries.iterator(chunk_size=2000):
        writer.writerow(_cell(value) for value in [
            timezone.localtime(entry.created_at).isoformat(timespec="seconds"),
            str(entry.actor) if entry.actor else "",
            entry.action_label,
            f"{entry.target_type} #{entry.target_id} {entry.target_label}".strip()
            if entry.target_type else "",
            str(entry.person) if entry.person else "",
            entry.reason, _json(entry.before), _json(entry.after),
        ])  # fmt: skip
    return response
