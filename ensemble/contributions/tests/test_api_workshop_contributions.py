"""Contributions of a workshop's groups through the API: the timing is the service's."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ensemble.accounts.services import api_token_create
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.contributions.models import Contribution
from ensemble.territories.roles import Role
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db
API = "/api/v1"


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"}


def _workshop(territory, **extra):
    return WorkshopFactory(
        consultation=ConsultationFactory(territory=territory, phase="workshops"), **extra
    )


def _patch(client, event, payload, user=None):
    headers = auth(user) if user else {}
    return client.patch(
        f"{API}/events/{event.pk}", payload, content_type="application/json", **headers
    )


def _cancel(client, event, user=None):
    return client.post(f"{API}/events/{event.pk}/cancel", **(auth(user) if user else {}))


# --- POST /consultations/{id}/contributions with a workshop: the timing is the service's ----------


def _group_contribution(client, event, user):
    return client.post(
        f"{API}/consultations/{event.workshop.consultation_id}/contributions",
        {"kind": "idea", "title": "Des bancs", "body_markdown": "Partout.",
         "workshop": event.pk, "group_size": 6},
        content_type="application/json", **auth(user),
    )  # fmt: skip


def test_a_group_contribution_before_the_workshop_is_409(client, territory):
    event = _workshop(territory)  # next week
    facilitator = member(territory)
    event.facilitators.add(facilitator)
    response = _group_contribution(client, event, facilitator)
    assert response.status_code == 409
    assert response.json()["detail"]
    assert not Contribution.objects.exists()


def test_a_group_contribution_of_a_cancelled_workshop_is_409(client, territory):
    now = timezone.now()
    event = _workshop(
        territory, starts_at=now - timedelta(hours=2), ends_at=now - timedelta(hours=1),
        is_cancelled=True,
    )  # fmt: skip
    response = _group_contribution(client, event, member(territory, Role.AGENT))
    assert response.status_code == 409
    assert not Contribution.objects.exists()


def test_a_group_contribution_once_the_workshop_started(client, territory):
    now = timezone.now()
    event = _workshop(
        territory, starts_at=now - timedelta(hours=2), ends_at=now - timedelta(hours=1)
    )
    response = _group_contribution(client, event, member(territory, Role.AGENT))
    assert response.status_code == 201, response.json()
    assert Contribution.objects.get().workshop_id == event.pk
