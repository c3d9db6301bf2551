"""Reads of the activity feeds: a territory's, and a person's own ("my feed").

Every line comes with its actor, project, need, update and organisation (and
their territories, for the links) in one query, so a page of the feed runs a
fixed number of queries whatever its length.

Only lines about published projects are shown: a draft's needs or news never
leak, and an archived project leaves the feed. Lines without a project
(an organisation joining) are always public.
"""

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet

from ensemble.actors.models import OrganisationMember
from ensemble.projects.models import Project, ProjectFollow, ProjectMember

from .models import Activity

PER_PAGE = 20
# Feeds page through their latest lines only: counting a territory's whole
# history costs more than anyone reads (50 pages of 20).
FEED_MAX = 1000
FEED_RELATED = (
    "territory",
    "actor",
    "project__territory",
    "need",
    "update",
    "organisation__territory",
)


def _visible(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    return activities.filter(
        Q(project__isnull=True) | Q(project__status=Project.Status.PUBLISHED)
    ).select_related(*FEED_RELATED)


def territory_activities(*, territory, viewer=None) -> QuerySet[Activity]:
    """The territory's public feed, newest first.

    `viewer` is accepted for symmetry with other selectors: the feed is the
    same for everybody (team members see their drafts on the project page).
    """
    return _visible(Activity.objects.filter(territory=territory)).order_by("-created_at", "-pk")


def territory_feed(*, territory, viewer=None, page=None, per_page: int = PER_PAGE) -> Page:
    activities = territory_activities(territory=territory, viewer=viewer)[:FEED_MAX]
    return Paginator(activities, per_page).get_page(page)


def followed_ids(*, user) -> tuple[list[int], list[int]]:
    """The projects a person follows or works on, and the organisations they belong to."""
    project_ids = (
        ProjectFollow.objects.filter(user=user).order_by().values_list("project_id", flat=True)
    )
    team_ids = (
        ProjectMember.objects.filter(user=user).order_by().values_list("project_id", flat=True)
    )
    organisation_ids = (
        OrganisationMember.objects.filter(user=user)
        .order_by()
        .values_list("organisation_id", flat=True)
    )
    return sorted(set(project_ids.union(team_ids))), list(organisation_ids)


def my_activities(*, user) -> QuerySet[Activity]:
    """What happened in the projects and organisations a person follows, across territories."""
    if not getattr(user, "is_authenticated", False):
        return Activity.objects.none()
    project_ids, organisation_ids = followed_ids(user=user)
    if not project_ids and not organisation_ids:
        return Activity.objects.none()
    return _visible(
        Activity.objects.filter(
            Q(project_id__in=project_ids) | Q(organisation_id__in=organisation_ids),
            territory__is_active=True,
        )
    ).order_by("-created_at", "-pk")


def my_feed(*, user, page=None, per_page: int = PER_PAGE) -> Page:
    return Paginator(my_activities(user=user)[:FEED_MAX], per_page).get_page(page)
