from typing import Literal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import paginate

from ensemble.accounts.models import User
from ensemble.actors.models import Organisation
from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.core.api.schemas import responses

from . import selectors, services
from .access import introduction_get_visible
from .schemas import IntroductionIn, IntroductionOut, IntroductionPatch

router = Router(tags=["introductions"])


def _get(model, pk, field: str):
    try:
        return model.objects.get(pk=pk)
    except model.DoesNotExist:
        raise ValidationError({field: [_("Not found.")]}) from None


@router.post("/introductions", response=responses(IntroductionOut, 201), auth=authenticated)
def introduction_create(request, payload: IntroductionIn):
    """Ask for an introduction (kind "request", by the project team, to `to_organisation`
    or `to_user`) or offer help on an open need (kind "offer", perhaps on behalf of
    `organisation`). 429 when a limit is reached or the same request is pending."""
    need = selectors.need_for_introduction(pk=payload.need)
    if payload.kind == "offer":
        introduction = services.help_offer(
            actor=request.user, need=need, message=payload.message,
            organisation=(
                _get(Organisation, payload.organisation, "organisation")
                if payload.organisation else None
            ),
        )  # fmt: skip
    else:
        introduction = services.introduction_request(
            actor=request.user, need=need, message=payload.message,
            to_organisation=(
                _get(Organisation, payload.to_organisation, "to_organisation")
                if payload.to_organisation else None
            ),
            to_user=_get(User, payload.to_user, "to_user") if payload.to_user else None,
        )  # fmt: skip
    return Status(201, introduction_get_visible(user=request.user, pk=introduction.pk))


@router.patch("/introductions/{pk}", response=responses(IntroductionOut), auth=authenticated)
def introduction_update(request, pk: int, payload: IntroductionPatch):
    """{"status": "accepted"|"declined"} by the recipient, {"status": "withdrawn"} by the
    requester, {"outcome": "helped"} by the project team (the need is then fulfilled)."""
    introduction = introduction_get_visible(user=request.user, pk=pk)
    if payload.status is None and payload.outcome is None:
        raise ValidationError({"status": [_("Give a status or an outcome.")]})
    if payload.status in ("accepted", "declined"):
        services.introduction_answer(
            actor=request.user, introduction=introduction, accept=payload.status == "accepted"
        )
    elif payload.status == "withdrawn":
        services.introduction_withdraw(actor=request.user, introduction=introduction)
    if payload.outcome == "helped":
        services.introduction_mark_helped(actor=request.user, introduction=introduction)
    return introduction_get_visible(user=request.user, pk=pk)


@router.get("/me/introductions", response=responses(list[IntroductionOut]), auth=authenticated)
@paginate(PageNumber)
def my_introductions(request, box: Literal["received", "sent"] = "received"):
    return selectors.introduction_list(user=request.user, box=box)
