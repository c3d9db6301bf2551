"""Factories of contributions for tests."""

import factory
from django.db.models import F

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import Contribution
from ensemble.testing.factories import UserFactory


class ContributionFactory(factory.django.DjangoModelFactory):
    """A contribution; the consultation's contributions_count is kept true."""

    class Meta:
        model = Contribution

    consultation = factory.SubFactory(ConsultationFactory)
    territory = factory.LazyAttribute(lambda o: o.consultation.territory)
    kind = Contribution.Kind.IDEA
    title = factory.Sequence(lambda n: f"Idée {n}")
    body = "Installer des bancs le long de la coulée verte."
    author = factory.SubFactory(UserFactory)
    charter_version = factory.LazyAttribute(lambda o: o.consultation.charter_version)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        contribution = super()._create(model_class, *args, **kwargs)
        Consultation.objects.filter(pk=contribution.consultation_id).update(
            contributions_count=F("contributions_count") + 1
        )
        return contribution
