"""An event of the calendar that a person organises (workshops: consultations' factories)."""

from datetime import timedelta

import factory
from django.utils import timezone

from ensemble.events.models import Event


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    territory = factory.SubFactory("ensemble.testing.factories.TerritoryFactory")
    kind = Event.Kind.SKILL_SHARING
    title = factory.Sequence(lambda n: f"Atelier réparation {n}")
    description = "On apprend à **réparer** ensemble."
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=5))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    capacity = 10
    address = "Maison des associations, Sceaux"
