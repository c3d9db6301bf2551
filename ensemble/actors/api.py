"""Organisations and their offers in the API (see /work/shared/API.md)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from ensemble.core.access import require
from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.core.api.schemas import responses
from ensemble.territories.models import Territory
from ensemble.territories.selectors import neighbourhood_list, territory_get, theme_list

from . import selectors, services
from .access import (
    offer_get_visible,
    organisation_get_visible,
    organisation_invitation_get_mine,
)
from .schemas import (
    OfferIn,
    OfferOut,
    OfferPatch,
    OrganisationIn,
    OrganisationInvitationOut,
    OrganisationListOut,
    OrganisationMembershipOut,
    OrganisationOut,
    OrganisationPatch,
)

router = Router(tags=["actors"])


class OrganisationFilters(Schema):
    kind: str | None = None
    theme: str | None = None
    neighbourhood: str | None = None
    offer_kind: str | None = None
    verified: bool | None = None
    q: str | None = None
    sort: str | None = None


def _resolve_relations(territory: Territory, data: dict) -> dict:
    """Turn the slugs of the payload into objects; an unknown slug names its field."""
    resolved, errors = {}, {}
    if "neighbourhood" in data:
        slug = data.pop("neighbourhood")
        resolved["neighbourhood"] = None
        if slug:
            found = neighbourhood_list(territory=territory).filter(slug=slug).first()
            if found is None:
                errors["neighbourhood"] = [_("No such neighbourhood in this territory.")]
            resolved["neighbourhood"] = found
    if data.get("themes") is not None:
        slugs = set(data.pop("themes"))
        themes = list(theme_list(territory=territory).filter(slug__in=slugs))
        if len(themes) != len(slugs):
            errors["themes"] = [_("Unknown theme; use the slugs of the territory's themes.")]
        resolved["themes"] = themes
    else:
        data.pop("themes", None)
    if data.get("territories") is not None:
        slugs = set(data.pop("territories"))
        others = list(Territory.objects.active().filter(slug__in=slugs))
        if len(others) != len(slugs):
            errors["territories"] = [_("Unknown territory; use slugs of the network.")]
        resolved["other_territories"] = others
    else:
        data.pop("territories", None)
    if errors:
        raise ValidationError(errors)
    return resolved


def _payload(schema, *, exclude_unset: bool) -> dict:
    data = schema.dict(exclude_unset=exclude_unset)
    if "description_markdown" in data:
        data["description"] = data.pop("description_markdown")
    return data


@router.get("/territories/{slug}/organisations", response=responses(list[OrganisationListOut]))
@paginate(PageNumber)
def organisation_list(request, slug: str, filters: Query[OrganisationFilters]):
    territory = territory_get(slug=slug)
    data = filters.dict(exclude_none=True)
    data["verified_only"] = data.pop("verified", False)
    return selectors.organisation_list(territory=territory, filters=data)


@router.post(
    "/territories/{slug}/organisations", response=responses(OrganisationOut, 201),
    auth=authenticated,
)  # fmt: skip
def organisation_create(request, slug: str, payload: OrganisationIn):
    territory = territory_get(slug=slug)
    require(request.user, "actors.add_organisation", territory)
    data = _payload(payload, exclude_unset=False)
    relations = _resolve_relations(territory, data)
    organisation = services.organisation_create(
        creator=request.user, territory=territory, **data, **relations
    )
    return Status(201, _detail(request, organisation.pk))


@router.get("/organisations/{organisation_id}", response=responses(OrganisationOut))
def organisation_detail(request, organisation_id: int):
    return _detail(request, organisation_id)


def _detail(request, pk: int):
    return organisation_get_visible(user=request.user, pk=pk, full=True)


@router.patch(
    "/organisations/{organisation_id}", response=responses(OrganisationOut),
    auth=authenticated,
)  # fmt: skip
def organisation_update(request, organisation_id: int, payload: OrganisationPatch):
    organisation = organisation_get_visible(
        user=request.user, pk=organisation_id, perm="actors.change_organisation"
    )
    data = _payload(payload, exclude_unset=True)
    relations = _resolve_relations(organisation.territory, data)
    if "neighbourhood" in relations:
        data["neighbourhood"] = relations.pop("neighbourhood")
    for field, value in data.items():
        if value is None and field not in {"latitude", "longitude", "neighbourhood"}:
            raise ValidationError({field: _("This field cannot be empty.")})
    services.organisation_update(
        actor=request.user, organisation=organisation, data=data,
        themes=relations.get("themes"), other_territories=relations.get("other_territories"),
    )  # fmt: skip
    return _detail(request, organisation.pk)


@router.post(
    "/organisations/{organisation_id}/offers", response=responses(OfferOut, 201),
    auth=authenticated,
)  # fmt: skip
def offer_create(request, organisation_id: int, payload: OfferIn):
    organisation = organisation_get_visible(user=request.user, pk=organisation_id)
    offer = services.offer_create(actor=request.user, organisation=organisation, **payload.dict())
    return Status(201, offer_get_visible(user=request.user, pk=offer.pk))


@router.patch("/offers/{offer_id}", response=responses(OfferOut), auth=authenticated)
def offer_update(request, offer_id: int, payload: OfferPatch):
    offer = offer_get_visible(user=request.user, pk=offer_id)
    data = payload.dict(exclude_unset=True)
    for field, value in data.items():
        if value is None:
            raise ValidationError({field: _("This field cannot be empty.")})
    return services.offer_update(actor=request.user, offer=offer, data=data)


# --- My invitations -------------------------------------------------------------------


@router.get(
    "/me/organisation-invitations", response=responses(list[OrganisationInvitationOut]),
    auth=authenticated,
)  # fmt: skip
@paginate(PageNumber)
def my_organisation_invitations(request):
    """The invitations to organisations waiting for my answer."""
    return selectors.organisation_invitation_list_mine(user=request.user)


@router.post(
    "/me/organisation-invitations/{invitation_id}/accept",
    response=responses(OrganisationMembershipOut), auth=authenticated,
)  # fmt: skip
def organisation_invitation_accept(request, invitation_id: int):
    invitation = organisation_invitation_get_mine(user=request.user, pk=invitation_id)
    return services.organisation_invitation_accept(user=request.user, invitation=invitation)


@router.post(
    "/me/organisation-invitations/{invitation_id}/decline", response=responses(None, 204),
    auth=authenticated,
)  # fmt: skip
def organisation_invitation_decline(request, invitation_id: int):
    invitation = organisation_invitation_get_mine(user=request.user, pk=invitation_id)
    services.organisation_invitation_decline(user=request.user, invitation=invitation)
    return Status(204, None)
