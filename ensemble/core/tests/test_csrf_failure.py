"""`CSRF_FAILURE_VIEW`: a form sent after the session expired keeps what was typed,
escaped, without passwords or tokens (issue 17)."""

import pytest
from django.test import Client
from django.urls import reverse

from ensemble.core.views import KEPT_VALUE_MAX, kept_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")


def test_the_refusal_is_a_page_of_the_site_that_keeps_the_text(client):
    response = client.post(
        reverse("account_login"),
        {"login": "ines@example.org", "password": "hunter2-secret", "remember": "on",
         "csrfmiddlewaretoken": "stale", "body": "<script>alert(1)</script> mon texte"},
    )  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 403
    assert "Your session has expired" in html and "CSRF verification failed" not in html
    assert "ines@example.org" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; mon texte" in html
    assert "<script>alert(1)" not in html
    assert "hunter2-secret" not in html and "stale" not in html
    assert "Log in again" in html


def test_kept_fields_leave_secrets_out_and_are_bounded():
    from django.http import QueryDict

    post = QueryDict(mutable=True)
    post.setlist("tags", ["a", "b", " "])
    post["password1"] = "x"
    post["otp_code"] = "123456"
    post["api_token"] = "t"
    post["empty"] = "   "
    post["body"] = "y" * (KEPT_VALUE_MAX + 10)
    kept = dict(kept_fields(post))
    assert kept["tags"] == "a\nb"
    assert set(kept) == {"tags", "body"}
    assert len(kept["body"]) == KEPT_VALUE_MAX
