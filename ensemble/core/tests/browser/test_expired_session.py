"""Issue 17: a form sent after the session expired showed Django's raw CSRF page and lost
the text. Now a page of the site says what happened, asks to log in again and shows what
was typed, ready to copy (never a password)."""

import pytest
from playwright.sync_api import expect

from ensemble.comments.models import Comment
from ensemble.projects.tests.factories import ProjectFactory
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import PASSWORD, TerritoryFactory, UserFactory, member

pytestmark = pytest.mark.browser

TEXT = "Un long commentaire <b>écrit</b> avec soin, que je ne veux pas perdre."


def test_an_expired_session_keeps_what_was_typed(page, log_in, browser_context, transactional_db):
    lille = TerritoryFactory(name="Lille", slug="lille")
    project = ProjectFactory(territory=lille, title="Repair café de Fives")
    resident = member(lille)
    log_in(resident)
    page.goto(project.get_absolute_url())
    assert_accessible(page)
    page.locator("form.comment-form textarea").fill(TEXT)

    browser_context.clear_cookies()  # the session and its token expired meanwhile
    page.locator("form.comment-form button[type=submit]").click()
    assert_accessible(page)

    assert not Comment.objects.exists()
    expect(page.locator("h1")).to_have_text("Votre session a expiré")
    expect(page.locator("main")).not_to_contain_text("CSRF")
    # What was typed, escaped, in a read-only field that can be copied.
    kept = page.locator("main .kept-text textarea")
    expect(kept).to_have_value(TEXT)
    expect(kept).to_have_attribute("readonly", "")
    expect(page.locator("main b")).to_have_count(0)
    login = page.get_by_role("link", name="Se reconnecter")
    assert login.get_attribute("href").startswith("/accounts/login/?next=/lille/")
    login.click()
    assert_accessible(page)
    expect(page.locator("#id_login")).to_be_visible()

    # Logged in again, the form has its draft back (kept in this browser); once the
    # comment is published, the draft is gone.
    log_in(resident)
    page.goto(project.get_absolute_url())
    assert_accessible(page)
    expect(page.locator("form.comment-form textarea")).to_have_value(TEXT)
    page.locator("form.comment-form button[type=submit]").click()
    assert_accessible(page)
    assert Comment.objects.get().body == TEXT
    page.goto(project.get_absolute_url())
    assert_accessible(page)
    expect(page.locator("form.comment-form textarea")).to_have_value("")


def test_a_password_is_never_shown_back(page, browser_context, transactional_db):
    person = UserFactory(email="ines@example.org")
    page.goto("/accounts/login/")
    assert_accessible(page)
    page.locator("#id_login").fill(person.email)
    page.locator("#id_password").fill(PASSWORD)
    browser_context.clear_cookies()
    page.locator("main form button[type=submit]").click()
    assert_accessible(page)
    expect(page.locator("h1")).to_have_text("Votre session a expiré")
    expect(page.locator("main .kept-text textarea")).to_have_value(person.email)
    assert PASSWORD not in page.content()
