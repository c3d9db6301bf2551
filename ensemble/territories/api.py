from django.core.exceptions import PermissionDenied, ValidationError
from ninja import Router, Status
from ninja.pagination import paginate

from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.core.api.schemas import responses

from . import selectors, services
from .opening import territory_open
from .schemas import (
    MembershipOut,
    TerritoryListOut,
    TerritoryOpenIn,
    TerritoryOpenOut,
    TerritoryOut,
)

router = Router(tags=["territories"])


@router.get("", response=responses(list[TerritoryListOut]))
@paginate(PageNumber)
def territory_list(request):
    return selectors.territory_list()


@router.post("", response=responses(TerritoryOpenOut, 201), auth=authenticated)
def territory_open_endpoint(request, payload: TerritoryOpenIn):
    """Open a territory from a template (network admins): its first admin is invited."""
    territory, invitation = territory_open(
        actor=request.user, base_url=request.build_absolute_uri("/"), **payload.dict()
    )
    return Status(201, {"territory": territory, "invitation_sent_to": invitation.email})


@router.get("/{slug}", response=responses(TerritoryOut))
def territory_detail(request, slug: str):
    return selectors.territory_get(slug=slug)


@router.post("/{slug}/join", response=responses(MembershipOut, 201), auth=authenticated)
def territory_join(request, slug: str):
    territory = selectors.territory_get(slug=slug)
    membership = services.membership_join(user=request.user, territory=territory)
    return Status(201, {"territory": territory.slug, "role": membership.role})


@router.delete(
    "/{slug}/join",
    response=responses(None, 204),
    auth=authenticated,
)
def territory_leave(request, slug: str):
    territory = selectors.territory_get(slug=slug)
    if not request.user.has_perm("territories.leave_territory", territory):
        raise PermissionDenied
    try:
        services.membership_leave(user=request.user, territory=territory)
    except ValidationError as error:
        # A state conflict (the last administrator), not malformed input.
        return Status(409, {"detail": " ".join(error.messages), "errors": error.message_dict})
    return Status(204, None)
