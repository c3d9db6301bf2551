"""`GET /me/export` and `DELETE /me`. They extend the accounts router, which owns `/me`
(one path, one router: GET /me stays in accounts)."""

from django.utils.translation import gettext as _
from ninja import Status

from ensemble.accounts.api import router
from ensemble.core.api.auth import authenticated
from ensemble.core.api.schemas import responses

from . import services
from .schemas import AccountDeleteIn, ExportOut


@router.get("/me/export", response=responses(ExportOut, 202), auth=authenticated)
def me_export(request):
    """Start building the archive of everything about me (once while one is being
    prepared); the single-use link comes in a notification and by email."""
    export = services.export_request(user=request.user)
    export.refresh_from_db()
    return Status(202, {
        "status": export.status, "requested_at": export.created_at,
        "detail": _("The link to your archive is sent in a notification and by email; it works "
                    "once, signed in, before it expires."),
    })  # fmt: skip


@router.delete("/me", response=responses(None, 204), auth=authenticated)
def me_delete(request, payload: AccountDeleteIn):
    """Delete my account: personal data erased, sessions and tokens revoked; what I wrote
    for others stays, from "deleted participant"."""
    services.account_erase_check(user=request.user, confirmation=payload.confirmation)
    services.account_erase(user=request.user, request=request)
    return Status(204, None)
