"""The API of consultations: contributions (list, post, read, follow, hide, unhide, merge)."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import AuthenticationError
from ninja.pagination import paginate

from ensemble.consultations.access import consultation_get_visible
from ensemble.contributions.access import contribution_get_visible, merge_target_get_visible
from ensemble.contributions.models import Contribution
from ensemble.contributions.schemas import (
    ContributionFilters,
    ContributionIn,
    ContributionOut,
    FollowOut,
    MergeIn,
    ReasonIn,
)
from ensemble.contributions.selectors import contributions as selectors
from ensemble.contributions.services import contributions as services
from ensemble.contributions.services import follows, moderation
from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.core.api.schemas import ErrorOut
from ensemble.events.models import Event
from ensemble.territories.validation import neighbourhood_from_slug, themes_from_slugs

router = Router(tags=["consultations"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


def _workshop(consultation, pk: int | None):
    if pk is None:
        return None
    workshop = Event.objects.filter(pk=pk, workshop__consultation=consultation).first()
    if workshop is None:
        raise ValidationError({"workshop": _("This workshop is not one of this consultation's.")})
    return workshop


def _decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value, 6)))


def _read(request, pk: int) -> Contribution:
    return contribution_get_visible(user=request.user, pk=pk)


def _check_may_list_hidden(request, consultation) -> None:
    if not request.user.is_authenticated:
        raise AuthenticationError
    if not selectors.may_read_hidden(user=request.user, consultation=consultation):
        raise PermissionDenied(
            _("Only the territory's moderators and agents see hidden contributions.")
        )


@router.get(
    "/consultations/{int:consultation_id}/contributions",
    response={200: list[ContributionOut], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Contributions of a consultation",
    description="Open contributions (neither hidden nor merged). Filters `kind`, `theme`, "
    "`neighbourhood` (slugs), `answer` (`unanswered`, `overdue` or an answer state); `sort` "
    "`supports`, `newest`, `comments`, `answer`. With `similar_to`, the contributions whose "
    "words resemble that title, best first (public consultations only). With `hidden=true`, "
    "the contributions hidden by moderation instead (the territory's moderators and agents "
    "only: 401 anonymous, 403 anyone else).",
)
@paginate(PageNumber)
def contribution_list(request, consultation_id: int, filters: Query[ContributionFilters]):
    consultation = consultation_get_visible(user=request.user, pk=consultation_id)
    data = filters.dict()
    sort, similar_to = data.pop("sort"), data.pop("similar_to")
    if data["hidden"]:
        _check_may_list_hidden(request, consultation)
        similar_to = None  # the index holds open contributions only
    if similar_to is not None:
        found = selectors.contribution_similar(consultation=consultation, title=similar_to)
        ids = [contribution.pk for contribution in found]
        listed = selectors.contribution_list(consultation=consultation).in_bulk(ids)
        return [listed[pk] for pk in ids if pk in listed]
    return selectors.contribution_list(
        consultation=consultation, filters={k: v for k, v in data.items() if v}, sort=sort
    )


@router.post(
    "/consultations/{int:consultation_id}/contributions",
    response={201: ContributionOut, **ERRORS},
    auth=authenticated,
    summary="Post a problem or an idea",
    description="409 when the active phase does not take contributions. With `workshop` and "
    "`group_size`, a facilitator records what a workshop's group produced (any phase).",
)
def contribution_create(request, consultation_id: int, payload: ContributionIn):
    consultation = consultation_get_visible(user=request.user, pk=consultation_id)
    territory = consultation.territory
    contribution = services.contribution_create(
        author=request.user, consultation=consultation, kind=payload.kind,
        title=payload.title, body=payload.body_markdown,
        themes=themes_from_slugs(territory, payload.themes),
        neighbourhood=neighbourhood_from_slug(territory, payload.neighbourhood),
        address=payload.address, latitude=_decimal(payload.latitude),
        longitude=_decimal(payload.longitude),
        workshop=_workshop(consultation, payload.workshop), group_size=payload.group_size,
    )  # fmt: skip
    return Status(201, _read(request, contribution.pk))


@router.get(
    "/contributions/{int:contribution_id}",
    response={200: ContributionOut, 404: ErrorOut},
    summary="A contribution",
)
def contribution_detail(request, contribution_id: int):
    return _read(request, contribution_id)


def _follow_out(contribution: Contribution, following: bool) -> dict:
    contribution.refresh_from_db(fields=["followers_count"])
    return {"following": following, "followers_count": contribution.followers_count}


@router.post(
    "/contributions/{int:contribution_id}/follow",
    response={200: FollowOut, **ERRORS},
    auth=authenticated,
    summary="Follow a contribution (idempotent)",
)
def contribution_follow(request, contribution_id: int):
    contribution = _read(request, contribution_id)
    follows.contribution_follow(user=request.user, contribution=contribution)
    return _follow_out(contribution, True)


@router.delete(
    "/contributions/{int:contribution_id}/follow",
    response={204: None, **ERRORS},
    auth=authenticated,
    summary="Stop following a contribution (idempotent)",
)
def contribution_unfollow(request, contribution_id: int):
    contribution = _read(request, contribution_id)
    follows.contribution_unfollow(user=request.user, contribution=contribution)
    return Status(204, None)


@router.post(
    "/contributions/{int:contribution_id}/hide",
    response={200: ContributionOut, **ERRORS},
    auth=authenticated,
    summary="Hide a contribution with a public reason (moderators and agents)",
)
def contribution_hide(request, contribution_id: int, payload: ReasonIn):
    contribution = _read(request, contribution_id)
    moderation.contribution_hide(
        actor=request.user, contribution=contribution, reason=payload.reason
    )
    return _read(request, contribution_id)


@router.post(
    "/contributions/{int:contribution_id}/unhide",
    response={200: ContributionOut, **ERRORS},
    auth=authenticated,
    summary="Show a hidden contribution again (moderators and agents)",
    description="Undoes a moderation mistake: the contribution comes back in the lists, the "
    "counts and the search. Unhiding a contribution that is not hidden changes nothing.",
)
def contribution_unhide(request, contribution_id: int):
    contribution = _read(request, contribution_id)
    moderation.contribution_unhide(actor=request.user, contribution=contribution)
    return _read(request, contribution_id)


@router.post(
    "/contributions/{int:contribution_id}/merge",
    response={200: ContributionOut, **ERRORS},
    auth=authenticated,
    summary="Merge a duplicate into another contribution of the same consultation",
    description="The duplicate's authors become co-authors of `target`, its followers follow "
    "it; supports stay on the duplicate and its supporters are invited to support `target`.",
)
def contribution_merge(request, contribution_id: int, payload: MergeIn):
    source = _read(request, contribution_id)
    target = merge_target_get_visible(user=request.user, source=source, pk=payload.target)
    moderation.contribution_merge(
        actor=request.user, source=source, target=target, reason=payload.reason
    )
    return _read(request, contribution_id)
