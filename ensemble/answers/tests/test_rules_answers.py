"""Who may answer a contribution: role × territory × consultation (visibility, status)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db
PERM = "answers.answer_contribution"
PUBLIC, AGENTS = Consultation.Visibility.PUBLIC, Consultation.Visibility.AGENTS
PUBLISHED, DRAFT = Consultation.Status.PUBLISHED, Consultation.Status.DRAFT


def person(kind, territory, other_territory):
    if kind == "anonymous":
        return AnonymousUser()
    if kind == "outsider":
        return UserFactory()
    if kind == "network_admin":
        return UserFactory(is_superuser=True)
    if kind.startswith("other_"):
        return member(other_territory, kind.removeprefix("other_"))
    return member(territory, kind)


REFUSED = ["anonymous", "outsider", "member", "moderator", "other_agent", "other_admin"]
ALLOWED = ["agent", "admin", "network_admin"]


@pytest.mark.parametrize("visibility", [PUBLIC, AGENTS])
@pytest.mark.parametrize("kind", REFUSED)
def test_refused(territory, other_territory, kind, visibility):
    consultation = ConsultationFactory(territory=territory, visibility=visibility)
    contribution = ContributionFactory(consultation=consultation)
    assert not person(kind, territory, other_territory).has_perm(PERM, contribution)


@pytest.mark.parametrize("kind", ["agent", "admin"])
def test_nobody_answers_in_a_draft(territory, other_territory, kind):
    contribution = ContributionFactory(
        consultation=ConsultationFactory(territory=territory, status=DRAFT)
    )
    assert not person(kind, territory, other_territory).has_perm(PERM, contribution)
    # A network admin (a superuser) holds every permission; the service still refuses
    # a draft with a Conflict, since a draft allows nothing (test_services_answers).


@pytest.mark.parametrize("visibility", [PUBLIC, AGENTS])
@pytest.mark.parametrize("kind", ALLOWED)
def test_allowed(territory, other_territory, kind, visibility):
    consultation = ConsultationFactory(territory=territory, visibility=visibility)
    contribution = ContributionFactory(consultation=consultation)
    assert person(kind, territory, other_territory).has_perm(PERM, contribution)


def test_phase_is_not_a_permission(territory):
    """Outside an answering phase the agent keeps the permission; the service says 409."""
    contribution = ContributionFactory(
        consultation=ConsultationFactory(territory=territory, phase=False)
    )
    assert member(territory, "agent").has_perm(PERM, contribution)
