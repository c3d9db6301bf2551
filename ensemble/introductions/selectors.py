"""Reads on introductions: a person's inbox and outbox, and an actor's responsiveness."""

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from ensemble.actors.models import OrganisationMember
from ensemble.projects.models import Need, Project, ProjectMember

from .models import Introduction

ANSWERED = (Introduction.Status.ACCEPTED, Introduction.Status.DECLINED)


def _with_relations(introductions: QuerySet[Introduction]) -> QuerySet[Introduction]:
    return introductions.select_related(
        "need__project__territory", "requested_by", "to_user", "to_organisation",
        "from_organisation", "conversation",
    )  # fmt: skip


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
    return _with_relations(Introduction.objects.filter(condition)).order_by("-created_at", "-pk")


def pending_received_count(*, user) -> int:
    if not user.is_authenticated:
        return 0
    return Introduction.objects.filter(
        received_filter(user), status=Introduction.Status.REQUESTED
    ).count()


def introduction_get(*, user, pk: int) -> Introduction:
    """The introduction if the person may see it, else 404."""
    introduction = get_object_or_404(_with_relations(Introduction.objects.all()), pk=pk)
    if not user.has_perm("introductions.view_introduction", introduction):
        raise Http404
    return introduction


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
