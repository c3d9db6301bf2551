"""Reports, their resolution, and hiding content with a public reason."""

import rules
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.audit.services import record

from .models import Report
from .registry import reportable_for
from .selectors import report_open_exists

REASON_MAX_LENGTH = 300


def reason_clean(reason: str | None, *, field: str = "reason") -> str:
    """The public reason of a moderation decision, required and short."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({field: [_("Give the public reason for this decision.")]})
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            {field: [_("At most %(max)d characters.") % {"max": REASON_MAX_LENGTH}]}
        )
    return reason


def report_create(*, reporter, target, reason: str, details: str = "") -> Report:
    """Report content to its territory's moderators; once per person while the report is open."""
    kind = reportable_for(target)
    if getattr(reporter, "is_authenticated", False) and report_open_exists(
        reporter=reporter, target=target
    ):
        raise ValidationError(
            {"reason": [_("You have already reported this; the moderators will review it.")]}
        )
    if not rules.has_perm(kind.report_perm, reporter, target):
        raise PermissionDenied
    report = Report(
        territory=target.territory,
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        reporter=reporter,
        reason=reason,
        details=(details or "").strip(),
    )
    report.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:  # the same person, at the same moment, twice
        raise ValidationError(
            {"reason": [_("You have already reported this; the moderators will review it.")]}
        ) from None
    return report


@transaction.atomic
def report_resolve(*, actor, report: Report, upheld: bool, reason: str = "") -> Report:
    """Uphold (hide the content when it can be hidden, closing its other open reports too)
    or dismiss a report. The reason of an upheld report is shown publicly."""
    report = Report.objects.select_for_update().select_related("territory").get(pk=report.pk)
    if not rules.has_perm("moderation.resolve_report", actor, report):
        raise PermissionDenied
    if upheld:
        reason = reason_clean(reason)
        target = report.target
        kind = reportable_for(target) if target is not None else None
        if kind is not None and kind.hide is not None:
            # The hiding service writes the audit entry of this decision.
            kind.hide(actor=actor, target=target, reason=reason)
        else:
            record(
                actor=actor,
                action="report.uphold",
                territory=report.territory,
                target=report,
                reason=reason,
            )
        reports = Report.objects.open().filter(
            content_type=report.content_type_id, object_id=report.object_id
        )
        status = Report.Status.UPHELD
    else:
        reason = (reason or "").strip()[:REASON_MAX_LENGTH]
        reports = Report.objects.filter(pk=report.pk)
        status = Report.Status.DISMISSED
        record(
            actor=actor,
            action="report.dismiss",
            territory=report.territory,
            target=report,
            reason=reason,
        )
    reports.update(
        status=status, handled_by=actor, handled_at=timezone.now(), decision_reason=reason,
        updated_at=timezone.now(),
    )  # fmt: skip
    report.refresh_from_db()
    return report
