"""The same contribution submitted many times at once by one person is kept once (PostgreSQL)."""

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import Contribution
from ensemble.contributions.services.contributions import contribution_create
from ensemble.contributions.tests.test_concurrency_supports import run_concurrently
from ensemble.core.exceptions import Conflict
from ensemble.testing.concurrency import CONCURRENT
from ensemble.testing.factories import TerritoryFactory, member

pytestmark = CONCURRENT


def test_twenty_simultaneous_submissions_of_the_same_idea_create_one():
    territory = TerritoryFactory(slug="sceaux")
    consultation_pk = ConsultationFactory(territory=territory).pk
    author_pk = member(territory).pk

    def submit():
        from ensemble.accounts.models import User

        consultation = Consultation.objects.prefetch_related("phases").get(pk=consultation_pk)
        return contribution_create(
            author=User.objects.get(pk=author_pk), consultation=consultation,
            kind="idea", title="Des bancs", body="Au parc.",
        )  # fmt: skip

    outcomes = run_concurrently([submit] * 20, 20)

    assert sum(isinstance(outcome, Conflict) for outcome in outcomes) == 19
    assert Contribution.objects.filter(consultation_id=consultation_pk).count() == 1
    assert Consultation.objects.get(pk=consultation_pk).contributions_count == 1
