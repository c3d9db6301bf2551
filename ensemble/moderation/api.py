from ninja import Router, Status

from ensemble.comments.access import comment_get_visible
from ensemble.core.api.auth import authenticated
from ensemble.core.api.schemas import responses

from . import services
from .schemas import ReportIn, ReportOut

router = Router(tags=["moderation"])


@router.post(
    "/comments/{int:comment_id}/report",
    response=responses(ReportOut, 201),
    auth=authenticated,
)
def comment_report(request, comment_id: int, payload: ReportIn):
    comment = comment_get_visible(user=request.user, pk=comment_id)
    report = services.report_create(
        reporter=request.user, target=comment, reason=payload.reason, details=payload.details
    )
    return Status(201, report)
