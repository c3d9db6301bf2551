from ninja import Router, Status

from ensemble.comments.selectors import comment_get
from ensemble.core.api.auth import authenticated
from ensemble.core.api.schemas import ErrorOut

from . import services
from .schemas import ReportIn, ReportOut

router = Router(tags=["moderation"])


@router.post(
    "/comments/{int:comment_id}/report",
    response={201: ReportOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=authenticated,
)
def comment_report(request, comment_id: int, payload: ReportIn):
    comment = comment_get(pk=comment_id, viewer=request.user)
    report = services.report_create(
        reporter=request.user, target=comment, reason=payload.reason, details=payload.details
    )
    return Status(201, report)
