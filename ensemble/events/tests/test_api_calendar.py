"""The calendar in the API: create (same rules as the page), change, filters, attendance,
my registrations; unknown fields and foreign objects are refused naming the field."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ensemble.accounts.services import api_token_create
from ensemble.events.models import Event, Registration
from ensemble.events.tests.factories import EventFactory
from ensemble.projects.tests.factories import ProjectFactory
from ensemble.territories.roles import Role
from ensemble.testing.factories import NeighbourhoodFactory, ThemeFactory, UserFactory, member

pytestmark = pytest.mark.django_db
API = "/api/v1"


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"}


def _payload(**overrides):
    start = timezone.now() + timedelta(days=4)
    payload = {
        "kind": "skill_sharing", "title": "Réparer son vélo",
        "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=2)).isoformat(),
        "capacity": 6,
    }  # fmt: skip
    payload.update(overrides)
    return payload


def _post(client, territory, user, **overrides):
    return client.post(
        f"{API}/territories/{territory.slug}/events", _payload(**overrides),
        content_type="application/json", **auth(user),
    )  # fmt: skip


def test_a_member_creates_an_event_with_its_theme_and_neighbourhood(client, territory):
    theme, quarter = ThemeFactory(), NeighbourhoodFactory(territory=territory)
    person = member(territory)
    response = _post(client, territory, person, themes=[theme.slug], neighbourhood=quarter.slug)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["kind"], body["themes"], body["neighbourhood"]) == (
        "skill_sharing", [theme.slug], quarter.slug,
    )  # fmt: skip
    assert body["organiser"] and body["registration_open"] is True
    assert Event.objects.get().organiser == person


@pytest.mark.parametrize(
    ("overrides", "field", "status"),
    [
        ({"colour": "red"}, "colour", 422),
        ({"kind": "network"}, None, 403),
        ({"kind": "party"}, "kind", 422),
        ({"themes": ["inconnu"]}, "themes", 400),
        ({"neighbourhood": "ailleurs"}, "neighbourhood", 400),
        ({"registration_opens_at": "2099-01-01T10:00:00+00:00"}, "registration_opens_at", 400),
    ],
)
def test_bad_input_is_refused_naming_the_field(client, territory, overrides, field, status):
    response = _post(client, territory, member(territory), **overrides)
    assert response.status_code == status, response.json()
    if field:
        assert field in response.json()["errors"]
    assert not Event.objects.exists()


def test_a_project_of_another_territory_is_unknown(client, territory, other_territory):
    project = ProjectFactory(territory=other_territory)
    response = _post(client, territory, member(territory), kind="project", project=project.pk)
    assert response.status_code == 400
    assert "project" in response.json()["errors"]


def test_outsiders_cannot_create(client, territory):
    assert _post(client, territory, UserFactory()).status_code == 403
    anonymous = client.post(f"{API}/territories/{territory.slug}/events", _payload(),
                            content_type="application/json")  # fmt: skip
    assert anonymous.status_code == 401


def test_only_the_organiser_or_an_agent_patches(client, territory):
    organiser = member(territory)
    event_id = _post(client, territory, organiser).json()["id"]
    url = f"{API}/events/{event_id}"
    other = client.patch(url, {"title": "X"}, content_type="application/json",
                         **auth(member(territory)))  # fmt: skip
    assert other.status_code == 403
    mine = client.patch(url, {"title": "Vélo pour tous", "online_url": "https://v.example.org"},
                        content_type="application/json", **auth(organiser))  # fmt: skip
    assert mine.status_code == 200 and mine.json()["title"] == "Vélo pour tous"
    agent = client.patch(url, {"capacity": 2}, content_type="application/json",
                         **auth(member(territory, Role.AGENT)))  # fmt: skip
    assert agent.json()["capacity"] == 2


def test_list_filters_and_my_registrations(client, territory):
    person = member(territory)
    meeting = EventFactory(territory=territory, kind="meeting", title="Conseil de quartier")
    EventFactory(territory=territory, title="Compost")
    client.post(f"{API}/events/{meeting.pk}/registrations", **auth(person))

    listed = client.get(f"{API}/territories/{territory.slug}/events?kind=meeting").json()
    assert [item["title"] for item in listed["items"]] == ["Conseil de quartier"]
    mine = client.get(f"{API}/me/registrations", **auth(person)).json()
    assert [(r["event"]["title"], r["status"]) for r in mine["items"]] == [
        ("Conseil de quartier", "registered")
    ]
    assert client.get(f"{API}/me/registrations").status_code == 401


def test_attendance_through_the_api(client, territory):
    organiser, person = member(territory), member(territory)
    event = EventFactory(territory=territory, organiser=organiser,
                         starts_at=timezone.now() - timedelta(hours=1))  # fmt: skip
    Registration.objects.create(event=event, user=person, status="registered")
    url = f"{API}/events/{event.pk}/attendance"
    refused = client.post(url, {"present": [person.pk]}, content_type="application/json",
                          **auth(person))  # fmt: skip
    assert refused.status_code == 403
    done = client.post(url, {"present": [person.pk]}, content_type="application/json",
                       **auth(organiser))  # fmt: skip
    assert done.status_code == 200 and done.json()["participants_count"] == 1
