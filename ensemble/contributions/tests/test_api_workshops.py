"""Workshops in the API: created on the territory's calendar path, reported on by facilitators."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ensemble.accounts.services import api_token_create
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.events.models import Event
from ensemble.territories.roles import Role
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db
API = "/api/v1"


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"}


def _create_payload(consultation, /, **overrides):
    start = timezone.now() + timedelta(days=4)
    payload = {
        "consultation": consultation.pk, "title": "Atelier API",
        "description_markdown": "**Bienvenue**", "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=2)).isoformat(), "capacity": 2,
    }  # fmt: skip
    payload.update(overrides)
    return payload


def test_agent_creates_a_workshop(client, territory):
    consultation = ConsultationFactory(territory=territory)
    facilitator = member(territory)
    response = client.post(
        f"{API}/territories/{territory.slug}/events",
        _create_payload(consultation, facilitators=[facilitator.pk]),
        content_type="application/json",
        **auth(member(territory, Role.AGENT)),
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["consultation"] == {"id": consultation.pk, "title": consultation.title}
    assert list(Event.objects.get().facilitators.all()) == [facilitator]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"capacity": 0}, "capacity"),
        ({"title": ""}, "title"),
        ({"ends_at": "2020-01-01T00:00:00+00:00"}, "ends_at"),
        ({"consultation": 999999}, "consultation"),
        ({"facilitators": [999999]}, "facilitators"),
    ],
)
def test_create_field_errors(client, territory, overrides, field):
    consultation = ConsultationFactory(territory=territory)
    response = client.post(
        f"{API}/territories/{territory.slug}/events",
        _create_payload(consultation, **overrides),
        content_type="application/json",
        **auth(member(territory, Role.AGENT)),
    )
    assert response.status_code in (400, 422)
    assert field in response.json()["errors"]
    assert not Event.objects.exists()


def test_create_refused_to_members_and_other_agents(client, territory, other_territory):
    consultation = ConsultationFactory(territory=territory)
    url = f"{API}/territories/{territory.slug}/events"
    payload = _create_payload(consultation)
    response = client.post(url, payload, content_type="application/json", **auth(member(territory)))
    assert response.status_code == 403
    # An agent of another territory does not see it in this territory's URL either.
    response = client.post(
        f"{API}/territories/{other_territory.slug}/events", payload,
        content_type="application/json", **auth(member(other_territory, Role.AGENT)),
    )  # fmt: skip
    assert response.status_code == 400
    assert not Event.objects.exists()


def test_report(client, territory):
    event = WorkshopFactory(
        consultation=ConsultationFactory(territory=territory, phase="workshops"),
        starts_at=timezone.now() - timedelta(hours=3),
        ends_at=timezone.now() - timedelta(hours=1),
    )
    url = f"{API}/events/{event.pk}/report"
    data = {"participants_count": 14}
    response = client.post(url, data, content_type="application/json", **auth(member(territory)))
    assert response.status_code == 403
    facilitator = member(territory)
    event.facilitators.add(facilitator)
    response = client.post(url, data, content_type="application/json", **auth(facilitator))
    assert response.status_code == 200
    assert response.json()["participants_count"] == 14
    response = client.post(
        url, {"participants_count": -3}, content_type="application/json", **auth(facilitator)
    )
    assert response.status_code == 422


def test_report_before_the_workshop_is_409(client, territory):
    event = WorkshopFactory(consultation=ConsultationFactory(territory=territory))
    response = client.post(
        f"{API}/events/{event.pk}/report", {"participants_count": 3},
        content_type="application/json", **auth(member(territory, Role.AGENT)),
    )  # fmt: skip
    assert response.status_code == 409
