"""Reads of the practice library: network-wide lists in a fixed number of queries."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from ensemble.practices.models import Bookmark, Practice
from ensemble.projects.models import Project
from ensemble.territories.models import Theme


def practice_list(*, user, filters: dict | None = None) -> QuerySet[Practice]:
    """The practices `user` may read across the network, newest first. Filters: q, theme
    (slug), country, territory (slug), territory_size, cost_range, bookmarked, mine
    (drafts and sheets the person writes)."""
    filters = filters or {}
    practices = Practice.objects.visible_to(user).filter(territory__is_active=True)
    if filters.get("mine") and getattr(user, "is_authenticated", False):
        practices = practices.filter(authors=user)
    else:
        practices = practices.published()
    if theme := filters.get("theme"):
        practices = practices.filter(themes__slug=theme)
    if country := filters.get("country"):
        practices = practices.filter(territory__country=country)
    if territory := filters.get("territory"):
        practices = practices.filter(territory__slug=territory)
    if size := filters.get("territory_size"):
        practices = practices.filter(territory_size=size)
    if cost := filters.get("cost_range"):
        practices = practices.filter(cost_range=cost)
    if q := (filters.get("q") or "").strip():
        practices = practices.filter(
            Q(title__icontains=q) | Q(summary__icontains=q) | Q(problem__icontains=q)
            | Q(solution__icontains=q)
        )  # fmt: skip
    if getattr(user, "is_authenticated", False):
        practices = practices.annotate(
            is_bookmarked=Exists(Bookmark.objects.filter(user=user, practice=OuterRef("pk")))
        )
        if filters.get("bookmarked"):
            practices = practices.filter(is_bookmarked=True)
    return (
        practices.select_related("territory")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("position", "name")))
        .order_by("-published_at", "-pk")
    )


def is_bookmarked(*, user, practice) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Bookmark.objects.filter(user=user, practice=practice).exists()


def replications(practice) -> list[Practice]:
    """Published practices replicated from this one (other territories)."""
    return list(
        practice.replications.published().select_related("territory").order_by("-published_at")
    )


def replicated_projects(practice) -> list[Project]:
    """Published projects replicated from a project that carries this practice."""
    return list(
        Project.objects.published()
        .filter(replicated_from__in=practice.projects.all())
        .select_related("territory")
        .order_by("-published_at", "-pk")
    )
