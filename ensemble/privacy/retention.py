"""How long personal data is kept: the retention periods, read from the settings, and the
purge a periodic task runs. The privacy information page shows the same periods."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from ensemble.accounts.models import User
from ensemble.notifications.models import Notification

from .models import DataExport


def periods() -> dict[str, int]:
    """Days each kind of data is kept, for the purge and the information page."""
    return {
        "unconfirmed_accounts": settings.ENSEMBLE_RETENTION_UNCONFIRMED_ACCOUNT_DAYS,
        "read_notifications": settings.ENSEMBLE_RETENTION_READ_NOTIFICATION_DAYS,
        "notifications": settings.ENSEMBLE_RETENTION_NOTIFICATION_DAYS,
    }


def unconfirmed_accounts(*, now=None):
    """Accounts whose address was never confirmed and that never did anything since:
    created long ago, never signed in again. Deleted outright (nothing to keep)."""
    limit = (now or timezone.now()) - timedelta(days=periods()["unconfirmed_accounts"])
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    return (
        User.objects.filter(date_joined__lt=limit, is_superuser=False, erased_at__isnull=True)
        .exclude(Exists(verified))
        .exclude(last_login__gt=limit)
    )


@transaction.atomic
def purge_all(*, now=None) -> dict[str, int]:
    now = now or timezone.now()
    days = periods()
    exports, _ = DataExport.objects.expired(now=now).delete()
    read, _ = Notification.objects.filter(
        read_at__isnull=False, created_at__lt=now - timedelta(days=days["read_notifications"])
    ).delete()
    old, _ = Notification.objects.filter(
        created_at__lt=now - timedelta(days=days["notifications"])
    ).delete()
    accounts = 0
    for user in unconfirmed_accounts(now=now):
        try:
            with transaction.atomic():
                _delete_unused_account(user)
        except ValidationError:  # the last administrator of a territory stays
            continue
        accounts += 1
    return {
        "expired_exports": exports, "notifications": read + old, "unconfirmed_accounts": accounts
    }  # fmt: skip


def _delete_unused_account(user: User) -> None:
    """An account that never confirmed its address: erased like any other (its rows of
    other apps are handled by their erasers), then the row itself goes."""
    from .services import account_erase

    account_erase(user=user)
    user.delete()
