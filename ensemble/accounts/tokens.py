"""Personal API tokens: made after the second factor, listed, revoked, mortal.

* `POST /api/v1/auth/token` signs in with email and password through allauth, so the
  web login's lockout (`ACCOUNT_RATE_LIMITS["login_failed"]`: per address *and* per
  account) counts the API's failures and the web's together. An account with a second
  factor must send its `code` (authenticator app or recovery code).
* A token expires after `ENSEMBLE_API_TOKEN_DAYS` days, and dies with a password
  change or reset, whatever path changes the password: it is sealed with the owner's
  session hash, which changes with the password (`api_token_authenticate`).
* Its owner lists and revokes their tokens on the profile page and in the API.
"""

import secrets
from datetime import timedelta

from allauth.account.adapter import get_adapter
from allauth.core import context
from allauth.mfa.base.forms import BaseAuthenticateForm
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from ensemble.core.exceptions import LimitReached

from .models import ApiToken, User

LAST_USED_PRECISION = timedelta(minutes=5)


def has_second_factor(user: User) -> bool:
    return (
        Authenticator.objects.filter(user=user).exclude(type=Authenticator.Type.WEBAUTHN).exists()
    )


def _check_second_factor(request, user: User, code: str | None) -> None:
    if not has_second_factor(user):
        return
    if not code:
        raise ValidationError(
            {"code": _("This account has two-factor authentication: send the code of your "
                       "authenticator app (or a recovery code) as `code`.")}
        )  # fmt: skip
    with context.request_context(request):
        form = BaseAuthenticateForm(data={"code": code}, user=user)
        if not form.is_valid():
            raise ValidationError({"code": form.errors.get("code", [_("Incorrect code.")])})


def api_token_sign_in(*, request, email: str, password: str, code: str | None) -> User:
    """The account behind these credentials (and second factor), or a ValidationError.

    Failures count in the same per-address and per-account limits as the web login."""
    adapter = get_adapter(request)
    try:
        with context.request_context(request):
            user = adapter.authenticate(request, email=email.lower(), password=password)
    except ValidationError:
        raise LimitReached(
            _("Too many failed sign-in attempts on this account; try again later.")
        ) from None
    if user is None or not user.is_active:
        raise ValidationError(_("Wrong email or password."))
    _check_second_factor(request, user, code)
    return user


def api_token_create(*, user: User, name: str = "") -> str:
    """Create a token and return its key, shown once and never stored in clear."""
    key = secrets.token_urlsafe(32)
    ApiToken.objects.create(
        user=user, key_hash=ApiToken.hash_key(key), prefix=key[:8], name=name.strip()[:60],
        expires_at=timezone.now() + timedelta(days=settings.ENSEMBLE_API_TOKEN_DAYS),
        password_seal=user.get_session_auth_hash(),
    )  # fmt: skip
    return key


def _live(tokens, user: User):
    return [
        token for token in tokens
        if token.expires_at and token.expires_at > timezone.now()
        and constant_time_compare(token.password_seal, user.get_session_auth_hash())
    ]  # fmt: skip


def api_token_list(*, user: User) -> list[ApiToken]:
    """The person's live tokens, newest first; dead ones are deleted on the way."""
    tokens = list(ApiToken.objects.filter(user=user).order_by("-created_at", "-pk"))
    live = _live(tokens, user)
    dead = {token.pk for token in tokens} - {token.pk for token in live}
    if dead:
        ApiToken.objects.filter(pk__in=dead).delete()
    return live


def api_token_revoke(*, key: str) -> bool:
    deleted, _details = ApiToken.objects.filter(key_hash=ApiToken.hash_key(key)).delete()
    return deleted > 0


def api_token_revoke_by_id(*, user: User, pk: int) -> bool:
    """Revoke one of the person's own tokens (someone else's is unknown: False)."""
    deleted, _details = ApiToken.objects.filter(user=user, pk=pk).delete()
    return deleted > 0


def api_token_authenticate(*, key: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=ApiToken.hash_key(key), user__is_active=True)
        .first()
    )
    if token is None or not _live([token], token.user):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.user.api_token_id = token.pk
    return token.user
