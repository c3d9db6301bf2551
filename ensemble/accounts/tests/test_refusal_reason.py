"""A refusal for want of a confirmed address says so, on pages and in the API (issue 17);
any other refusal stays a plain refusal."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from ensemble.core.access import require
from ensemble.testing.factories import TerritoryFactory, UserFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def lille():
    return TerritoryFactory(name="Lille", slug="lille")


def test_the_refusal_says_to_confirm_the_address(lille):
    newcomer = member(lille, verified=False)
    with translation.override("en"), pytest.raises(PermissionDenied) as refusal:
        require(newcomer, "projects.add_project", lille)
    assert "Confirm your email address" in str(refusal.value)
    # Asking did not confirm anything.
    assert not newcomer.has_perm("projects.add_project", lille)


def test_other_refusals_say_nothing_more(lille):
    # Not a member: confirming would not be enough.
    outsider = UserFactory(verified=False)
    with pytest.raises(PermissionDenied) as refusal:
        require(outsider, "projects.add_project", lille)
    assert str(refusal.value) == ""
    with pytest.raises(PermissionDenied) as refusal:
        require(UserFactory(), "projects.add_project", lille)
    assert str(refusal.value) == ""


def test_the_page_and_the_api_say_it(client, lille):
    newcomer = member(lille, verified=False)
    client.force_login(newcomer)
    page = client.get("/lille/projets/nouveau/", HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert page.status_code == 403
    assert "Confirm your email address first" in html
    assert "ask an administrator" not in html and 'name="action_send"' in html
    response = client.post(
        "/api/v1/territories/lille/projects", {"title": "T", "summary": "S"},
        content_type="application/json", HTTP_ACCEPT_LANGUAGE="en",
    )  # fmt: skip
    assert response.status_code == 403
    assert "Confirm your email address" in response.json()["detail"]


def test_the_home_does_not_offer_what_would_be_refused(client, lille):
    client.force_login(member(lille, verified=False))
    html = client.get("/lille/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'href="/lille/projets/nouveau/"' not in html
    assert "To start a project, confirm your email address first." in html
