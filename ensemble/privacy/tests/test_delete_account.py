"""Delete my account from the page and with `DELETE /me`: confirmed by the address."""

import json

import pytest

from ensemble.accounts.models import User
from ensemble.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_page_refuses_without_the_right_address(client):
    person = UserFactory(email="moi@example.org")
    client.force_login(person)
    response = client.post("/me/donnees/", {"confirmation": "autre@example.org"})
    assert response.status_code == 400
    person.refresh_from_db()
    assert person.erased_at is None and person.is_active


def test_the_page_deletes_and_signs_out(client):
    person = UserFactory(email="moi@example.org")
    client.force_login(person)
    response = client.post("/me/donnees/", {"confirmation": "Moi@example.org "})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.erased_at is not None and not person.is_active
    assert client.get("/me/donnees/").status_code == 302  # signed out


def test_the_page_needs_an_account(client):
    assert client.get("/me/donnees/").status_code == 302


def _delete(client, body):
    return client.delete("/api/v1/me", json.dumps(body), content_type="application/json")


def test_api_refuses_a_wrong_confirmation_and_unknown_fields(client):
    person = UserFactory(email="moi@example.org")
    client.force_login(person)
    assert _delete(client, {"confirmation": "x@example.org"}).status_code == 400
    assert _delete(client, {}).status_code == 422
    assert User.objects.get(pk=person.pk).erased_at is None


def test_api_needs_an_account(client):
    assert _delete(client, {"confirmation": "moi@example.org"}).status_code == 401


def test_api_deletes(client):
    person = UserFactory(email="moi@example.org")
    client.force_login(person)
    assert _delete(client, {"confirmation": "moi@example.org"}).status_code == 204
    assert User.objects.get(pk=person.pk).erased_at is not None
    assert client.get("/api/v1/me").status_code == 401
