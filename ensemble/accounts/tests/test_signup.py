import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from ensemble.accounts import services
from ensemble.accounts.models import User
from ensemble.testing.factories import UserFactory
from ensemble.testing.images import not_an_image, oversized_upload, png_upload

pytestmark = pytest.mark.django_db

SIGNUP = reverse("account_signup")


def form(**overrides):
    data = {
        "display_name": "Camille D.",
        "email": "camille@example.org",
        "password1": "un-jardin-partage-42",
        "password2": "un-jardin-partage-42",
    }
    data.update(overrides)
    return data


def assert_refused(response, field: str):
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert not User.objects.exists()
    assert not EmailAddress.objects.exists()
    body = response.content.decode()
    assert 'id="error-summary"' in body
    assert "Camille D." in body  # what was typed is kept


def test_bad_email_is_refused(client):
    assert_refused(client.post(SIGNUP, form(email="camille@")), "email")


def test_short_password_is_refused(client):
    assert_refused(client.post(SIGNUP, form(password1="court", password2="court")), "password1")


def test_mismatched_passwords_are_refused(client):
    assert_refused(client.post(SIGNUP, form(password2="autre-chose-encore")), "password2")


def test_missing_display_name_is_refused(client):
    response = client.post(SIGNUP, form(display_name=""))
    assert "display_name" in response.context["form"].errors
    assert not User.objects.exists()


def test_existing_email_creates_nothing_and_the_page_does_not_tell(client):
    """The email says "you already have an account" (ensemble/privacy/tests/test_enumeration)."""
    UserFactory(email="camille@example.org")
    response = client.post(SIGNUP, form(email="Camille@Example.org"))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.count() == 1


def test_oversized_avatar_is_refused_and_nothing_is_created(client):
    assert_refused(client.post(SIGNUP, {**form(), "avatar": oversized_upload()}), "avatar")


def test_file_that_is_not_an_image_is_refused(client):
    assert_refused(client.post(SIGNUP, {**form(), "avatar": not_an_image()}), "avatar")


def test_signup_creates_an_unverified_account_and_sends_the_email_through_a_task(client):
    response = client.post(SIGNUP, {**form(), "avatar": png_upload()})
    assert response.status_code == 302
    user = User.objects.get(email="camille@example.org")
    assert user.display_name == "Camille D."
    assert user.avatar.name.endswith(".webp")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["camille@example.org"]


def test_email_confirmation_link_verifies_the_address(client):
    client.post(SIGNUP, form())
    body = mail.outbox[0].body
    link = next(word for word in body.split() if "/accounts/confirm-email/" in word)
    path = link[link.index("/accounts/") :]
    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="camille@example.org").verified


def test_signup_complete_names_the_account_and_reindexes_it_in_the_service(monkeypatch):
    indexed = []
    monkeypatch.setattr(services, "index_object", indexed.append)
    user = UserFactory(display_name="")
    services.user_signup_complete(user=user, display_name="Camille D.")
    user.refresh_from_db()
    assert user.display_name == "Camille D." and not user.avatar
    assert indexed == [user]
