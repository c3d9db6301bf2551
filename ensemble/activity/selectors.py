"""Reads of the activity feeds: a territory's, and a person's own ("my feed").

Every line comes with its actor, project, need, update and organisation (and
their territories, for the links) in one query, so a page of the feed runs a
fixed number of queries whatever its length.

Only lines about published projects are shown: a draft's needs or news never
leak, and an archived project leaves the feed. Lines without a project
(an organisation joining) are always public.

Lines about a consultation (its opening, answers, results, workshops) are
recorded only while it is public and published, and deleted when it becomes
internal; the feeds check it again, and leave out the answers to a
contribution hidden by moderation and the workshops that were cancelled.
"""

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from ensemble.accounts.display import prime_visible_names, viewer_territory_ids
from ensemble.actors.models import OrganisationMember
from ensemble.events.models import Event
from ensemble.participation.models import (
    Consultation,
    Contribution,
    ContributionFollow,
    Result,
    Support,
)
from ensemble.projects.models import Project, ProjectFollow, ProjectMember

from .models import Activity

Verb = Activity.Verb

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
# The objects of the consultation lines come in one query each rather than in the
# same join: PostgreSQL takes longer to plan a join of twenty tables than to run
# these few small queries (whatever the length of the page).
FEED_PREFETCHED = (
    Prefetch("consultation", queryset=Consultation.objects.select_related("territory")),
    Prefetch("contribution", queryset=Contribution.objects.select_related("territory")),
    "answer",
    Prefetch("result", queryset=Result.objects.select_related("territory")),
    "result_update",
    Prefetch("event", queryset=Event.objects.select_related("territory")),
)
# What a person hears of the consultations of the territories they belong to.
TERRITORY_CONSULTATION_VERBS = (Verb.CONSULTATION_PUBLISHED, Verb.WORKSHOP_ANNOUNCED)


def _visible(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    # Subqueries rather than joins for the consultations, contributions and workshops:
    # the few public consultations and cancelled workshops are hashed once, a hidden
    # contribution is looked up by its key, and the feed's join stays small to plan.
    public = Q(status=Consultation.Status.PUBLISHED, visibility=Consultation.Visibility.PUBLIC)
    return (
        activities.filter(
            Q(project__isnull=True) | Q(project__status=Project.Status.PUBLISHED),
            Q(consultation__isnull=True)
            | Q(consultation__in=Consultation.objects.filter(public).values("pk")),
            ~Exists(Contribution.objects.filter(pk=OuterRef("contribution_id"), is_hidden=True)),
            ~Q(event__in=Event.objects.filter(is_cancelled=True).values("pk")),
        )
        .select_related(*FEED_RELATED)
        .prefetch_related(*FEED_PREFETCHED)
    )


def territory_activities(*, territory, viewer=None) -> QuerySet[Activity]:
    """The territory's public feed, newest first.

    `viewer` is accepted for symmetry with other selectors: the feed is the
    same for everybody (team members see their drafts on the project page).
    """
    return _visible(Activity.objects.filter(territory=territory)).order_by("-created_at", "-pk")


def territory_feed(*, territory, viewer=None, page=None, per_page: int = PER_PAGE) -> Page:
    activities = territory_activities(territory=territory, viewer=viewer)[:FEED_MAX]
    feed = Paginator(activities, per_page).get_page(page)
    prime_visible_names([line.actor for line in feed], viewer, territory=territory)
    return feed


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


def participation_ids(*, user) -> tuple[list[int], list[int]]:
    """The contributions a person follows or supports, and the results they became."""
    follows = (
        ContributionFollow.objects.filter(user=user)
        .order_by()
        .values_list("contribution_id", flat=True)
    )
    supports = (
        Support.objects.filter(user=user).order_by().values_list("contribution_id", flat=True)
    )
    contribution_ids = sorted(set(follows.union(supports)))
    if not contribution_ids:
        return [], []
    result_ids = (
        Result.contributions.through.objects.filter(contribution_id__in=contribution_ids)
        .order_by()
        .values_list("result_id", flat=True)
        .distinct()
    )
    return contribution_ids, list(result_ids)


def my_activities(*, user) -> QuerySet[Activity]:
    """What happened in the projects and organisations a person follows, the answers to and
    results of the contributions they follow or support, and the consultations and
    workshops of their territories, across territories."""
    if not getattr(user, "is_authenticated", False):
        return Activity.objects.none()
    project_ids, organisation_ids = followed_ids(user=user)
    contribution_ids, result_ids = participation_ids(user=user)
    territory_ids = viewer_territory_ids(user)  # memoised: the page's names reuse it
    if not (project_ids or organisation_ids or contribution_ids or territory_ids):
        return Activity.objects.none()
    return _visible(
        Activity.objects.filter(
            Q(project_id__in=project_ids)
            | Q(organisation_id__in=organisation_ids)
            | Q(verb=Verb.CONTRIBUTION_ANSWERED, contribution_id__in=contribution_ids)
            | Q(verb=Verb.RESULT_PROGRESSED, result_id__in=result_ids)
            | Q(verb__in=TERRITORY_CONSULTATION_VERBS, territory_id__in=territory_ids),
            territory__is_active=True,
        )
    ).order_by("-created_at", "-pk")


def my_feed(*, user, page=None, per_page: int = PER_PAGE) -> Page:
    feed = Paginator(my_activities(user=user)[:FEED_MAX], per_page).get_page(page)
    elsewhere = [line.actor for line in feed if line.territory_id not in viewer_territory_ids(user)]
    prime_visible_names(elsewhere, user)
    return feed
