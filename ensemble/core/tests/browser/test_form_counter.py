"""The live character counter of limited fields: counts, warns, never cuts a paste."""

import pytest
from playwright.sync_api import expect

from ensemble.projects.models import Project
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import TerritoryFactory, member

pytestmark = pytest.mark.browser


@pytest.fixture
def sceaux(transactional_db):
    return TerritoryFactory(name="Sceaux", slug="sceaux")


def test_the_counter_follows_typing_warns_and_says_when_a_paste_is_too_long(page, log_in, sceaux):
    log_in(member(sceaux))
    page.goto("/sceaux/projets/nouveau/")
    assert_accessible(page)
    title = page.locator("#id_title")
    counter = page.locator("#id_title_counter")
    expect(counter).to_have_text("0 / 150 caractères")
    assert "id_title_counter" in title.get_attribute("aria-describedby")
    assert title.get_attribute("maxlength") is None  # the browser would cut a paste silently

    title.fill("Jardin")
    expect(counter).to_have_text("6 / 150 caractères")
    title.fill("x" * 140)
    expect(counter).to_have_class("char-counter char-counter--near")
    expect(page.locator("#id_title_announce")).to_have_text("10 caractères restants.")

    title.fill("")
    title.focus()
    page.evaluate(
        """() => {
            const data = new DataTransfer();
            data.setData("text/plain", "y".repeat(160));
            document.getElementById("id_title").dispatchEvent(
                new ClipboardEvent("paste", {clipboardData: data, bubbles: true}));
        }"""
    )
    page.keyboard.insert_text("y" * 160)
    expect(title).to_have_value("y" * 160)  # nothing cut
    expect(counter).to_have_text("160 / 150 caractères")
    expect(counter).to_have_class("char-counter char-counter--over")
    expect(page.locator("#id_title_announce")).to_contain_text("10 de plus")
    assert_accessible(page)

    page.locator("#id_summary").fill("Un jardin")
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator(".error-summary")).to_contain_text("150")
    expect(page.locator("#id_title")).to_have_value("y" * 160)  # kept, refused, named
    assert_accessible(page)
    assert not Project.objects.exists()
