"""Reads of projects, scoped to a territory; each list runs a fixed number of queries."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from ensemble.territories.models import Territory

# project_get_visible and need_get_visible live in access.py; re-exported for the apps
# that still import them from here (matching).
from .access import need_get_visible, project_get_visible, themes_prefetch  # noqa: F401
from .models import Need, Project, ProjectFollow, ProjectInvitation, ProjectMember, ProjectUpdate

SORTS = {
    "newest": ("-published_at", "-pk"),
    "title": ("title", "pk"),
    "followed": ("-followers_count", "-pk"),
    "needs": ("-open_needs_count", "-pk"),
}
DEFAULT_SORT = "newest"


def _with_card_relations(projects: QuerySet[Project]) -> QuerySet[Project]:
    # The images too: a card shows the first one (one query for the whole page).
    return projects.select_related("territory", "neighbourhood").prefetch_related(
        themes_prefetch(), "images"
    )


def project_list(
    *, territory: Territory, filters: dict | None = None, sort: str = DEFAULT_SORT
) -> QuerySet[Project]:
    """Published projects of the territory. Filters (all optional): theme (Theme or slug),
    stage, neighbourhood (Neighbourhood or slug), need_kind, open_needs_only, q."""
    filters = filters or {}
    projects = Project.objects.published().filter(territory=territory)
    if theme := filters.get("theme"):
        if isinstance(theme, str):
            projects = projects.filter(themes__slug=theme)
        else:
            projects = projects.filter(themes=theme)
    if stage := filters.get("stage"):
        projects = projects.filter(stage=stage)
    if neighbourhood := filters.get("neighbourhood"):
        if isinstance(neighbourhood, str):
            projects = projects.filter(neighbourhood__slug=neighbourhood)
        else:
            projects = projects.filter(neighbourhood=neighbourhood)
    if need_kind := filters.get("need_kind"):
        projects = projects.filter(
            # A need's territory is its project's: the filter on it lets the need index
            # (territory, status, kind) answer instead of a scan of every territory's needs.
            Exists(
                Need.objects.open().filter(
                    territory=territory, kind=need_kind, project=OuterRef("pk")
                )
            )
        )
    if filters.get("open_needs_only"):
        projects = projects.filter(open_needs_count__gt=0)
    if q := (filters.get("q") or "").strip():
        projects = projects.filter(Q(title__icontains=q) | Q(summary__icontains=q))
    return _with_card_relations(projects).order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT]))


def need_list_for_project(*, project: Project) -> QuerySet[Need]:
    return Need.objects.filter(project=project).order_by("status", "deadline", "pk")


def update_list(*, project: Project) -> QuerySet[ProjectUpdate]:
    return ProjectUpdate.objects.filter(project=project).select_related("author")


def team_list(*, project: Project) -> QuerySet[ProjectMember]:
    return (
        ProjectMember.objects.filter(project=project)
        .select_related("user")
        .order_by("-role", "created_at", "pk")  # owners ("owner" > "member") first
    )


def partner_list(*, project: Project):
    return project.partners.select_related("territory").order_by("name")


def pending_invitation_list(*, project: Project) -> QuerySet[ProjectInvitation]:
    return ProjectInvitation.objects.pending().filter(project=project).order_by("-created_at")


def user_invitation_list(*, user) -> QuerySet[ProjectInvitation]:
    from allauth.account.models import EmailAddress

    emails = EmailAddress.objects.filter(user=user).values("email")
    return (
        ProjectInvitation.objects.pending()
        .filter(Q(email__iexact=user.email) | Q(email__in=emails))
        .select_related("project__territory", "invited_by")
    )


def user_project_list(*, user, territory: Territory) -> QuerySet[Project]:
    """The projects of the territory whose team includes `user`, drafts too."""
    return _with_card_relations(
        Project.objects.filter(territory=territory, memberships__user=user)
    ).order_by("-updated_at", "-pk")


def is_following(*, user, project: Project) -> bool:
    if not user.is_authenticated:
        return False
    return ProjectFollow.objects.filter(user=user, project=project).exists()


def replication_target_list(*, user, project: Project) -> list[Territory]:
    """Territories where `user` may create, other than the project's own."""
    if not user.is_authenticated:
        return []
    territories = Territory.objects.active().exclude(pk=project.territory_id)
    if not user.is_superuser:
        territories = territories.filter(memberships__user=user)
    return list(territories.order_by("name"))


def organisation_projects_prefetch() -> Prefetch:
    """An organisation's published projects, for its page (registered with actors)."""
    return Prefetch(
        "projects",
        queryset=Project.objects.published().select_related("territory").order_by("-created_at"),
    )
