"""Reads of the knowledge base; each list runs a fixed number of queries."""

from django.db.models import Prefetch, Q, QuerySet

from ensemble.resources.models import Resource
from ensemble.territories.models import Theme
from ensemble.territories.predicates import is_territory_agent

# The kind of need that funding calls answer (needtypes' key).
FUNDING = "funding"


def _themes() -> Prefetch:
    return Prefetch("themes", queryset=Theme.objects.order_by("position", "name"))


def resource_list(*, territory, user, filters: dict | None = None) -> QuerySet[Resource]:
    """The territory's resources `user` may see. Filters: kind, theme (slug), q, open (funding
    calls still open), archived (funding calls past their deadline; otherwise left out),
    need_kind, drafts (agents: their territory's drafts only)."""
    filters = filters or {}
    resources = Resource.objects.filter(territory=territory)
    if filters.get("drafts") and is_territory_agent(user, territory):
        resources = resources.filter(status=Resource.Status.DRAFT)
    else:
        resources = resources.published()
    if kind := filters.get("kind"):
        resources = resources.filter(kind=kind)
    if theme := filters.get("theme"):
        resources = resources.filter(themes__slug=theme)
    if need_kind := filters.get("need_kind"):
        helps = Q(need_kind=need_kind)
        if need_kind == FUNDING:
            helps |= Q(kind=Resource.Kind.FUNDING_CALL)
        resources = resources.filter(helps)
    if filters.get("open"):
        resources = resources.open()
    elif filters.get("archived"):
        resources = resources.archived()
    else:
        resources = resources.current()
    if q := (filters.get("q") or "").strip():
        resources = resources.filter(
            Q(title__icontains=q) | Q(summary__icontains=q) | Q(body__icontains=q)
        )
    order = ("deadline", "pk") if filters.get("open") else ("kind", "title", "pk")
    return resources.select_related("territory").prefetch_related(_themes()).order_by(*order)


def closing_soon(*, territory) -> QuerySet[Resource]:
    """Published funding calls whose deadline comes within two weeks, soonest first."""
    return (
        Resource.objects.filter(territory=territory)
        .published()
        .closing_soon()
        .select_related("territory")
        .order_by("deadline", "pk")
    )


def resources_for_need(need) -> QuerySet[Resource]:
    """Published resources of the need's territory that help with its kind (a "funding" need:
    the open funding calls, soonest deadline first); archived calls are left out."""
    return resource_list(
        territory=need.territory, user=None, filters={"need_kind": need.kind}
    ).order_by("kind", "deadline", "title", "pk")
