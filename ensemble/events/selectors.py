"""Reads of the events app: workshops of a consultation, registrations, participation figures."""

from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from .models import Event, Registration


def consultation_participation(consultation) -> dict:
    """How many people took part in a consultation, online and in person: 2 queries.

    * `online`: people who posted a contribution themselves (not one recorded
      at a workshop), supported one (even if they withdrew it since) or
      commented on one, each counted once: the stored
      `consultation.participants_count`, kept by the services with one
      `Participant` row per person (participation.services.participants).
    * `in_person`: the sum of the people present that facilitators recorded
      (`participants_count`) at the consultation's workshops. A past workshop
      whose count was not recorded yet counts for nothing (registrations are
      not presence); `workshops_unreported` says how many are waiting, so the
      figure is never overstated and the page can say it is incomplete.
    * `workshops`: workshops of the consultation (cancelled ones excluded).
    * `workshop_contributions`: contributions recorded at a workshop (not hidden).
    """
    from ensemble.participation.models import Contribution

    online = consultation.participants_count
    now = timezone.now()
    figures = Event.objects.filter(consultation=consultation, is_cancelled=False).aggregate(
        workshops=Count("pk"),
        in_person=Sum("participants_count"),
        unreported=Count("pk", filter=Q(participants_count__isnull=True, ends_at__lte=now)),
    )
    # Through the workshops' index: a few workshops, not every contribution of the consultation.
    workshop_contributions = Contribution.objects.filter(
        consultation=consultation, workshop__consultation=consultation, is_hidden=False
    ).count()
    in_person = figures["in_person"] or 0
    return {
        "online": online,
        "in_person": in_person,
        "total": online + in_person,
        "workshops": figures["workshops"],
        "workshops_unreported": figures["unreported"],
        "workshop_contributions": workshop_contributions,
    }


def consultation_workshops(consultation) -> QuerySet[Event]:
    """The consultation's workshops in date order, with their territory (for URLs)."""
    return (
        Event.objects.filter(consultation=consultation)
        .select_related("territory", "consultation")
        .order_by("starts_at", "pk")
    )


def territory_events(territory, *, user) -> QuerySet[Event]:
    """Events of a territory that `user` may see: those of consultations they may see.

    Events without a consultation are public; events of a consultation follow
    its visibility (internal consultations and drafts only for the territory's agents).
    """
    from ensemble.participation.models import Consultation
    from ensemble.territories.predicates import is_territory_agent

    queryset = Event.objects.filter(territory=territory).select_related("territory", "consultation")
    if not is_territory_agent(user, territory):
        queryset = queryset.filter(
            Q(consultation__isnull=True)
            | Q(
                consultation__status=Consultation.Status.PUBLISHED,
                consultation__visibility=Consultation.Visibility.PUBLIC,
            )
        )
    return queryset.order_by("starts_at", "pk")


def event_get(*, pk: int, territory=None) -> Event | None:
    """An event with its territory and its consultation's phases (for `allows()`)."""
    from ensemble.participation.models import Phase

    queryset = Event.objects.select_related(
        "territory", "consultation", "consultation__territory"
    ).prefetch_related(
        Prefetch(
            "consultation__phases",
            queryset=Phase.objects.order_by("position", "starts_at", "pk"),
        )
    )
    if territory is not None:
        queryset = queryset.filter(territory=territory)
    return queryset.filter(pk=pk).first()


def registration_get(*, user, event) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Registration.objects.filter(event=event, user=user).first()


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first person waiting; None when registered."""
    if registration is None or registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=Registration.Status.WAITLISTED
    ).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def event_registrations(event) -> QuerySet[Registration]:
    """Registered people first, then the waiting list, each in order of arrival.

    Each row carries `rank`: its place among the registrations of the same
    status (for a waiting person, their position on the waiting list).
    """
    return (
        Registration.objects.filter(event=event)
        .select_related("user")
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[F("status")], order_by=[F("created_at"), F("pk")]
            )
        )
        .order_by("status", "created_at", "pk")
    )


def registrations_named(registrations, *, event, viewer) -> list[Registration]:
    """The registrations with `name`: what `viewer` may see of each person's name.

    Facilitators learn who comes, not how to reach them: no email address, and
    the name only as the person's profile visibility allows ("" otherwise).
    `waitlist_position` is set for the people waiting. One query at most (the
    viewer's membership, memoised).
    """
    from ensemble.participation.selectors.contributions import person_label

    rows = list(registrations)
    for row in rows:
        row.name = person_label(viewer=viewer, person=row.user, territory=event.territory)
        row.waitlist_position = row.rank if row.status == Registration.Status.WAITLISTED else None
    return rows


def event_is_past(event, now=None) -> bool:
    now = now or timezone.now()
    return event.ends_at <= now


def event_has_started(event, now=None) -> bool:
    now = now or timezone.now()
    return event.starts_at <= now


def places_left(event) -> int | None:
    """Free places; None when there is no limit."""
    return event.places_left


def event_registration_open(event, now=None) -> bool:
    """Not cancelled, not started, and (for a workshop) its consultation takes registrations."""
    from ensemble.participation.phases import Feature

    if event.is_cancelled or event_has_started(event, now):
        return False
    return event.consultation_id is None or event.consultation.allows(Feature.REGISTER)


def workshop_contributions(event):
    """Contributions recorded at this workshop, newest first."""
    from ensemble.participation.models import Contribution

    return (
        Contribution.objects.filter(workshop=event)
        .select_related("territory", "author")
        .order_by("-created_at", "-pk")
    )
