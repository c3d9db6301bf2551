"""API tokens: the second factor, the shared lockout, expiry, listing, revoking, and death
with a password change. Each refusal here was an accepted request before."""

import time
from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.urls import reverse
from django.utils import timezone

from ensemble.accounts.models import ApiToken
from ensemble.accounts.tokens import api_token_create
from ensemble.testing.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
TOKEN = "/api/v1/auth/token"
TOKENS = "/api/v1/auth/tokens"


def sign_in(client, email, password=PASSWORD, ip="10.0.0.1", **extra):
    return client.post(
        TOKEN, {"email": email, "password": password, **extra},
        content_type="application/json", REMOTE_ADDR=ip,
    )  # fmt: skip


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def with_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def current_code(secret):
    """The code of this 30-second window, never one about to end (it would be refused when
    checked a moment later, in the next window: the server allows no drift)."""
    if 30 - time.time() % 30 < 3:
        time.sleep(3)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


# --- second factor ----------------------------------------------------------------------------


def test_an_account_with_a_second_factor_gets_no_token_with_its_password_alone(client):
    admin = UserFactory(email="admin@example.org", is_superuser=True)
    with_totp(admin)
    response = sign_in(client, admin.email)
    assert response.status_code == 400
    assert "code" in response.json()["errors"]
    assert not ApiToken.objects.exists()


def test_a_wrong_second_factor_code_gets_no_token(client):
    admin = UserFactory(email="admin@example.org")
    with_totp(admin)
    response = sign_in(client, admin.email, code="000000")
    assert response.status_code == 400
    assert "code" in response.json()["errors"]
    assert not ApiToken.objects.exists()


def test_the_right_second_factor_code_gets_a_token(client):
    admin = UserFactory(email="admin@example.org")
    secret = with_totp(admin)
    response = sign_in(client, admin.email, code=current_code(secret))
    assert response.status_code == 201, response.json()
    assert client.get("/api/v1/me", **bearer(response.json()["token"])).json()["id"] == admin.pk


def test_an_account_without_a_second_factor_needs_no_code(client):
    UserFactory(email="lea@example.org")
    assert sign_in(client, "lea@example.org").status_code == 201


# --- brute force: per account, shared with the web login --------------------------------------


def test_many_addresses_guessing_one_account_are_locked_out_per_account(client):
    UserFactory(email="lea@example.org")
    statuses = [
        sign_in(
            client, "lea@example.org", password=f"guess-{n}", ip=f"10.0.0.{n % 3 + 1}"
        ).status_code
        for n in range(30)
    ]
    assert 429 in statuses
    # The right password is refused too while the lockout holds, from a fresh address.
    response = sign_in(client, "lea@example.org", ip="10.9.9.9")
    assert response.status_code == 429
    assert not ApiToken.objects.exists()


def test_api_failures_lock_the_web_login_too(client):
    UserFactory(email="lea@example.org")
    for n in range(5):
        sign_in(client, "lea@example.org", password=f"guess-{n}", ip=f"10.0.1.{n}")
    response = client.post(
        reverse("account_login"), {"login": "lea@example.org", "password": PASSWORD},
        REMOTE_ADDR="10.7.7.7",
    )  # fmt: skip
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)


def test_web_login_failures_lock_the_token_endpoint_too(client):
    UserFactory(email="lea@example.org")
    for n in range(5):
        client.post(
            reverse("account_login"), {"login": "lea@example.org", "password": f"guess-{n}"},
            REMOTE_ADDR=f"10.0.2.{n}",
        )  # fmt: skip
    assert sign_in(client, "lea@example.org", ip="10.8.8.8").status_code == 429


# --- expiry and password changes --------------------------------------------------------------


def test_tokens_expire(client, settings):
    settings.ENSEMBLE_API_TOKEN_DAYS = 30
    user = UserFactory()
    key = api_token_create(user=user)
    token = ApiToken.objects.get()
    assert timedelta(days=29) < token.expires_at - timezone.now() <= timedelta(days=30)
    assert client.get("/api/v1/me", **bearer(key)).status_code == 200
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get("/api/v1/me", **bearer(key)).status_code == 401


def test_a_password_change_kills_every_token(client):
    user = UserFactory()
    key = api_token_create(user=user)
    user.set_password("another-long-passphrase")
    user.save()
    response = client.get("/api/v1/me", **bearer(key))
    assert response.status_code == 401
    assert response.json()["detail"]


def test_a_password_reset_through_the_web_kills_every_token(client):
    user = UserFactory(email="lea@example.org")
    key = api_token_create(user=user)
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": "brand-new-passphrase-42",
         "password2": "brand-new-passphrase-42"},
    )  # fmt: skip
    assert response.status_code == 302
    assert client.get("/api/v1/me", **bearer(key)).status_code == 401


# --- listing and revoking ---------------------------------------------------------------------


def test_tokens_are_listed_without_their_keys_and_revocable_by_id(client):
    user, other = UserFactory(), UserFactory()
    first = api_token_create(user=user, name="tableau de bord")
    second = api_token_create(user=user)
    api_token_create(user=other)
    listed = client.get(TOKENS, **bearer(second)).json()
    assert [t["name"] for t in listed] == ["", "tableau de bord"]
    assert [t["current"] for t in listed] == [True, False]
    assert first not in str(listed) and second not in str(listed)
    first_id = listed[1]["id"]
    assert client.delete(f"{TOKENS}/{first_id}", **bearer(second)).status_code == 204
    assert client.get("/api/v1/me", **bearer(first)).status_code == 401


def test_someone_elses_token_cannot_be_revoked(client):
    user, other = UserFactory(), UserFactory()
    api_token_create(user=other)
    theirs = ApiToken.objects.get()
    response = client.delete(f"{TOKENS}/{theirs.pk}", **bearer(api_token_create(user=user)))
    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=theirs.pk).exists()


def test_the_list_needs_an_account(client):
    assert client.get(TOKENS).status_code == 401


def test_the_profile_page_creates_lists_and_revokes_tokens(client):
    user = UserFactory()
    with_totp(user)  # the web session already passed the second factor
    client.force_login(user)
    page = client.post(reverse("accounts:tokens"), {"name": "script"})
    assert page.status_code == 200
    key = page.context["new_key"]
    assert key and key in page.content.decode()
    assert client.get("/api/v1/me", **bearer(key)).json()["id"] == user.pk
    listed = client.get(reverse("accounts:tokens"))
    assert key not in listed.content.decode()
    assert "script" in listed.content.decode()
    token = ApiToken.objects.get()
    response = client.post(reverse("accounts:token_revoke", kwargs={"pk": token.pk}))
    assert response.status_code == 302
    assert not ApiToken.objects.exists()


def test_the_profile_page_cannot_revoke_someone_elses_token(client):
    api_token_create(user=UserFactory())
    client.force_login(UserFactory())
    token = ApiToken.objects.get()
    client.post(reverse("accounts:token_revoke", kwargs={"pk": token.pk}))
    assert ApiToken.objects.filter(pk=token.pk).exists()
    assert client.get(reverse("accounts:token_revoke", kwargs={"pk": token.pk})).status_code == 405


def test_the_request_user_is_one_object_so_its_memos_are_shared(client, territory):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ensemble.accounts.models import User as UserModel
    from ensemble.testing.factories import member as make_member

    person = make_member(territory)
    client.force_login(person)
    response = client.get(territory.get_absolute_url())
    assert type(response.wsgi_request.user) is UserModel
    with CaptureQueriesContext(connection) as context:
        client.get(territory.get_absolute_url())
    memberships = [
        q
        for q in context.captured_queries
        if '"territories_membership"."role"' in q["sql"]
        and f'"territories_membership"."user_id" = {person.pk}' in q["sql"]
    ]
    assert len(memberships) <= 1, "the membership is read once per request"
