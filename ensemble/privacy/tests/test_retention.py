"""Retention: unconfirmed accounts, expired exports and old notifications are purged by the
periodic task; the privacy page says the same periods, read from the settings."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from ensemble.accounts.models import User
from ensemble.notifications.models import Notification
from ensemble.notifications.services import notify
from ensemble.privacy import retention
from ensemble.privacy.models import DataExport
from ensemble.privacy.tasks import purge_expired_data
from ensemble.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def _aged(model, pk, **dates):
    model.objects.filter(pk=pk).update(**dates)


def test_unconfirmed_accounts_are_deleted_after_the_period(settings):
    settings.ENSEMBLE_RETENTION_UNCONFIRMED_ACCOUNT_DAYS = 30
    long_ago = timezone.now() - timedelta(days=31)
    stale = UserFactory(verified=False)
    fresh = UserFactory(verified=False)
    confirmed = UserFactory()
    used = UserFactory(verified=False)
    admin = UserFactory(verified=False, is_superuser=True)
    for person in (stale, confirmed, used, admin):
        _aged(User, person.pk, date_joined=long_ago)
    _aged(User, used.pk, last_login=timezone.now() - timedelta(days=2))
    counts = purge_expired_data.enqueue().return_value
    assert counts["unconfirmed_accounts"] == 1
    assert not User.objects.filter(pk=stale.pk).exists()
    assert User.objects.filter(pk__in=[fresh.pk, confirmed.pk, used.pk, admin.pk]).count() == 4


def test_expired_exports_are_deleted():
    person = UserFactory()
    now = timezone.now()
    gone = DataExport.objects.create(user=person, token_hash="a" * 64, archive="{}",
                                     expires_at=now - timedelta(minutes=1))  # fmt: skip
    kept = DataExport.objects.create(user=person, token_hash="b" * 64, archive="{}",
                                     expires_at=now + timedelta(hours=1))  # fmt: skip
    retention.purge_all()
    assert list(DataExport.objects.values_list("pk", flat=True)) == [kept.pk]
    assert gone.pk != kept.pk


def test_old_notifications_are_deleted(settings):
    settings.ENSEMBLE_RETENTION_READ_NOTIFICATION_DAYS = 90
    settings.ENSEMBLE_RETENTION_NOTIFICATION_DAYS = 365
    person = UserFactory()
    now = timezone.now()

    def notice(*, age: int, read: bool):
        notify(user=person, kind="data_export_ready", title="x", email=False)
        item = Notification.objects.filter(user=person).latest("pk")  # written by the worker
        _aged(Notification, item.pk, created_at=now - timedelta(days=age),
              read_at=now if read else None)  # fmt: skip
        return item.pk

    read_old, unread_old = notice(age=91, read=True), notice(age=91, read=False)
    ancient, recent = notice(age=366, read=False), notice(age=10, read=True)
    call_command("purge_personal_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    remaining = set(Notification.objects.values_list("pk", flat=True))
    assert remaining == {unread_old, recent}
    assert read_old not in remaining and ancient not in remaining


def test_the_privacy_page_shows_the_periods_and_the_registry(client, settings):
    settings.ENSEMBLE_RETENTION_READ_NOTIFICATION_DAYS = 77
    html = client.get("/privacy/").content.decode()
    assert "77" in html
    for label in ("Event registrations", "Inscriptions aux événements"):
        if label in html:
            break
    else:
        raise AssertionError("the registry's entries are listed")


def test_no_map_tiles_from_a_third_party_by_default(client, settings):
    from django.conf import settings as live

    assert live.MAP_TILES_URL == "" and live.LEAFLET_CONFIG["TILES"] == []
    html = client.get("/privacy/").content.decode()
    assert "tile.openstreetmap.org" not in html
