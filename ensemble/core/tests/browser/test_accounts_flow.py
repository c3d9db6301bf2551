"""Sign up, log in and out, join a territory and fill in a profile, as a newcomer would."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from ensemble.accounts.models import User
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import PASSWORD, TerritoryFactory, UserFactory

pytestmark = pytest.mark.browser

LOGOUT_BUTTON = 'header form[action="/accounts/logout/"] button'
# Signed in: the header shows the account menu (log out is inside it).
ACCOUNT_MENU = "header .account-menu > summary"
LOGIN_LINK = 'header a[href="/accounts/login/"]'


@pytest.fixture
def sceaux(transactional_db):
    return TerritoryFactory(name="Sceaux", slug="sceaux")


def test_sign_up_join_and_fill_in_the_profile(page, sceaux):
    page.goto("/sceaux/")
    assert_accessible(page)
    page.locator('main a[href^="/accounts/signup/"]').click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/"))
    assert_accessible(page)

    # A first try with passwords that do not match: nothing typed is lost.
    page.locator("#id_display_name").fill("Camille D.")
    page.locator("#id_email").fill("camille@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD + "-typo")
    page.locator("main form button[type=submit]").click()

    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_be_visible()
    expect(summary.get_by_role("link")).not_to_have_count(0)
    expect(page.locator("#id_display_name")).to_have_value("Camille D.")
    expect(page.locator("#id_email")).to_have_value("camille@example.org")
    invalid = page.locator("main [aria-invalid=true]")
    expect(invalid).not_to_have_count(0)
    _assert_errors_are_described(page)
    assert_accessible(page)
    assert not User.objects.filter(email="camille@example.org").exists()

    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()

    # Signed in once the address is confirmed (sign-up never tells an address is known).
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    assert_accessible(page)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(link[link.index("/accounts/") :])
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/sceaux/$"))
    expect(page.locator(ACCOUNT_MENU)).to_be_visible()
    assert_accessible(page)
    assert User.objects.get(email="camille@example.org").display_name == "Camille D."

    page.get_by_role("button", name=re.compile(r"^(Join|Rejoindre) Sceaux")).click()
    expect(page.locator(".messages")).to_be_visible()
    expect(page.locator('main form[action="/sceaux/quitter/"]')).to_be_visible()
    assert_accessible(page)

    page.goto("/me/profile/")
    assert_accessible(page)
    expect(page.locator("main").get_by_role("link", name="Sceaux")).to_be_visible()
    page.locator("#id_bio").fill("Jardinière à Sceaux.")
    page.locator("#id_skills").fill("jardinage, comptabilité")
    page.locator("main form[enctype] button[type=submit]").click()

    expect(page.locator(".messages")).to_be_visible()
    expect(page.locator("#id_bio")).to_have_value("Jardinière à Sceaux.")
    assert_accessible(page)
    camille = User.objects.get(email="camille@example.org")
    assert camille.bio == "Jardinière à Sceaux."
    assert camille.skills == ["jardinage", "comptabilité"]


def _assert_errors_are_described(page):
    """Each invalid input names its error message through aria-describedby."""
    for input_ in page.locator("main [aria-invalid=true]").all():
        described_by = input_.get_attribute("aria-describedby") or ""
        texts = [page.locator(f"#{ref}").inner_text() for ref in described_by.split()]
        assert any(text.strip() for text in texts), input_.get_attribute("id")


def test_log_in_then_log_out(page, transactional_db):
    user = UserFactory(email="dominique@example.org", display_name="Dominique")

    page.goto("/")
    assert_accessible(page)
    page.locator(LOGIN_LINK).click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    assert_accessible(page)

    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill("not-the-password")
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("#id_login")).to_have_value(user.email)
    assert_accessible(page)

    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(ACCOUNT_MENU)).to_be_visible()
    assert_accessible(page)

    page.locator(ACCOUNT_MENU).click()
    page.locator(LOGOUT_BUTTON).click()
    expect(page.locator(LOGIN_LINK)).to_be_visible()
    expect(page.locator(LOGOUT_BUTTON)).to_have_count(0)
    assert_accessible(page)
