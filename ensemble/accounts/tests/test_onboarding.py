"""The welcome steps after sign-up and joining, and a clear word about an unconfirmed address."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings
from django.urls import path

from ensemble.accounts.models import User
from ensemble.config import urls as root_urls
from ensemble.testing.factories import NeighbourhoodFactory, ThemeFactory, UserFactory, member

pytestmark = pytest.mark.django_db


def test_joining_a_territory_leads_to_the_welcome_steps_once(client, territory):
    person = UserFactory()
    client.force_login(person)
    response = client.post(f"/{territory.slug}/rejoindre/")
    assert response["Location"] == "/me/bienvenue/"
    User.objects.filter(pk=person.pk).update(onboarded_at="2026-01-01T00:00Z")
    client.post(f"/{territory.slug}/quitter/")
    assert client.post(f"/{territory.slug}/rejoindre/")["Location"] == f"/{territory.slug}/"


def test_welcome_steps_save_interests_neighbourhood_and_offer(client, territory, other_territory):
    person = member(territory)
    theme = ThemeFactory(name="Mobilités", slug="mobilite")
    place = NeighbourhoodFactory(territory=territory, name="Les Blagis")
    elsewhere = NeighbourhoodFactory(territory=other_territory, name="Croix-Rousse")
    client.force_login(person)
    assert client.get("/me/bienvenue/").status_code == 200
    refused = client.post("/me/bienvenue/", {"neighbourhood": elsewhere.pk})
    assert refused.status_code == 400  # not a neighbourhood of their territories
    response = client.post(
        "/me/bienvenue/",
        {"interests": [theme.pk], "neighbourhood": place.pk, "skills": "menuiserie, vélo"},
    )
    assert response["Location"] == "/me/"
    person.refresh_from_db()
    assert list(person.interests.all()) == [theme]
    assert person.neighbourhood == place and person.skills == ["menuiserie", "vélo"]
    assert person.onboarded_at is not None


def test_welcome_steps_need_login(client):
    assert client.get("/me/bienvenue/").status_code == 302


def test_a_newcomer_without_territory_is_shown_where_to_start(client, territory):
    client.force_login(UserFactory())
    page = client.get("/me/bienvenue/").content.decode()
    assert territory.get_absolute_url() in page


def _forbidden(request):
    raise PermissionDenied


urlpatterns = [path("forbidden/", _forbidden), *root_urls.urlpatterns]


@override_settings(ROOT_URLCONF=__name__)
def test_an_unconfirmed_address_is_named_as_what_blocks(client):
    client.force_login(UserFactory(verified=False))
    page = client.get("/forbidden/")
    assert page.status_code == 403
    text = page.content.decode()
    assert "is not confirmed yet" in text or "pas encore confirmée" in text
    assert 'name="action_send"' in text
    client.force_login(UserFactory())
    assert 'name="action_send"' not in client.get("/forbidden/").content.decode()
