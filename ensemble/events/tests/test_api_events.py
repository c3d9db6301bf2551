from datetime import timedelta

import pytest
from django.utils import timezone

from ensemble.accounts.services import api_token_create
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.events.models import Registration
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


def test_list_of_a_territory_hides_internal_workshops(client, territory, other_territory):
    public = ConsultationFactory(territory=territory)
    internal = ConsultationFactory(territory=territory, visibility=Consultation.Visibility.AGENTS)
    WorkshopFactory(consultation=public, title="Public")
    WorkshopFactory(consultation=internal, title="Interne")
    WorkshopFactory(consultation=ConsultationFactory(territory=other_territory), title="Ailleurs")

    body = client.get(f"{API}/territories/{territory.slug}/events").json()
    assert [item["title"] for item in body["items"]] == ["Public"]
    item = body["items"][0]
    assert {"capacity", "registered_count", "waitlist_count", "consultation"} <= set(item)
    assert item["consultation"] == public.pk

    agent = member(territory, Role.AGENT)
    body = client.get(f"{API}/territories/{territory.slug}/events", **auth(agent)).json()
    assert {item["title"] for item in body["items"]} == {"Public", "Interne"}


def test_internal_workshop_is_404_for_residents(client, territory):
    internal = ConsultationFactory(
        territory=territory, phase="workshops", visibility=Consultation.Visibility.AGENTS
    )
    event = WorkshopFactory(consultation=internal)
    resident = member(territory)
    assert client.get(f"{API}/events/{event.pk}", **auth(resident)).status_code == 404
    assert client.get(f"{API}/consultations/{internal.pk}/workshops").status_code == 404
    response = client.post(f"{API}/events/{event.pk}/registrations", **auth(resident))
    assert response.status_code == 404


def test_detail_gives_markdown_and_html(client, territory):
    event = WorkshopFactory(
        consultation=ConsultationFactory(territory=territory), description="**gras**"
    )
    body = client.get(f"{API}/events/{event.pk}").json()
    assert body["description_markdown"] == "**gras**"
    assert "<strong>gras</strong>" in body["description_html"]
    assert body["places_left"] == 20


def test_register_then_waitlist_then_cancel(client, territory):
    event = WorkshopFactory(
        consultation=ConsultationFactory(territory=territory, phase="workshops"), capacity=1
    )
    first, second = member(territory), member(territory)
    url = f"{API}/events/{event.pk}/registrations"

    response = client.post(url, **auth(first))
    assert response.status_code == 201
    assert response.json()["status"] == "registered"
    response = client.post(url, **auth(second))
    assert response.json() | {"created_at": None} == {
        "event": event.pk,
        "status": "waitlisted",
        "waitlist_position": 1,
        "created_at": None,
    }
    assert client.post(url, **auth(second)).json()["status"] == "waitlisted"  # idempotent

    assert client.delete(url, **auth(first)).status_code == 204
    assert Registration.objects.get(user=second).status == "registered"
    event.refresh_from_db()
    assert (event.registered_count, event.waitlist_count) == (1, 0)


def test_registration_refusals(client, territory, other_territory):
    event = WorkshopFactory(consultation=ConsultationFactory(territory=territory, phase="collect"))
    url = f"{API}/events/{event.pk}/registrations"
    assert client.post(url).status_code == 401
    assert client.post(url, **auth(member(territory, verified=False))).status_code == 403
    assert client.post(url, **auth(member(other_territory))).status_code == 403
    response = client.post(url, **auth(member(territory)))
    assert response.status_code == 409
    assert response.json()["detail"]


def test_registration_refused_for_past_and_cancelled(client, territory):
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    past = WorkshopFactory(
        consultation=consultation,
        starts_at=timezone.now() - timedelta(hours=3),
        ends_at=timezone.now() - timedelta(hours=1),
    )
    cancelled = WorkshopFactory(consultation=consultation, is_cancelled=True)
    person = member(territory)
    for event in (past, cancelled):
        response = client.post(f"{API}/events/{event.pk}/registrations", **auth(person))
        assert response.status_code == 409


def test_api_lists_query_counts_stay_flat(client, territory):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    consultation = ConsultationFactory(territory=territory)

    def count(url):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    urls = [
        f"{API}/territories/{territory.slug}/events",
        f"{API}/consultations/{consultation.pk}/workshops",
    ]
    WorkshopFactory.create_batch(3, consultation=consultation)
    for url in urls:
        count(url)
    small = [count(url) for url in urls]
    WorkshopFactory.create_batch(20, consultation=consultation)
    assert [count(url) for url in urls] == small
