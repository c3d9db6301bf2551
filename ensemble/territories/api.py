from django.core.exceptions import PermissionDenied
from ninja import Router
from ninja.pagination import paginate

from ensemble.api.auth import authenticated
from ensemble.api.pagination import PageNumber
from ensemble.api.schemas import ErrorOut

from . import selectors, services
from .schemas import MembershipOut, TerritoryListOut, TerritoryOut

router = Router(tags=["territories"])


@router.get("", response=list[TerritoryListOut])
@paginate(PageNumber)
def territory_list(request):
    return selectors.territory_list()


@router.get("/{slug}", response={200: TerritoryOut, 404: ErrorOut})
def territory_detail(request, slug: str):
    return selectors.territory_get(slug=slug)


@router.post(
    "/{slug}/join", response={201: MembershipOut, 401: ErrorOut, 404: ErrorOut}, auth=authenticated
)
def territory_join(request, slug: str):
    territory = selectors.territory_get(slug=slug)
    membership = services.membership_join(user=request.user, territory=territory)
    return 201, {"territory": territory.slug, "role": membership.role}


@router.delete(
    "/{slug}/join",
    response={204: None, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut},
    auth=authenticated,
)
def territory_leave(request, slug: str):
    territory = selectors.territory_get(slug=slug)
    if not request.user.has_perm("territories.leave_territory", territory):
        raise PermissionDenied
    services.membership_leave(user=request.user, territory=territory)
    return 204, None
