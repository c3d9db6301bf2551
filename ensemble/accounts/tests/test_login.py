import pytest
from django.urls import reverse

from ensemble.testing.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")


def test_login_with_email(client):
    UserFactory(email="lea@example.org")
    response = client.post(LOGIN, {"login": "lea@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile_edit")).status_code == 200


def test_wrong_password_is_refused(client):
    UserFactory(email="lea@example.org")
    response = client.post(LOGIN, {"login": "lea@example.org", "password": "nope-nope-nope"})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_login_is_rate_limited_after_repeated_failures(client):
    UserFactory(email="lea@example.org")
    for attempt in range(5):
        client.post(LOGIN, {"login": "lea@example.org", "password": f"wrong-{attempt}"})
    # Even the right password is refused while the limit holds.
    response = client.post(LOGIN, {"login": "lea@example.org", "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    if response.status_code == 200:
        assert response.context["form"].errors


def test_logout_needs_a_post(client):
    client.force_login(UserFactory())
    client.get(reverse("account_logout"))
    assert "_auth_user_id" in client.session
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session
