"""POST / DELETE /api/v1/contributions/{id}/support, end to end through the test client."""

import pytest

from ensemble.accounts.services import api_token_create
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import Contribution, Support
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.territories.roles import Role
from ensemble.testing.factories import PASSWORD, UserFactory, member

pytestmark = pytest.mark.django_db
API = "/api/v1"


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"}


def support(client, contribution, user=None):
    headers = auth(user) if user else {}
    return client.post(f"{API}/contributions/{contribution.pk}/support", **headers)


def withdraw(client, contribution, user=None):
    headers = auth(user) if user else {}
    return client.delete(f"{API}/contributions/{contribution.pk}/support", **headers)


@pytest.fixture
def contribution(territory):
    return ContributionFactory(consultation=ConsultationFactory(territory=territory))


def test_support_then_again_then_withdraw(client, territory, contribution):
    user = member(territory)

    created = support(client, contribution, user)
    assert created.status_code == 201
    assert created.json() == {"supported": True, "supports_count": 1, "supports_remaining": None}
    again = support(client, contribution, user)
    assert again.status_code == 200
    assert again.json()["supports_count"] == 1
    assert withdraw(client, contribution, user).status_code == 204
    assert withdraw(client, contribution, user).status_code == 204  # idempotent
    assert not Support.objects.exists()
    assert Contribution.objects.get(pk=contribution.pk).supports_count == 0
    assert Consultation.objects.get(pk=contribution.consultation_id).supports_count == 0


def test_session_needs_the_csrf_token(territory, contribution):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.login(email=member(territory).email, password=PASSWORD)
    assert support(client, contribution).status_code == 403
    assert not Support.objects.exists()


def test_anonymous_gets_401(client, contribution):
    assert support(client, contribution).status_code == 401
    assert withdraw(client, contribution).status_code == 401


@pytest.mark.parametrize(
    "who",
    ["unverified", "other_territory", "not_a_member"],
)
def test_people_who_may_not_take_part_get_403(
    client, territory, other_territory, contribution, who
):
    user = {
        "unverified": lambda: member(territory, verified=False),
        "other_territory": lambda: member(other_territory),
        "not_a_member": lambda: UserFactory(),
    }[who]()
    response = support(client, contribution, user)
    assert response.status_code == 403
    assert response.json()["detail"]
    assert withdraw(client, contribution, user).status_code == 403
    assert not Support.objects.exists()


def test_hidden_or_merged_contribution_gets_403(client, territory, contribution):
    hidden = ContributionFactory(consultation=contribution.consultation, is_hidden=True)
    merged = ContributionFactory(consultation=contribution.consultation, merged_into=contribution)
    user = member(territory)
    assert support(client, hidden, user).status_code == 403
    assert support(client, merged, user).status_code == 403


def test_internal_consultation_is_404_for_residents_and_other_territories(
    client, territory, other_territory
):  # fmt: skip
    internal = ContributionFactory(
        consultation=ConsultationFactory(
            territory=territory, visibility=Consultation.Visibility.AGENTS
        )
    )
    for user in (member(territory), member(other_territory, Role.AGENT)):
        assert support(client, internal, user).status_code == 404
        assert withdraw(client, internal, user).status_code == 404
    assert support(client, internal, member(territory, Role.AGENT)).status_code == 201


def test_unknown_contribution_is_404(client, territory):
    assert (
        client.post(f"{API}/contributions/999999/support", **auth(member(territory))).status_code
        == 404
    )


def test_draft_consultation_is_404_for_residents(client, territory):
    draft = ContributionFactory(
        consultation=ConsultationFactory(territory=territory, status=Consultation.Status.DRAFT)
    )
    assert support(client, draft, member(territory)).status_code == 404


@pytest.mark.parametrize("phase", ["arbitration", "follow_up"])
def test_phase_without_support_gets_409(client, territory, phase):
    closed = ContributionFactory(consultation=ConsultationFactory(territory=territory, phase=phase))
    user = member(territory)
    response = support(client, closed, user)
    assert response.status_code == 409
    assert "phase" in response.json()["detail"]
    assert withdraw(client, closed, user).status_code == 409
    assert not Support.objects.exists()


def test_limit_gets_409_and_remaining_is_reported(client, territory):
    consultation = ConsultationFactory(territory=territory, supports_per_person=2)
    first, second, third = ContributionFactory.create_batch(3, consultation=consultation)
    user = member(territory)
    assert support(client, first, user).json()["supports_remaining"] == 1
    assert support(client, second, user).json()["supports_remaining"] == 0
    refused = support(client, third, user)
    assert refused.status_code == 409
    assert "2" in refused.json()["detail"]
    assert refused.json()["errors"]
    assert support(client, second, user).status_code == 200  # already there: fine at the limit
    assert withdraw(client, first, user).status_code == 204
    assert support(client, third, user).status_code == 201


def test_counters_equal_rows_after_many_people(client, territory, contribution):
    people = [member(territory) for _ in range(5)]
    for user in people:
        assert support(client, contribution, user).status_code == 201
    withdraw(client, contribution, people[0])
    contribution.refresh_from_db()
    assert contribution.supports_count == 4 == contribution.supports.count()
    assert Consultation.objects.get(pk=contribution.consultation_id).supports_count == 4


def test_openapi_documents_the_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    operations = paths["/api/v1/contributions/{contribution_id}/support"]
    assert {"post", "delete"} <= set(operations)
    assert {"201", "200", "409"} <= set(operations["post"]["responses"])
