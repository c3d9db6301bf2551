"""Reads of territories, their members and the network."""

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.http import Http404

from .models import Membership, Neighbourhood, Network, Territory, Theme

_NETWORK_CACHE_KEY = "ensemble:network"


def network_get() -> Network:
    """The installation's network (created on first use, cached)."""
    network = cache.get(_NETWORK_CACHE_KEY)
    if network is None:
        network = Network.objects.order_by("pk").first()
        if network is None:
            network = Network.objects.create(name="Ensemble")
        cache.set(_NETWORK_CACHE_KEY, network, 300)
    return network


def network_cache_clear() -> None:
    cache.delete(_NETWORK_CACHE_KEY)


def territory_list(*, include_inactive: bool = False) -> QuerySet[Territory]:
    territories = Territory.objects.all()
    if not include_inactive:
        territories = territories.active()
    return territories.order_by("name")


def territory_get(*, slug: str) -> Territory:
    """An active territory by slug, or 404 (an inactive one does not exist for visitors)."""
    try:
        return Territory.objects.active().get(slug=slug)
    except Territory.DoesNotExist:
        raise Http404("No such territory") from None


def territory_for_domain(host: str) -> Territory | None:
    host = host.split(":")[0].lower().rstrip(".")
    if not host:
        return None
    key = f"ensemble:domain:{host}"
    territory_id = cache.get(key)
    if territory_id is None:
        territory_id = (
            Territory.objects.active()
            .filter(custom_domain__iexact=host)
            .values_list("pk", flat=True)
            .first()
        ) or 0
        cache.set(key, territory_id, 60)
    if not territory_id:
        return None
    return Territory.objects.active().filter(pk=territory_id).first()


def theme_list(*, territory: Territory, include_retired: bool = False) -> QuerySet[Theme]:
    """The network's themes plus the territory's own; retired ones only when asked (console)."""
    themes = Theme.objects.filter(Q(territory__isnull=True) | Q(territory=territory))
    if not include_retired:
        themes = themes.in_use()
    return themes.order_by("position", "name")


def neighbourhood_list(
    *, territory: Territory, include_retired: bool = False
) -> QuerySet[Neighbourhood]:
    neighbourhoods = Neighbourhood.objects.filter(territory=territory)
    if not include_retired:
        neighbourhoods = neighbourhoods.in_use()
    return neighbourhoods.order_by("position", "name")


def membership_get(*, user, territory: Territory) -> Membership | None:
    """The person's membership, memoised on the user for the request."""
    if not getattr(user, "is_authenticated", False):
        return None
    memo = user.__dict__.setdefault("_territory_memberships", {})
    if territory.pk not in memo:
        memo[territory.pk] = Membership.objects.filter(user=user, territory=territory).first()
    return memo[territory.pk]


def member_list(*, territory: Territory, search: str = "", role: str = "") -> QuerySet[Membership]:
    """The territory's members, newest first; `search` a name or an address, `role` a role."""
    members = Membership.objects.filter(territory=territory)
    if role:
        members = members.filter(role=role)
    if search:
        members = members.filter(
            Q(user__display_name__icontains=search) | Q(user__email__icontains=search)
        )
    return members.select_related("user").order_by("-created_at", "-pk")


def user_territory_list(*, user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user, territory__is_active=True).select_related(
        "territory"
    )
