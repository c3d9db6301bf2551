"""Every email: the reader's language, text and HTML, the territory, links from the site
address, a one-click unsubscribe link and its headers, one-line headers."""

import logging
import re

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import translation

from ensemble.notifications import links, services
from ensemble.notifications.models import Notification
from ensemble.testing.factories import TerritoryFactory, UserFactory

pytestmark = pytest.mark.django_db
KIND = "event_cancelled"


def _links(message) -> list[str]:
    return re.findall(r"https?://[^\s\"<>]+", message.body)


def test_english_reader_gets_english_even_when_a_french_speaker_acts(territory):
    reader = UserFactory(language="en")
    french = UserFactory(language="fr")
    with translation.override("fr"):  # the request of the French-speaking organiser
        services.notify(
            user=reader, kind=KIND, params={"title": "Balade à vélo"}, url="/sceaux/",
            territory=territory,
        )  # fmt: skip
        services.notify(user=french, kind=KIND, params={"title": "Balade à vélo"})
    english, french_mail = mail.outbox
    assert english.subject == "[Sceaux] Cancelled: Balade à vélo"
    assert "The event you registered for has been cancelled." in english.body
    assert "Hello" in english.body and "Unsubscribe" in english.body
    html = english.alternatives[0][0]
    assert 'lang="en"' in html and "Cancelled: Balade à vélo" in html
    assert french_mail.subject.startswith("Annulé")
    notification = Notification.objects.get(user=reader)
    with translation.override("en"):
        assert notification.text == "Cancelled: Balade à vélo"
    with translation.override("fr"):
        assert notification.text.startswith("Annulé")


def test_every_email_has_text_html_territory_and_unsubscribe_headers(territory):
    user = UserFactory(language="en")
    services.notify(user=user, kind=KIND, params={"title": "x"}, territory=territory)
    (message,) = mail.outbox
    assert message.alternatives[0][1] == "text/html"
    assert "Sceaux" in message.body and "Sceaux" in message.alternatives[0][0]
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert re.fullmatch(r"<https?://\S+/me/notifications/desabonnement/\S+/>", unsubscribe)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.strip("<>") in message.body


def test_a_line_break_in_a_title_never_reaches_the_headers():
    user = UserFactory()
    services.notify(
        user=user, kind="introduction_requested", title="Bonjour\r\nBcc: x@evil.example"
    )
    (message,) = mail.outbox
    assert message.subject == "Bonjour Bcc: x@evil.example"
    assert "\n" not in message.message()["Subject"]


@override_settings(SITE_URL="http://localhost:8101")
def test_links_use_the_configured_site_address(territory):
    user = UserFactory()
    services.notify(user=user, kind=KIND, params={"title": "x"}, url="/sceaux/evenements/1/",
                    territory=territory)  # fmt: skip
    found = _links(mail.outbox[0])
    assert found and all(link.startswith("http://localhost:8101/") for link in found)
    assert "http://localhost:8101/sceaux/evenements/1/" in found
    assert not any("localhost:8000" in link for link in found)


@override_settings(SITE_URL="https://ensemble.example.org")
def test_links_of_a_territory_with_its_own_domain_use_that_domain():
    city = TerritoryFactory(name="Ville", slug="ville", custom_domain="participer.ville.fr")
    user = UserFactory()
    services.notify(user=user, kind=KIND, params={"title": "x"}, url="/ville/evenements/1/",
                    territory=city)  # fmt: skip
    found = _links(mail.outbox[0])
    assert "https://participer.ville.fr/evenements/1/" in found
    assert all(link.startswith("https://participer.ville.fr/") for link in found)
    assert links.absolute("/me/notifications/", None) == (
        "https://ensemble.example.org/me/notifications/"
    )


def test_a_failing_mail_server_never_breaks_the_page(client, territory, caplog):
    user = UserFactory()
    client.force_login(user)
    broken = override_settings(EMAIL_BACKEND="ensemble.notifications.tests.test_emails.Broken")
    with broken, caplog.at_level(logging.ERROR, logger="ensemble.email"):
        services.notify(user=user, kind=KIND, params={"title": "x"})
        response = client.get("/me/notifications/")
    assert response.status_code == 200
    assert Notification.objects.filter(user=user).exists()  # the app still tells them
    assert "failed after" in caplog.text  # reported


class Broken:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")
