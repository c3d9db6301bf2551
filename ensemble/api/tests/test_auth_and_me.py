import pytest

from ensemble.accounts.models import ApiToken
from ensemble.territories.roles import Role
from ensemble.testing.factories import PASSWORD, UserFactory, member

pytestmark = pytest.mark.django_db


def get_token(client, email, password=PASSWORD):
    return client.post(
        "/api/v1/auth/token",
        {"email": email, "password": password},
        content_type="application/json",
    )


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_token_flow(client, territory):
    user = member(territory, Role.AGENT, email="amina@example.org", display_name="Amina")
    response = get_token(client, "Amina@Example.org")
    assert response.status_code == 201
    token = response.json()["token"]
    me = client.get("/api/v1/me", **bearer(token))
    assert me.status_code == 200
    data = me.json()
    assert data["email"] == user.email and data["email_verified"] is True
    assert data["memberships"] == [
        {"territory": territory.slug, "territory_name": territory.name, "role": "agent"}
    ]
    assert client.delete("/api/v1/auth/token", **bearer(token)).status_code == 204
    assert client.get("/api/v1/me", **bearer(token)).status_code == 401


def test_token_is_stored_hashed(client):
    UserFactory(email="lea@example.org")
    token = get_token(client, "lea@example.org").json()["token"]
    stored = ApiToken.objects.get()
    assert token not in (stored.key_hash, stored.prefix)
    assert stored.key_hash == ApiToken.hash_key(token)


def test_wrong_password_is_400_with_detail(client):
    UserFactory(email="lea@example.org")
    response = get_token(client, "lea@example.org", "nope")
    assert response.status_code == 400
    assert response.json()["detail"]
    assert not ApiToken.objects.exists()


def test_missing_field_is_422_naming_the_field(client):
    response = client.post(
        "/api/v1/auth/token", {"email": "lea@example.org"}, content_type="application/json"
    )
    assert response.status_code == 422
    body = response.json()
    assert "password" in body["errors"] and body["detail"]


def test_malformed_json_is_a_4xx_not_a_500(client):
    response = client.post("/api/v1/auth/token", "{not json", content_type="application/json")
    assert 400 <= response.status_code < 500


def test_token_requests_are_rate_limited(client):
    UserFactory(email="lea@example.org")
    statuses = [get_token(client, "lea@example.org", f"bad-{i}").status_code for i in range(12)]
    assert statuses[-1] == 429
    assert get_token(client, "lea@example.org").status_code == 429


def test_me_requires_authentication(client):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["detail"]


def test_invalid_bearer_token_is_401(client):
    assert client.get("/api/v1/me", **bearer("made-up")).status_code == 401


def test_inactive_user_token_stops_working(client):
    user = UserFactory(email="lea@example.org")
    token = get_token(client, "lea@example.org").json()["token"]
    user.is_active = False
    user.save()
    assert client.get("/api/v1/me", **bearer(token)).status_code == 401


def test_session_auth_works_for_me(client):
    client.force_login(UserFactory())
    assert client.get("/api/v1/me").status_code == 200


def test_rate_limit_follows_the_trusted_proxy_address(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    UserFactory(email="lea@example.org")
    for attempt in range(11):
        get_token_from = client.post(
            "/api/v1/auth/token",
            {"email": "lea@example.org", "password": f"bad-{attempt}"},
            content_type="application/json",
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    assert get_token_from.status_code == 429
    # Another client behind the same proxy is not limited by the first one (on another
    # account: this one is locked out whatever the address, see accounts/tests/test_tokens.py).
    UserFactory(email="sam@example.org")
    other = client.post(
        "/api/v1/auth/token",
        {"email": "sam@example.org", "password": PASSWORD},
        content_type="application/json",
        HTTP_X_FORWARDED_FOR="198.51.100.9",
    )
    assert other.status_code == 201
