"""Factories for consultations; counters are kept true by hand where a test needs them.

`ConsultationFactory` lays out the four phases of the co-creation blueprint
with the first one (collect) active now; pass `phase="arbitration"` (or any
registered kind) to make that phase the active one instead, or
`phase=False` for a consultation with no phase.
"""

from datetime import timedelta

import factory
from django.utils import timezone

from ensemble.consultations import phases as phase_registry
from ensemble.consultations.models import CharterVersion, Consultation, Phase, Workshop
from ensemble.events.models import Event
from ensemble.testing.factories import TerritoryFactory


def lay_out_phases(consultation: Consultation, active: str | None = "collect") -> None:
    """The blueprint's phases, one week each, dated so that `active` runs now."""
    consultation.phases.all().delete()
    if active is None:
        return
    kinds = [step.kind for step in phase_registry.BLUEPRINTS["co-creation"]]
    index = kinds.index(active)
    start = timezone.now() - timedelta(days=1) - timedelta(weeks=index)
    for position, kind in enumerate(kinds):
        last = position == len(kinds) - 1
        Phase.objects.create(
            consultation=consultation,
            kind=kind,
            position=position,
            starts_at=start + timedelta(weeks=position),
            ends_at=None if last else start + timedelta(weeks=position + 1),
        )
    consultation.__dict__.pop("ordered_phases", None)


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation
        skip_postgeneration_save = True

    territory = factory.SubFactory(TerritoryFactory)
    title = factory.Sequence(lambda n: f"Consultation {n}")
    question = "Comment mieux vivre ensemble dans la commune ?"
    description = "Une consultation **ouverte** à toutes et tous."
    status = Consultation.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    charter_version = 1

    @factory.post_generation
    def phase(obj, create, extracted, **kwargs):
        if create:
            lay_out_phases(obj, "collect" if extracted is None else (extracted or None))

    @factory.post_generation
    def charter(obj, create, extracted, **kwargs):
        if create:
            CharterVersion.objects.create(
                consultation=obj,
                version=1,
                body="Toute personne du territoire peut participer. Chaque contribution "
                "recevra une réponse motivée sous 60 jours.",
                answer_within_days=obj.answer_within_days,
            )


class WorkshopFactory(factory.django.DjangoModelFactory):
    """An event of the territory that is a workshop of `consultation`."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    consultation = factory.SubFactory(ConsultationFactory)
    territory = factory.LazyAttribute(lambda o: o.consultation.territory)
    kind = Event.Kind.WORKSHOP
    title = factory.Sequence(lambda n: f"Atelier {n}")
    description = "Un atelier pour se mettre à la place des usagers."
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7, hours=2))
    capacity = 20
    address = "Salle des fêtes, 1 rue Houdan"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        consultation = kwargs.pop("consultation")
        event = super()._create(model_class, *args, **kwargs)
        Workshop.objects.create(event=event, consultation=consultation)
        return event
