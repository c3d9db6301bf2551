import random

import pytest

from bench.scale import ScaleContext
from bench.scale import console as scale
from ensemble.audit.models import AuditEntry
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import AnswerState, Contribution
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing.factories import member
from ensemble.workbench.models import Assignment, Department

pytestmark = pytest.mark.django_db


def context(territories, **options):
    return ScaleContext(
        seed=1,
        options={"audit_entries": 50, "assigned_share": 1.0, **options},
        rng=random.Random(1),
        faker=None,
        password_hash="",
        log=lambda message: None,
        data={"territories": territories},
    )


def test_generate_assigns_waiting_contributions_and_fills_the_log(territory, other_territory):
    agent = member(territory, "agent")
    consultation = ConsultationFactory(territory=territory)
    waiting = [ContributionFactory(consultation=consultation) for _ in range(3)]
    answered = ContributionFactory(consultation=consultation)
    Contribution.objects.filter(pk=answered.pk).update(answer_state=AnswerState.ACCEPTED)

    scale.generate(context([territory, other_territory]))

    assert {a.contribution_id for a in Assignment.objects.all()} == {c.pk for c in waiting}
    assert Department.objects.filter(territory=territory).count() == len(scale.DEPARTMENTS)
    assert not Department.objects.filter(territory=other_territory).exists()  # no agent there
    assert AuditEntry.objects.count() == 50
    assert set(AuditEntry.objects.values_list("actor_id", flat=True)) <= {agent.pk, None}
