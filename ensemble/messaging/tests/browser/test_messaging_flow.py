"""A person writes to another; the other sees the unread badge, reads and answers."""

import re

import pytest
from playwright.sync_api import expect

from ensemble.messaging.models import Conversation
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import TerritoryFactory, member

pytestmark = pytest.mark.browser


def test_send_a_message_and_the_other_reads_it(page, log_in, transactional_db):
    sceaux = TerritoryFactory(name="Sceaux", slug="sceaux")
    alice, bob = member(sceaux, display_name="Alice"), member(sceaux, display_name="Bob")

    log_in(alice)
    page.goto(f"/me/messages/nouveau/?to={bob.pk}")
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()  # nothing written
    expect(page.get_by_role("alert")).to_be_focused()
    assert_accessible(page)
    page.locator("#id_subject").fill("Une salle pour l’atelier")
    page.locator("#id_body").fill("Bonjour Bob, **merci** pour la salle !")
    page.locator("main form button[type=submit]").click()
    conversation = Conversation.objects.get()
    expect(page).to_have_url(re.compile(rf"/me/messages/{conversation.pk}/$"))
    expect(page.locator(".message__body strong")).to_have_text("merci")
    assert_accessible(page)

    log_in(bob)
    page.goto("/me/messages/")
    item = page.locator(".conversation-list__item", has_text="Une salle pour l’atelier")
    expect(item.locator(".badge")).to_contain_text("1")
    assert_accessible(page)
    item.locator("a").click()
    expect(page.locator(".message__meta strong").first).to_have_text("Alice")
    expect(page.locator("time").first).to_be_visible()
    assert_accessible(page)
    page.locator("#id_body").fill("Avec plaisir, Alice.")
    page.locator("#reply button[type=submit]").click()
    expect(page.locator(".message--mine .message__body")).to_contain_text("Avec plaisir")
    assert_accessible(page)
    page.goto("/me/messages/")
    expect(page.locator(".conversation-list__item .badge")).to_have_count(0)
    assert_accessible(page)
