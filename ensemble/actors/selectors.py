"""Reads of organisations and offers, always through a territory.

An organisation is listed in the territory where it is registered and in the
territories it names in `other_territories` ("also acts in").
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.shortcuts import get_object_or_404

from ensemble.core.registry import Registry
from ensemble.territories.models import Territory

from .models import Offer, Organisation, OrganisationInvitation, OrganisationMember

SORTS = {"name": ("name", "pk"), "newest": ("-created_at", "-pk")}


def acting_in(territory: Territory) -> Q:
    """Registered in `territory`, or acting in it too."""
    partners = Organisation.other_territories.through.objects.filter(territory=territory)
    return Q(territory=territory) | Q(pk__in=partners.values("organisation_id"))


def _active_offers() -> Prefetch:
    return Prefetch("offers", queryset=Offer.objects.active().order_by("kind", "pk"))


def organisation_list(*, territory: Territory, filters: dict | None = None) -> QuerySet:
    """Organisations of the territory and those acting in it, filtered and sorted.

    `filters` keys (all optional): kind, theme (slug), neighbourhood (slug),
    offer_kind, verified_only (bool), q (text in the name or summary), sort.
    """
    filters = filters or {}
    organisations = Organisation.objects.filter(acting_in(territory))
    if filters.get("kind"):
        organisations = organisations.filter(kind=filters["kind"])
    if filters.get("theme"):
        organisations = organisations.filter(
            pk__in=Organisation.themes.through.objects.filter(theme__slug=filters["theme"]).values(
                "organisation_id"
            )
        )
    if filters.get("neighbourhood"):
        organisations = organisations.filter(
            neighbourhood__slug=filters["neighbourhood"], neighbourhood__territory=territory
        )
    if filters.get("offer_kind"):
        organisations = organisations.filter(
            pk__in=Offer.objects.active()
            .filter(kind=filters["offer_kind"], organisation__isnull=False)
            .values("organisation_id")
        )
    if filters.get("verified_only"):
        organisations = organisations.filter(is_verified=True)
    if filters.get("q"):
        q = filters["q"].strip()
        organisations = organisations.filter(Q(name__icontains=q) | Q(summary__icontains=q))
    return (
        organisations.select_related("territory", "neighbourhood")
        .prefetch_related("themes", _active_offers())
        .order_by(*SORTS.get(filters.get("sort") or "name", SORTS["name"]))
    )


@dataclass(frozen=True)
class DetailRelation:
    """A relation that a higher app adds to organisations and shows on their page."""

    key: str
    prefetch: Callable[[], Prefetch]
    label: str = ""


# Apps above actors register here what an organisation's page and API detail show of
# theirs (projects: its published projects), so that actors never imports them.
detail_relations: Registry[DetailRelation] = Registry("organisation detail relations")


def _detail_prefetches() -> list:
    return [
        "themes",
        Prefetch("other_territories", queryset=Territory.objects.active()),
        _active_offers(),
        Prefetch(
            "memberships",
            queryset=OrganisationMember.objects.select_related("user").order_by("-role", "pk"),
        ),
        *(relation.prefetch() for relation in detail_relations.all()),
    ]


def organisation_detail_queryset() -> QuerySet:
    """What an organisation's page and the API's detail show."""
    return Organisation.objects.select_related(
        "territory", "neighbourhood", "verified_by"
    ).prefetch_related(*_detail_prefetches())


def organisation_details_load(organisation: Organisation) -> Organisation:
    """`organisation` (reached without `full`) with what its page shows, read now: a page
    that keeps those parts in fragments reads them only when it renders them."""
    prefetch_related_objects([organisation], *_detail_prefetches())
    return organisation


def organisation_for_update(*, pk: int, territory: Territory | None = None) -> Organisation:
    """A plain copy to change. Kept for matching until it uses access.organisation_get_visible."""
    organisations = Organisation.objects.select_related("territory", "neighbourhood")
    if territory is not None:
        organisations = organisations.filter(acting_in(territory))
    return get_object_or_404(organisations, pk=pk, territory__is_active=True)


def organisation_member_list(*, organisation: Organisation) -> QuerySet:
    return (
        OrganisationMember.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("-role", "user__display_name", "pk")
    )


def organisation_invitation_list_mine(*, user) -> QuerySet:
    """The invitations waiting for `user`'s answer, newest first."""
    return (
        OrganisationInvitation.objects.pending()
        .filter(user=user)
        .select_related("organisation__territory", "invited_by")
    )


def offer_list_for_organisation(
    *, organisation: Organisation, include_inactive: bool = False
) -> QuerySet:
    offers = Offer.objects.filter(organisation=organisation)
    if not include_inactive:
        offers = offers.active()
    return offers.order_by("-is_active", "kind", "pk")


def offer_list_for_person(
    *, user, territory: Territory | None = None, include_inactive: bool = False
) -> QuerySet:
    offers = Offer.objects.filter(user=user).select_related("territory")
    if territory is not None:
        offers = offers.filter(territory=territory)
    if not include_inactive:
        offers = offers.active()
    return offers.order_by("-is_active", "kind", "pk")
