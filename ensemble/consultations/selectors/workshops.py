"""Reads of a consultation's workshops."""

from django.db.models import QuerySet

from ensemble.consultations.models import Consultation
from ensemble.events.models import Event


def consultation_workshops(consultation: Consultation) -> QuerySet[Event]:
    """The consultation's workshops (events) in date order, with their territory (for URLs)."""
    return (
        Event.objects.filter(workshop__consultation=consultation)
        .select_related("territory", "workshop__consultation")
        .order_by("starts_at", "pk")
    )
