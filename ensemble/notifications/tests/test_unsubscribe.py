"""One-click unsubscribe: no login, signed for one person and one topic."""

import pytest
from django.core import mail

from ensemble.notifications import selectors, services, unsubscribe
from ensemble.notifications.models import NotificationPreference
from ensemble.testing.factories import UserFactory

pytestmark = pytest.mark.django_db
KIND = "event_cancelled"


def _link(message) -> str:
    return message.extra_headers["List-Unsubscribe"].strip("<>").split("://", 1)[1].split("/", 1)[1]


def test_one_click_without_login_stops_that_kind_only(client):
    user = UserFactory()
    services.notify(user=user, kind=KIND, params={"title": "x"})
    path = "/" + _link(mail.outbox[0])
    page = client.get(path)  # shows a confirmation, changes nothing (link scanners)
    assert page.status_code == 200 and selectors.preferences(user=user)[KIND] == "immediately"
    response = client.post(path, {"List-Unsubscribe": "One-Click"})  # RFC 8058, no CSRF
    assert response.status_code == 200
    prefs = selectors.preferences(user=user)
    assert prefs[KIND] == "never" and prefs["message"] == "immediately"
    services.notify(user=user, kind=KIND, params={"title": "y"})
    assert len(mail.outbox) == 1


def test_a_link_cannot_be_forged_for_someone_else_or_another_kind(client):
    user, victim = UserFactory(), UserFactory()
    value = unsubscribe.token(user=user, topic=KIND)
    payload, signature = value.rsplit(":", 1)[0], value.rsplit(":", 1)[1]
    forged_user = unsubscribe.token(user=victim, topic=KIND).rsplit(":", 1)[0] + ":" + signature
    forged_kind = unsubscribe.token(user=user, topic="*").rsplit(":", 1)[0] + ":" + signature
    for token in (forged_user, forged_kind, "garbage", payload + ":"):
        response = client.post(f"/me/notifications/desabonnement/{token}/")
        assert response.status_code == 404
    assert not NotificationPreference.objects.exists()
    assert unsubscribe.read(value) == (user.pk, KIND)


def test_unsubscribe_from_everything():
    user = UserFactory()
    services.unsubscribe_apply(user=user, topic=unsubscribe.ALL)
    assert set(selectors.preferences(user=user).values()) == {"never"}


def test_an_inactive_persons_link_does_nothing(client):
    user = UserFactory(is_active=False)
    token = unsubscribe.token(user=user, topic=KIND)
    assert client.post(f"/me/notifications/desabonnement/{token}/").status_code == 404
