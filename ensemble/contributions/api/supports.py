"""The API of consultations: supporting a contribution (one support per person, idempotent)."""

from ninja import Router, Schema, Status

from ensemble.contributions.access import contribution_get_visible
from ensemble.contributions.selectors.supports import supports_remaining
from ensemble.contributions.services.supports import support_ensure, support_remove
from ensemble.core.api.auth import authenticated
from ensemble.core.api.schemas import ErrorOut

router = Router(tags=["consultations"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


class SupportOut(Schema):
    supported: bool
    supports_count: int
    # How many more contributions of the consultation the person may support; null: no limit.
    supports_remaining: int | None


def _out(request, contribution, *, supported: bool) -> dict:
    return {
        "supported": supported,
        "supports_count": contribution.supports_count,
        "supports_remaining": supports_remaining(
            user=request.user, consultation=contribution.consultation
        ),
    }


@router.post(
    "/contributions/{int:contribution_id}/support",
    response={200: SupportOut, 201: SupportOut, **ERRORS},
    auth=authenticated,
    summary="Support a contribution",
    description="201 when the support is new, 200 when it already existed (nothing changes). "
    "409 when the active phase does not allow supporting or the person's limit is reached.",
)
def contribution_support(request, contribution_id: int):
    contribution = contribution_get_visible(user=request.user, pk=contribution_id)
    _support, created = support_ensure(user=request.user, contribution=contribution)
    if not created:
        contribution.refresh_from_db(fields=["supports_count"])
    return Status(201 if created else 200, _out(request, contribution, supported=True))


@router.delete(
    "/contributions/{int:contribution_id}/support",
    response={204: None, **ERRORS},
    auth=authenticated,
    summary="Withdraw one's support",
    description="204 whether or not there was a support; 409 when the phase does not allow it.",
)
def contribution_unsupport(request, contribution_id: int):
    contribution = contribution_get_visible(user=request.user, pk=contribution_id)
    support_remove(user=request.user, contribution=contribution)
    return Status(204, None)
