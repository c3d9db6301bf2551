"""The person's language: saved on the account, spoken after login and in every email."""

import pytest
from django.core import mail

from ensemble.accounts.models import User
from ensemble.notifications import services
from ensemble.territories.models import Theme
from ensemble.testing.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_the_saved_language_is_spoken_after_login_whatever_the_browser(client):
    person = UserFactory(language="en")
    client.post("/accounts/login/", {"login": person.email, "password": PASSWORD})
    response = client.get("/me/notifications/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.headers["Content-Language"] == "en"
    assert "My notifications" in response.content.decode()


def test_switching_language_saves_it_on_the_account(client):
    person = UserFactory(language="fr")
    client.force_login(person)
    response = client.post("/me/langue/", {"language": "en", "next": "/me/notifications/"})
    assert response.status_code == 302
    assert User.objects.get(pk=person.pk).language == "en"
    assert client.get("/me/notifications/").headers["Content-Language"] == "en"
    client.post("/me/langue/", {"language": "klingon"})
    assert User.objects.get(pk=person.pk).language == "en"  # an unknown code changes nothing


def test_a_visitors_switch_saves_nothing(client):
    response = client.post("/me/langue/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert not User.objects.exclude(language="").exists()


def test_sign_up_keeps_the_language_of_the_page(client):
    client.post("/me/langue/", {"language": "en", "next": "/"})
    response = client.post(
        "/accounts/signup/",
        {"display_name": "Ann", "email": "ann@example.org", "password1": PASSWORD,
         "password2": PASSWORD},
    )  # fmt: skip
    assert response.status_code == 302 and response["Location"] == "/me/bienvenue/"
    ann = User.objects.get(email="ann@example.org")
    assert ann.language == "en"
    assert mail.outbox[-1].subject.endswith("Please Confirm Your Email Address")


def test_network_themes_are_named_in_the_readers_language():
    from django.utils import translation

    mobility = Theme.objects.create(name="Mobilités", slug="mobilite")
    own = Theme.objects.create(name="Jardins de Sceaux", slug="mobilite-x")
    with translation.override("en"):
        assert str(mobility) == "Mobility" and own.label == "Jardins de Sceaux"
    with translation.override("fr"):
        assert mobility.label == "Mobilités"


def test_a_matching_alert_names_the_theme_in_english_for_an_english_reader():
    from django.utils import translation

    reader = UserFactory(language="en")
    with translation.override("fr"):
        services.notify(
            user=reader, kind="matching_new_need",
            params={"title": "Un local", "themes": [["mobilite", "Mobilités", True]]},
        )  # fmt: skip
    assert mail.outbox[-1].subject == "A new need in Mobility matches what you offer: Un local"


def test_api_me_sets_the_language(client):
    from ensemble.accounts.services import api_token_create

    person = UserFactory()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=person)}"}
    response = client.patch(
        "/api/v1/me", {"language": "en"}, content_type="application/json", **headers
    )
    assert response.status_code == 200 and response.json()["language"] == "en"
    refused = client.patch(
        "/api/v1/me", {"language": "xx"}, content_type="application/json", **headers
    )
    assert refused.status_code == 400
    assert User.objects.get(pk=person.pk).language == "en"
    assert (
        client.patch("/api/v1/me", {"language": "fr"}, content_type="application/json").status_code
        == 401
    )
