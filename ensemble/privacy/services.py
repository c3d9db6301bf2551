"""Writes of the person's rights over their data: the export of everything about them
and the erasure of their account. What each app holds comes from the personal data
registry (`ensemble.core.personal_data`), so apps added later are exported and erased too.
"""

import json
import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import logout
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.accounts.models import ApiToken, User
from ensemble.core.exceptions import Conflict, LimitReached
from ensemble.core.personal_data import registry
from ensemble.notifications.services import notify
from ensemble.search.indexing import unindex_object
from ensemble.territories.models import Membership
from ensemble.territories.selectors import network_get
from ensemble.territories.services import membership_leave

from .models import DataExport

ERASED_EMAIL_DOMAIN = "deleted.invalid"


class ExportGone(Conflict):
    """The link was already used or has expired."""


# --- Download my data ---------------------------------------------------------


def _link_lifetime() -> timedelta:
    return timedelta(hours=settings.ENSEMBLE_EXPORT_LINK_HOURS)


@transaction.atomic
def export_request(*, user: User) -> DataExport:
    """Ask for the archive; it is built by a task and the link sent in a notification.

    An archive still being prepared is answered as is (asking twice builds one archive);
    past ENSEMBLE_EXPORTS_PER_DAY archives in a day, LimitReached (429).
    """
    pending = DataExport.objects.pending().filter(user=user).first()
    if pending is not None:
        return pending
    day_ago = timezone.now() - timedelta(days=1)
    if DataExport.objects.filter(user=user, created_at__gt=day_ago).count() >= (
        settings.ENSEMBLE_EXPORTS_PER_DAY
    ):
        raise LimitReached(_("You asked for several archives today: try again tomorrow."))
    export = DataExport.objects.create(
        user=user, token_hash=DataExport.hash_token(secrets.token_urlsafe(32)),
        expires_at=timezone.now() + _link_lifetime(),
    )  # fmt: skip
    from .tasks import build_export

    transaction.on_commit(lambda: build_export.enqueue(export_id=export.pk))
    return export


def archive_for(user: User) -> dict:
    """Everything the platform holds about `user`, one section per registered entry."""
    return {
        "generated_at": timezone.now(),
        "network": network_get().name,
        "sections": {entry.key: entry.export(user) for entry in registry},
    }


@transaction.atomic
def export_build(*, export_id: int) -> str | None:
    """Build the archive of a pending export, give it a new link and tell its owner.

    Returns the link (also sent in the notification), None when nothing was pending.
    """
    export = (
        DataExport.objects.select_for_update().filter(pk=export_id).pending()
        .select_related("user").first()
    )  # fmt: skip
    if export is None or not export.user.is_active:
        return None
    token = secrets.token_urlsafe(32)
    export.archive = json.dumps(archive_for(export.user), cls=DjangoJSONEncoder, indent=1)
    export.token_hash = DataExport.hash_token(token)
    export.status = DataExport.Status.READY
    export.expires_at = timezone.now() + _link_lifetime()
    export.save()
    url = reverse("privacy:export_download", kwargs={"token": token})
    notify(
        user=export.user, kind="data_export_ready", url=url,
        params={"hours": settings.ENSEMBLE_EXPORT_LINK_HOURS}, key=f"export:{export.pk}",
    )  # fmt: skip
    return url


@transaction.atomic
def export_open(*, user: User, token: str) -> str:
    """The archive behind a link, once. Another person's link does not exist for this
    person (DoesNotExist, a 404); a used or expired one is refused (ExportGone)."""
    export = (
        DataExport.objects.select_for_update()
        .filter(token_hash=DataExport.hash_token(token), user=user)
        .exclude(status=DataExport.Status.PENDING)
        .get()
    )
    if export.status == DataExport.Status.USED or export.expires_at <= timezone.now():
        raise ExportGone(_("This link was already used or has expired: ask for a new archive."))
    archive = export.archive
    export.archive = ""
    export.status = DataExport.Status.USED
    export.used_at = timezone.now()
    export.save(update_fields=["archive", "status", "used_at"])
    return archive


# --- Delete my account ----------------------------------------------------------


@transaction.atomic
def account_erase(*, user: User, request=None) -> None:
    """Delete the account: personal data erased, what the person wrote for others kept
    from "deleted participant". Refused (ValidationError) when the person is the last
    administrator of a territory; nothing is changed then."""
    if user.erased_at is not None:
        return
    user = User.objects.select_for_update().get(pk=user.pk)
    for membership in Membership.objects.filter(user=user).select_related("territory"):
        membership_leave(user=user, territory=membership.territory)
    for entry in registry:
        if entry.erase is not None:
            entry.erase(user)
    _erase_account_rows(user)
    _anonymise(user)
    if request is not None and request.user.pk == user.pk:
        logout(request)


def _erase_account_rows(user: User) -> None:
    DataExport.objects.filter(user=user).delete()
    ApiToken.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    SocialAccount.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).update(object_repr=_("Deleted participant"), change_message="")
    unindex_object(user)


def _anonymise(user: User) -> None:
    if user.avatar:
        user.avatar.delete(save=False)
    user.interests.clear()
    user.groups.clear()
    user.user_permissions.clear()
    user.email = f"deleted-{user.pk}@{ERASED_EMAIL_DOMAIN}"
    user.display_name = ""
    user.bio = ""
    user.skills = []
    user.kind = User.Kind.OTHER
    user.kinds = []
    user.neighbourhood = None
    user.profile_visibility = User.Visibility.HIDDEN
    user.contactable = False
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    # A new unusable password changes the session hash: every session of the person ends.
    user.set_unusable_password()
    user.erased_at = timezone.now()
    user.save()


def account_erase_check(*, user: User, confirmation: str) -> None:
    """The confirmation typed on the deletion page must be the person's own address."""
    if confirmation.strip().lower() != user.email.lower():
        raise ValidationError({"confirmation": _("Type your email address to confirm.")})
