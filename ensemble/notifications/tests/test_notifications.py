from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from ensemble.accounts.services import api_token_create
from ensemble.notifications import kinds, selectors, services
from ensemble.notifications.models import Notification, NotificationPreference
from ensemble.testing.factories import UserFactory
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db
KIND = "introduction_requested"
API = "/api/v1"


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"}


def test_registry_lists_kinds():
    assert KIND in {kind.kind for kind in kinds.kinds()}
    assert kinds.label("nope") == "nope"


def test_notify_creates_row_and_queues_email():
    user = UserFactory()
    assert services.notify(
        user=user, kind=KIND, title="Hello", body="Some body", url="/me/notifications/"
    )
    notification = Notification.objects.get()
    assert notification.text == "Hello" and notification.channel == "immediately"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert message.subject == "Hello"
    assert "Some body" in message.body
    assert "/me/notifications/" in message.body
    assert message.alternatives and message.alternatives[0][1] == "text/html"


def test_no_email_when_opted_out_or_not_asked():
    user = UserFactory()
    NotificationPreference.objects.create(user=user, kind=KIND, channel="never")
    services.notify(user=user, kind=KIND, title="a")
    services.notify(user=UserFactory(), kind=KIND, title="b", email=False)
    assert Notification.objects.count() == 2
    assert mail.outbox == []


def test_inactive_user_gets_nothing():
    user = UserFactory(is_active=False)
    assert services.notify(user=user, kind=KIND, title="a") is False
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_unknown_kind_refused():
    with pytest.raises(ValueError):
        services.notify(user=UserFactory(), kind="unknown", title="a")


def _notify(user, title="a"):
    services.notify(user=user, kind=KIND, title=title, email=False)
    return Notification.objects.filter(user=user).latest("pk")


def test_mark_read_only_own(client):
    user, other = UserFactory(), UserFactory()
    notification = _notify(user)
    client.force_login(other)
    assert client.post(f"/me/notifications/{notification.pk}/lue/").status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None
    client.force_login(user)
    assert client.post(f"/me/notifications/{notification.pk}/lue/").status_code == 302
    assert selectors.unread_count(user=user) == 0


def test_page_needs_login_and_marks_all(client):
    assert client.get("/me/notifications/").status_code == 302
    user = UserFactory()
    for i in range(3):
        services.notify(user=user, kind=KIND, title=f"t{i}", email=False)
    client.force_login(user)
    response = client.get("/me/notifications/")
    assert response.status_code == 200
    assert "t2" in response.content.decode()
    client.post("/me/notifications/lues/")
    assert selectors.unread_count(user=user) == 0


def test_preferences_form(client):
    user = UserFactory()
    client.force_login(user)
    data = {f"channel_{kind.kind}": kind.channel for kind in kinds.kinds()}
    data[f"channel_{KIND}"] = "never"
    assert client.post("/me/notifications/", data).status_code == 302
    assert selectors.preferences(user=user)[KIND] == "never"
    services.notify(user=user, kind=KIND, title="quiet")
    assert mail.outbox == []


def test_preferences_refuse_unknown_channels(client):
    user = UserFactory()
    client.force_login(user)
    data = {f"channel_{kind.kind}": kind.channel for kind in kinds.kinds()}
    data[f"channel_{KIND}"] = "hourly"
    data["channel_news_for_you"] = "immediately"  # a digest-only kind
    response = client.post("/me/notifications/", data)
    assert response.status_code == 400
    assert not NotificationPreference.objects.filter(user=user).exists()
    with pytest.raises(ValidationError):
        services.preferences_update(user=user, channel_by_kind={"nope": "never"})
    with pytest.raises(ValidationError):
        services.preferences_update(user=user, channel_by_kind={"news_for_you": "immediately"})


def test_newcomer_defaults_are_quiet():
    """Messages and introductions come at once; the rest waits for the weekly digest."""
    prefs = selectors.preferences(user=UserFactory())
    assert prefs["message"] == prefs["introduction_requested"] == "immediately"
    assert prefs["contribution_answered"] == prefs["result_progressed"] == "weekly"
    assert prefs["news_for_you"] == "weekly"


def test_open_redirect_refused(client):
    user = UserFactory()
    notification = _notify(user)
    client.force_login(user)
    response = client.post(
        f"/me/notifications/{notification.pk}/lue/", {"next": "https://evil.example/"}
    )
    assert response["Location"] == "/me/notifications/"


def test_api_list_and_read(client):
    user, other = UserFactory(), UserFactory()
    mine = [_notify(user, f"t{i}") for i in range(3)]
    theirs = _notify(other, "x")
    assert client.get(f"{API}/me/notifications").status_code == 401
    body = client.get(f"{API}/me/notifications", **auth(user)).json()
    assert body["count"] == 3
    assert body["items"][0]["title"] == "t2"
    response = client.post(
        f"{API}/me/notifications/read", {"ids": [mine[0].pk, theirs.pk]},
        content_type="application/json", **auth(user),
    )  # fmt: skip
    assert response.json() == {"marked": 1, "unread": 2}
    theirs.refresh_from_db()
    assert theirs.read_at is None
    body = client.get(f"{API}/me/notifications?unread=true", **auth(user)).json()
    assert body["count"] == 2
    response = client.post(
        f"{API}/me/notifications/read", {"all": True}, content_type="application/json",
        **auth(user),
    )  # fmt: skip
    assert response.json() == {"marked": 2, "unread": 0}


def test_retried_delivery_tells_once():
    """A task that runs twice (a retry) writes one notification and sends one email."""
    user = UserFactory()
    for _attempt in range(2):
        services.deliver(user=user, kind=KIND, key="event:1", title="Once")
    assert Notification.objects.filter(user=user).count() == 1
    assert len(mail.outbox) == 1
    services.deliver(user=UserFactory(), kind=KIND, key="event:1", title="Once")
    assert Notification.objects.count() == 2  # the key is per person


def test_page_groups_by_day(client):
    user = UserFactory()
    old = _notify(user, "Yesterday's news")
    Notification.objects.filter(pk=old.pk).update(created_at=old.created_at - timedelta(days=1))
    _notify(user, "Today's news")
    client.force_login(user)
    response = client.get("/me/notifications/")
    days = response.context["days"]
    assert [[n.text for n in group] for _day, group in days] == [
        ["Today's news"],
        ["Yesterday's news"],
    ]
    assert response.content.decode().count('class="notification-day"') == 2


def test_list_page_flat_queries(client):
    user = UserFactory()
    client.force_login(user)

    def grow(n):
        while Notification.objects.filter(user=user).count() < n:
            services.notify(user=user, kind=KIND, title="t", email=False)

    assert_flat_queries(client, "/me/notifications/", grow)


def test_api_preferences(client):
    user = UserFactory()
    assert client.get(f"{API}/me/notification-preferences").status_code == 401
    body = client.get(f"{API}/me/notification-preferences", **auth(user)).json()
    assert body["message"] == "immediately" and body["contribution_answered"] == "weekly"
    response = client.put(
        f"{API}/me/notification-preferences", {"*": "never", "message": "daily"},
        content_type="application/json", **auth(user),
    )  # fmt: skip
    assert response.status_code == 200
    assert set(response.json().values()) == {"never", "daily"}
    assert response.json()["message"] == "daily"
    for refused in ({"nope": "never"}, {"message": "hourly"}, {"*": "hourly"},
                    {"news_for_you": "immediately"}):  # fmt: skip
        response = client.put(
            f"{API}/me/notification-preferences", refused, content_type="application/json",
            **auth(user),
        )  # fmt: skip
        assert response.status_code == 400, refused
    assert selectors.preferences(user=user)["message"] == "daily"


def test_api_notifications_in_the_readers_language(client):
    user = UserFactory(language="en")
    services.notify(user=user, kind="event_cancelled", params={"title": "Balade"}, email=False)
    body = client.get(f"{API}/me/notifications", HTTP_ACCEPT_LANGUAGE="fr", **auth(user)).json()
    assert body["items"][0]["title"] == "Cancelled: Balade"
    assert body["items"][0]["body"] == "The event you registered for has been cancelled."
