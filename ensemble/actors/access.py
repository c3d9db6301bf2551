"""Access to organisations and offers: the only way views and the API reach them.

Organisations and active offers are public, so "visible" is about where one
looks from: on a territory's pages, an organisation exists if it is registered
there or acts there ("also acts in"); through the API, if its territory is
open. Anything else is a 404. With `perm`, a person who may see it but not do
that gets PermissionDenied (403).
"""

from django.http import Http404

from ensemble.core.access import check_visible, get_visible

from .models import Offer, Organisation, OrganisationInvitation, OrganisationMember
from .selectors import (
    acting_in,
    organisation_detail_queryset,
    organisation_invitation_list_mine,
)

VIEW_ORGANISATION = "actors.view_organisation"
VIEW_OFFER = "actors.view_offer"


def _row(queryset, pk):
    try:
        row = queryset.filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        row = None
    if row is None:
        raise Http404
    return row


def organisation_get_visible(
    *, user, pk, territory=None, perm: str | None = None, full: bool = False
) -> Organisation:
    """The organisation seen from `territory` (any of an open territory without one).

    `full` fetches what its page shows (themes, offers, members, projects); without
    it, a plain copy to change (no prefetch that a write would leave stale)."""
    if full:
        organisations = organisation_detail_queryset()
    else:
        organisations = Organisation.objects.select_related("territory", "neighbourhood")
    if territory is not None:
        organisations = organisations.filter(acting_in(territory))
    else:
        organisations = organisations.filter(territory__is_active=True)
    return get_visible(organisations, user=user, pk=pk, view_perm=VIEW_ORGANISATION, perm=perm)


def organisation_member_get_visible(
    *, user, pk, organisation: Organisation, perm: str | None = None
) -> OrganisationMember:
    """A membership of `organisation` (reached through `organisation_get_visible`)."""
    check_visible(user, organisation, view_perm=VIEW_ORGANISATION, perm=perm)
    membership = _row(
        OrganisationMember.objects.filter(organisation=organisation).select_related("user"), pk
    )
    membership.organisation = organisation
    return membership


def organisation_invitation_get_mine(*, user, pk) -> OrganisationInvitation:
    """A pending invitation addressed to `user`; anybody else's, or an answered one, is 404."""
    return _row(organisation_invitation_list_mine(user=user), pk)


def offer_get_visible(
    *, user, pk, territory=None, organisation: Organisation | None = None,
    mine: bool = False, perm: str | None = None,
) -> Offer:  # fmt: skip
    """An offer of an open territory; of `organisation` when given; with `mine`, one of
    `user`'s own offers (anybody else's is a 404). `perm` is asked on the offer."""
    if organisation is not None:
        offer = _row(Offer.objects.filter(organisation=organisation), pk)
        offer.organisation = organisation
    else:
        offers = Offer.objects.select_related("organisation__territory", "territory", "user")
        if territory is not None:
            offers = offers.filter(territory=territory)
        else:
            offers = offers.filter(territory__is_active=True)
        if mine:
            if not getattr(user, "is_authenticated", False):
                raise Http404
            offers = offers.filter(user=user)
        offer = _row(offers, pk)
    check_visible(user, offer, view_perm=VIEW_OFFER, perm=perm)
    return offer
