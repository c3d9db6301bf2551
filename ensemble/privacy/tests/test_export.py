"""Download my data: built by a task, the link opened once, by its owner, before it expires."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from ensemble.notifications.models import Notification
from ensemble.privacy.models import DataExport
from ensemble.testing.factories import UserFactory

from .people import EMAIL, NAME, busy_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def ask(client, django_capture_on_commit_callbacks):
    """Ask through the API; the task, queued when the request commits, sends the link in a
    notification."""

    def _ask(person) -> str:
        client.force_login(person)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.get("/api/v1/me/export")
        assert response.status_code == 202
        notice = Notification.objects.filter(user=person, kind="data_export_ready").latest("pk")
        return notice.url

    return _ask


def test_the_archive_holds_everything_about_the_person(client, territory, ask):
    world = busy_person(territory)
    response = client.get(ask(world.person))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    archive = json.loads(response.content)["sections"]
    assert archive["profile"]["email"] == EMAIL and archive["profile"]["display_name"] == NAME
    assert archive["memberships"][0]["territory__slug"] == territory.slug
    assert [c["id"] for c in archive["contributions"]] == [world.contribution.pk]
    assert [s["contribution_id"] for s in archive["supports"]] == [world.supported.pk]
    assert [c["id"] for c in archive["comments"]] == [world.comment.pk]
    assert [m["body"] for m in archive["messages"]["messages"]] == ["Bonjour !"]
    assert archive["event_registrations"][0]["event_id"] == world.workshop.pk
    assert archive["notifications"]["notifications"]
    assert "introductions" in archive and "project_follows" in archive
    assert "key_hash" not in json.dumps(archive)  # tokens by prefix only


def test_the_link_is_refused_to_someone_else(client, territory, ask):
    url = ask(UserFactory())
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_the_link_is_refused_the_second_time(client, territory, ask):
    person = UserFactory()
    url = ask(person)
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 410
    assert DataExport.objects.get(user=person).archive == ""


def test_the_link_is_refused_after_it_expired(client, territory, ask):
    person = UserFactory()
    url = ask(person)
    DataExport.objects.filter(user=person).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(url).status_code == 410


def test_a_made_up_link_is_a_404(client, territory, ask):
    person = UserFactory()
    ask(person)
    assert client.get("/me/donnees/export/not-the-token/").status_code == 404


def test_asking_needs_an_account(client):
    assert client.get("/api/v1/me/export").status_code == 401


def test_asking_from_the_page(client, territory, django_capture_on_commit_callbacks):
    person = UserFactory()
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/me/donnees/export/")
    assert response.status_code == 302
    assert DataExport.objects.get(user=person).status == DataExport.Status.READY
    assert client.get("/me/donnees/").status_code == 200
