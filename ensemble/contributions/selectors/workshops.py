"""Reads of workshops seen from the contributions: participation figures, groups' contributions."""

from django.db.models import Count, Q, QuerySet, Sum

from ensemble.consultations.models import Consultation
from ensemble.contributions.models import Contribution
from ensemble.events.models import Event, past_q


def consultation_participation(consultation: Consultation) -> dict:
    """How many people took part in a consultation, online and in person: 2 queries.

    * `online`: people who posted a contribution themselves (not one recorded
      at a workshop), supported one (even if they withdrew it since) or
      commented on one, each counted once: the stored
      `consultation.participants_count`, kept by the services with one
      `Participant` row per person (consultations.services.participants).
    * `in_person`: the sum of the people present that facilitators recorded
      (`participants_count`) at the consultation's workshops. A past workshop
      whose count was not recorded yet counts for nothing (registrations are
      not presence); `workshops_unreported` says how many are waiting, so the
      figure is never overstated and the page can say it is incomplete.
    * `workshops`: workshops of the consultation (cancelled ones excluded).
    * `workshop_contributions`: contributions recorded at a workshop (not hidden).
    """
    online = consultation.participants_count
    figures = Event.objects.filter(
        workshop__consultation=consultation, is_cancelled=False
    ).aggregate(
        workshops=Count("pk"),
        in_person=Sum("participants_count"),
        unreported=Count("pk", filter=Q(participants_count__isnull=True) & past_q()),
    )
    # Through the workshops' index: a few workshops, not every contribution of the consultation.
    workshop_contributions = Contribution.objects.filter(
        consultation=consultation, workshop__workshop__consultation=consultation, is_hidden=False
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


def workshop_contributions(event: Event) -> QuerySet[Contribution]:
    """Contributions recorded at this workshop, newest first."""
    return (
        Contribution.objects.filter(workshop=event)
        .select_related("territory", "author")
        .order_by("-created_at", "-pk")
    )
