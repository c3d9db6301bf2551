"""What the event form offers a person to choose: kinds, places, and what they may link.

The services decide again (`links.check_links`, `services.event_organise`):
these lists only spare people choices they could not make.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from ensemble.actors.models import Offer, Organisation
from ensemble.events.models import Event
from ensemble.projects.models import Need, Project
from ensemble.territories.predicates import is_territory_agent
from ensemble.territories.selectors import neighbourhood_list, theme_list


@dataclass(frozen=True)
class EventFormChoices:
    kinds: list
    neighbourhood: QuerySet
    themes: QuerySet
    project: QuerySet
    organisation: QuerySet
    need: QuerySet
    offer: QuerySet


def _or_current(queryset: QuerySet, condition: Q, current_id) -> QuerySet:
    """`queryset` narrowed to `condition`, keeping the event's current choice."""
    if current_id is not None:
        condition |= Q(pk=current_id)
    return queryset.filter(condition).distinct()


def organised_kinds(*, user, territory) -> list:
    kinds = [Event.Kind.MEETING, Event.Kind.SKILL_SHARING, Event.Kind.PROJECT]
    if is_territory_agent(user, territory):
        kinds.append(Event.Kind.NETWORK)
    return kinds


def event_form_choices(*, user, territory, event=None) -> EventFormChoices:
    event = event if event is not None and event.pk else None
    kinds = organised_kinds(user=user, territory=territory)
    if event is not None and event.kind not in kinds:
        kinds.append(event.kind)
    projects = Project.objects.filter(territory=territory).exclude(status=Project.Status.ARCHIVED)
    organisations = Organisation.objects.filter(territory=territory)
    needs = Need.objects.open().filter(
        territory=territory, project__status=Project.Status.PUBLISHED
    )
    offers = Offer.objects.active().filter(territory=territory)
    return EventFormChoices(
        kinds=[(kind.value, kind.label) for kind in kinds],
        neighbourhood=neighbourhood_list(territory=territory),
        themes=theme_list(territory=territory),
        project=_or_current(
            projects, Q(memberships__user=user), event and event.project_id
        ).order_by("title"),
        organisation=_or_current(
            organisations, Q(memberships__user=user), event and event.organisation_id
        ).order_by("name"),
        need=_or_current(Need.objects.all(), Q(pk__in=needs.values("pk")), event and event.need_id)
        .select_related("project")
        .order_by("project__title", "title"),
        offer=_or_current(
            offers,
            Q(user=user) | Q(organisation__memberships__user=user),
            event and event.offer_id,
        ).order_by("title"),
    )
