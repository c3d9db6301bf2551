"""What is for this person: the reads behind their personal home and their digests.

Both ask the same questions (projects and needs near their interests and
neighbourhood, upcoming events, open consultations, people and organisations to
follow), so that a digest never says something the home page would not show.
Each list is one query (plus its prefetches), whatever the size of the network.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone

from ensemble.accounts.models import User
from ensemble.actors.models import Organisation
from ensemble.consultations.selectors.consultations import open_consultation_list
from ensemble.events.selectors import territory_events
from ensemble.projects.access import themes_prefetch
from ensemble.projects.models import Need, Project
from ensemble.territories.selectors import territory_list, user_territory_list

LIMIT = 6
MAX_TERRITORIES = 5
EVENTS_AHEAD = timedelta(days=60)


@dataclass
class Interests:
    """What the person told us: where they are, what they care about, what they offer."""

    territories: list = field(default_factory=list)
    theme_ids: list[int] = field(default_factory=list)
    neighbourhood_id: int | None = None
    skills: list[str] = field(default_factory=list)

    @property
    def territory_ids(self) -> list[int]:
        return [territory.pk for territory in self.territories]


def interests_of(user: User) -> Interests:
    memberships = list(
        user_territory_list(user=user).order_by("created_at", "pk")[:MAX_TERRITORIES]
    )
    return Interests(
        territories=[membership.territory for membership in memberships],
        theme_ids=list(user.interests.values_list("pk", flat=True)),
        neighbourhood_id=user.neighbourhood_id,
        skills=list(user.skills or []),
    )


def _relevance(interests: Interests, *, themes: str, neighbourhood: str) -> Case:
    """2 for a project in one of their themes and their neighbourhood, 1 for one of both."""
    whens = []
    near = Q(**{neighbourhood: interests.neighbourhood_id}) if interests.neighbourhood_id else None
    liked = Q(**{f"{themes}__in": interests.theme_ids}) if interests.theme_ids else None
    if near is not None and liked is not None:
        whens.append(When(near & liked, then=Value(2)))
    whens += [When(q, then=Value(1)) for q in (near, liked) if q is not None]
    return Case(*whens, default=Value(0), output_field=IntegerField())


def _territory_scope(interests: Interests) -> Q:
    if interests.territories:
        return Q(territory__in=interests.territory_ids)
    return Q(territory__in=territory_list())  # a newcomer without a territory sees the network


def projects_for(user: User, interests: Interests, *, since: datetime | None = None):
    """Published projects of their territories, theirs excluded, nearest to them first."""
    projects = (
        Project.objects.published()
        .filter(_territory_scope(interests))
        .exclude(memberships__user=user)
        .annotate(relevance=_relevance(interests, themes="themes", neighbourhood="neighbourhood"))
    )
    if since is not None:
        projects = projects.filter(published_at__gt=since, relevance__gt=0)
    return list(
        projects.select_related("territory", "neighbourhood")
        .prefetch_related(themes_prefetch())
        .order_by("-relevance", "-published_at", "-pk")
        .distinct()[:LIMIT]
    )


def needs_for(user: User, interests: Interests, *, since: datetime | None = None):
    """Open needs they could meet: their skills, themes or neighbourhood first."""
    relevance = _relevance(
        interests, themes="project__themes", neighbourhood="project__neighbourhood"
    )
    if interests.skills:
        skill = Q()
        for word in interests.skills[:10]:
            skill |= Q(title__icontains=word) | Q(skill__icontains=word)
        relevance = relevance + Case(When(skill, then=Value(2)), default=Value(0))
    needs = (
        Need.objects.open()
        .filter(_territory_scope(interests), project__status=Project.Status.PUBLISHED)
        .exclude(project__memberships__user=user)
        .annotate(relevance=relevance)
    )
    if since is not None:
        needs = needs.filter(created_at__gt=since, relevance__gt=0)
    return list(
        needs.select_related("project__territory")
        .order_by("-relevance", "-created_at", "-pk")
        .distinct()[:LIMIT]
    )


def events_for(user: User, interests: Interests, *, since: datetime | None = None):
    """Upcoming events of their territories they may see, soonest first."""
    now = timezone.now()
    events = []
    for territory in interests.territories:
        upcoming = (
            territory_events(territory, user=user)
            .upcoming(now)
            .filter(is_cancelled=False, starts_at__lte=now + EVENTS_AHEAD)
        )
        if since is not None:
            upcoming = upcoming.filter(created_at__gt=since)
        events += list(upcoming[:LIMIT])
    return sorted(events, key=lambda event: event.starts_at)[:LIMIT]


def consultations_for(user: User, interests: Interests) -> list:
    consultations = []
    for territory in interests.territories:
        consultations += open_consultation_list(territory=territory, user=user)
    return consultations[:LIMIT]


def organisations_for(user: User, interests: Interests) -> list:
    """Organisations of their territories, those in their themes or neighbourhood first."""
    if not interests.territories:
        return []
    return list(
        Organisation.objects.filter(territory__in=interests.territory_ids)
        .exclude(memberships__user=user)
        .annotate(relevance=_relevance(interests, themes="themes", neighbourhood="neighbourhood"))
        .select_related("territory")
        .order_by("-relevance", "-created_at", "-pk")
        .distinct()[:LIMIT]
    )


def people_for(user: User, interests: Interests) -> list:
    """Members of their territories with a public profile who share a theme or a place."""
    if not interests.territories:
        return []
    relevance = _relevance(interests, themes="interests", neighbourhood="neighbourhood")
    people = User.objects.filter(
        is_active=True,
        profile_visibility=User.Visibility.PUBLIC,
        memberships__territory__in=interests.territory_ids,
    )
    return list(
        people.exclude(pk=user.pk)
        .annotate(relevance=relevance)
        .order_by("-relevance", "-date_joined", "-pk")
        .distinct()[:LIMIT]
    )


def personal_home(user: User) -> dict:
    interests = interests_of(user)
    return {
        "interests": interests,
        "projects": projects_for(user, interests),
        "needs": needs_for(user, interests),
        "events": events_for(user, interests),
        "consultations": consultations_for(user, interests),
        "organisations": organisations_for(user, interests),
        "people": people_for(user, interests),
    }
