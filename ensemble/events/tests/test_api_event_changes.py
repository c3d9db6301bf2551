"""PATCH /events/{id}, POST /events/{id}/cancel, facilitators, group contributions' timing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ensemble.accounts.services import api_token_create
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.events.models import Event, Registration
from ensemble.events.selectors import event_get
from ensemble.events.services import registration_create
from ensemble.notifications.models import Notification
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

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


# --- PATCH /events/{id} ----------------------------------------------------------------


def test_an_agent_changes_some_fields(client, territory):
    event = _workshop(territory, capacity=1, title="Avant")
    first, waiting = member(territory), member(territory)
    registration_create(user=first, event=event_get(pk=event.pk))
    registration_create(user=waiting, event=event_get(pk=event.pk))
    facilitator = member(territory)
    response = _patch(
        client, event,
        {"capacity": 5, "description_markdown": "**Nouveau**", "facilitators": [facilitator.pk]},
        member(territory, Role.AGENT),
    )  # fmt: skip
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["title"] == "Avant"  # not sent, not changed
    assert (body["capacity"], body["registered_count"], body["waitlist_count"]) == (5, 2, 0)
    assert "<strong>Nouveau</strong>" in body["description_html"]
    assert Registration.objects.get(user=waiting).status == "registered"
    assert list(Event.objects.get().facilitators.all()) == [facilitator]


def test_capacity_null_means_no_limit(client, territory):
    event = _workshop(territory, capacity=3)
    response = _patch(client, event, {"capacity": None}, member(territory, Role.AGENT))
    assert response.status_code == 200
    assert response.json()["capacity"] is None


def test_patch_refusals(client, territory, other_territory):
    event = _workshop(territory)
    facilitator = member(territory)
    event.facilitators.add(facilitator)
    assert _patch(client, event, {"title": "Pris"}).status_code == 401
    for person in (member(territory), facilitator, member(territory, Role.MODERATOR)):
        assert _patch(client, event, {"title": "Pris"}, person).status_code == 403
    assert (
        _patch(client, event, {"title": "Pris"}, member(other_territory, Role.AGENT)).status_code
        == 403
    )
    internal = WorkshopFactory(
        consultation=ConsultationFactory(
            territory=territory, visibility=Consultation.Visibility.AGENTS
        )
    )
    assert _patch(client, internal, {"title": "Pris"}, member(territory)).status_code == 404
    assert (
        _patch(client, internal, {"title": "Pris"}, member(other_territory, Role.AGENT)).status_code
        == 404
    )
    cancelled = _workshop(territory, is_cancelled=True)
    response = _patch(client, cancelled, {"title": "Pris"}, member(territory, Role.AGENT))
    assert response.status_code == 409
    assert response.json()["detail"]
    assert not Event.objects.filter(title="Pris").exists()


@pytest.mark.parametrize(
    ("payload", "field", "status"),
    [
        ({"title": ""}, "title", 400),
        ({"title": None}, "title", 400),
        ({"starts_at": None}, "starts_at", 400),
        ({"ends_at": "2020-01-01T00:00:00+00:00"}, "ends_at", 400),
        ({"capacity": 0}, "capacity", 422),
        ({"capacity": 1}, "capacity", 400),  # two people are registered
        ({"facilitators": [999999]}, "facilitators", 400),
        ({"title": "x" * 151}, "title", 422),
        ({"starts_at": "demain"}, "starts_at", 422),
        ({"latitude": "95"}, "latitude", 400),
    ],
)
def test_patch_field_errors(client, territory, payload, field, status):
    event = _workshop(territory, capacity=4, title="Gardé")
    registration_create(user=member(territory), event=event_get(pk=event.pk))
    registration_create(user=member(territory), event=event_get(pk=event.pk))
    response = _patch(client, event, payload, member(territory, Role.AGENT))
    assert response.status_code == status, response.json()
    assert field in response.json()["errors"]
    event.refresh_from_db()
    assert (event.title, event.capacity) == ("Gardé", 4)


# --- Facilitators: the service's rule, in one place ------------------------------------------


def test_facilitators_of_another_territory_are_refused(client, territory, other_territory):
    event = _workshop(territory)
    response = _patch(
        client, event, {"facilitators": [member(other_territory).pk]},
        member(territory, Role.AGENT),
    )  # fmt: skip
    assert response.status_code == 400
    assert "facilitators" in response.json()["errors"]
    assert not event.facilitators.exists()


def test_a_network_admin_can_facilitate_through_the_api(client, territory):
    """The service accepts network admins without a membership; so does the API."""
    admin = UserFactory(is_superuser=True)
    consultation = ConsultationFactory(territory=territory)
    start = timezone.now() + timedelta(days=3)
    response = client.post(
        f"{API}/territories/{territory.slug}/events",
        {
            "consultation": consultation.pk, "title": "Avec l'admin",
            "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=1)).isoformat(),
            "facilitators": [admin.pk],
        },
        content_type="application/json", **auth(member(territory, Role.AGENT)),
    )  # fmt: skip
    assert response.status_code == 201, response.json()
    event = Event.objects.get()
    assert list(event.facilitators.all()) == [admin]
    other = _workshop(territory)
    response = _patch(client, other, {"facilitators": [admin.pk]}, member(territory, Role.AGENT))
    assert response.status_code == 200
    assert list(other.facilitators.all()) == [admin]


# --- POST /events/{id}/cancel -------------------------------------------------------------


def test_an_agent_cancels_and_everyone_registered_is_told(client, territory):
    event = _workshop(territory, capacity=1)
    registered, waiting = member(territory), member(territory)
    registration_create(user=registered, event=event_get(pk=event.pk))
    registration_create(user=waiting, event=event_get(pk=event.pk))
    response = _cancel(client, event, member(territory, Role.AGENT))
    assert response.status_code == 200
    assert response.json()["is_cancelled"] is True
    told = Notification.objects.filter(kind="event_cancelled").values_list("user", flat=True)
    assert set(told) == {registered.pk, waiting.pk}
    # A cancelled event takes no registration and no change.
    newcomer = member(territory)
    response = client.post(f"{API}/events/{event.pk}/registrations", **auth(newcomer))
    assert response.status_code == 409
    assert _cancel(client, event, member(territory, Role.AGENT)).status_code == 409
    assert Notification.objects.filter(kind="event_cancelled").count() == 2


def test_cancel_refusals(client, territory, other_territory):
    event = _workshop(territory)
    facilitator = member(territory)
    event.facilitators.add(facilitator)
    assert _cancel(client, event).status_code == 401
    for person in (member(territory), facilitator, member(other_territory, Role.AGENT)):
        assert _cancel(client, event, person).status_code == 403
    internal = WorkshopFactory(
        consultation=ConsultationFactory(
            territory=territory, visibility=Consultation.Visibility.AGENTS
        )
    )
    assert _cancel(client, internal, member(territory)).status_code == 404
    assert (
        client.post(
            f"{API}/events/999999/cancel", **auth(member(territory, Role.AGENT))
        ).status_code
        == 404
    )
    now = timezone.now()
    started = _workshop(
        territory, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1)
    )
    response = _cancel(client, started, member(territory, Role.AGENT))
    assert response.status_code == 409
    assert not Event.objects.filter(is_cancelled=True).exists()
