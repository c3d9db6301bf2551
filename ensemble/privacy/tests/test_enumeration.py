"""Sign-up and password reset answer the same for a known and an unknown address; only
the email, sent to the address itself, tells the truth."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from ensemble.accounts.models import User
from ensemble.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

KNOWN, UNKNOWN = "connue@example.org", "inconnue@example.org"


def _same(first, second) -> None:
    """Same status, same redirect, same page once the CSRF token and the address typed
    (repeated to the person: "an email was sent to …") are set aside."""
    assert first.status_code == second.status_code
    assert first.get("Location") == second.get("Location")

    def page(response, email) -> str:
        text = response.content.decode().replace(email, "ADDRESS")
        return re.sub(r'value="[^"]{30,}"', "", text)

    assert page(first, KNOWN) == page(second, UNKNOWN)


def _signup(client, email):
    return client.post(reverse("account_signup"), {
        "display_name": "Camille", "email": email,
        "password1": "un-jardin-partage-42", "password2": "un-jardin-partage-42",
    }, follow=True)  # fmt: skip


def test_sign_up_answers_the_same(client, settings):
    UserFactory(email=KNOWN)
    known = _signup(client, KNOWN)
    client.logout()
    unknown = _signup(client, UNKNOWN)
    assert known.redirect_chain == unknown.redirect_chain
    _same(known, unknown)
    assert not known.wsgi_request.user.is_authenticated
    assert User.objects.filter(email=KNOWN).count() == 1  # nothing created for the known one
    bodies = {message.to[0]: message.body.lower() for message in mail.outbox}
    assert "already" in bodies[KNOWN] or "déjà" in bodies[KNOWN]
    assert "already" not in bodies[UNKNOWN] and "déjà" not in bodies[UNKNOWN]


def _reset(client, email):
    return client.post(reverse("account_reset_password"), {"email": email}, follow=True)


def test_password_reset_answers_the_same(client):
    UserFactory(email=KNOWN)
    known = _reset(client, KNOWN)
    unknown = _reset(client, UNKNOWN)
    assert known.redirect_chain == unknown.redirect_chain
    _same(known, unknown)
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "/accounts/password/reset/key/" in bodies[KNOWN]
    assert "/accounts/password/reset/key/" not in bodies[UNKNOWN]


def test_a_deleted_account_is_unknown_to_password_reset(client):
    from ensemble.privacy.services import account_erase

    person = UserFactory(email=KNOWN)
    account_erase(user=person)
    _reset(client, KNOWN)
    assert "/accounts/password/reset/key/" not in mail.outbox[-1].body
