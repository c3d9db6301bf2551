"""Reads on introductions: a person's inbox and outbox, and an actor's responsiveness."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from ensemble.actors.models import OrganisationMember
from ensemble.projects.models import Need, Project, ProjectMember

from .access import with_relations
from .models import Introduction

ANSWERED = (Introduction.Status.ACCEPTED, Introduction.Status.DECLINED)


def received_filter(user) -> Q:
    """Introductions this person must (or could) answer."""
    organisations = OrganisationMember.objects.filter(user=user).values("organisation_id")
    projects = ProjectMember.objects.filter(user=user).values("project_id")
    return (
        Q(kind=Introduction.Kind.REQUEST, to_user=user)
        | Q(kind=Introduction.Kind.REQUEST, to_organisation__in=organisations)
        | Q(kind=Introduction.Kind.OFFER, need__project__in=projects)
    )


def introduction_list(*, user, box: str = "received") -> QuerySet[Introduction]:
    """`box`: "received" (to answer) or "sent" (asked by the person, or by their project's
    team for the needs they work on)."""
    if box == "sent":
        projects = ProjectMember.objects.filter(user=user).values("project_id")
        condition = Q(requested_by=user) | Q(
            kind=Introduction.Kind.REQUEST, need__project__in=projects
        )
    else:
        condition = received_filter(user)
    return (
        with_relations(Introduction.objects.filter(condition))
        .annotate(**_viewer_roles(user))
        .order_by("-created_at", "-pk")
    )


def _viewer_roles(user) -> dict:
    """Whether the viewer is on the need's team or in the organisation asked, computed in
    the list's own query, so that the rules cost no query per introduction."""
    return {
        "viewer_on_team": Exists(
            ProjectMember.objects.filter(project=OuterRef("need__project"), user=user)
        ),
        "viewer_in_organisation": Exists(
            OrganisationMember.objects.filter(organisation=OuterRef("to_organisation"), user=user)
        ),
    }


def pending_received_count(*, user) -> int:
    if not user.is_authenticated:
        return 0
    return Introduction.objects.pending().filter(received_filter(user)).count()


def need_for_introduction(*, pk) -> Need:
    """An open need of a published project (404 otherwise)."""
    return get_object_or_404(
        Need.objects.select_related("project__territory"),
        pk=pk, project__status=Project.Status.PUBLISHED,
    )  # fmt: skip


def responsiveness(*, organisation=None, user=None) -> tuple[int, int]:
    """(answered, received) introduction requests for an organisation or a person, in one
    query: "answered 4 of 5 requests". Withdrawn requests do not count."""
    if (organisation is None) == (user is None):
        raise ValueError("Give an organisation or a user.")
    target = Q(to_organisation=organisation) if organisation is not None else Q(to_user=user)
    counts = Introduction.objects.filter(target, kind=Introduction.Kind.REQUEST).aggregate(
        received=Count("pk", filter=~Q(status=Introduction.Status.WITHDRAWN)),
        answered=Count("pk", filter=Q(status__in=ANSWERED)),
    )
    return counts["answered"], counts["received"]


def helped_count(*, organisation=None, user=None) -> int:
    """Past introductions that helped (a matching signal)."""
    target = Q(to_organisation=organisation) if organisation is not None else Q(to_user=user)
    return Introduction.objects.filter(target, outcome=Introduction.Outcome.HELPED).count()
