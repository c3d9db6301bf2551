"""A member registers an organisation with an offer and finds it in the directory."""

import re

import pytest
from playwright.sync_api import expect

from ensemble.actors.models import Organisation
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import NeighbourhoodFactory, TerritoryFactory, member

pytestmark = pytest.mark.browser


def test_member_creates_an_organisation_with_an_offer(page, log_in, transactional_db):
    sceaux = TerritoryFactory(name="Sceaux", slug="sceaux")
    NeighbourhoodFactory(territory=sceaux, name="Les Blagis", slug="les-blagis")
    log_in(member(sceaux))

    page.goto("/sceaux/organisations/")
    assert_accessible(page)
    page.locator('main a[href="/sceaux/organisations/nouvelle/"]').click()
    expect(page).to_have_url(re.compile(r"/organisations/nouvelle/$"))
    assert_accessible(page)

    # A first try without a name: the error is announced, what was typed stays.
    page.locator("#id_kind").select_option("association")
    page.locator("#id_summary").fill("Un jardin partagé aux Blagis")
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("alert")).to_be_focused()
    expect(page.locator("#id_summary")).to_have_value("Un jardin partagé aux Blagis")
    assert_accessible(page)

    page.locator("#id_name").fill("Les Jardiniers des Blagis")
    page.locator("#id_neighbourhood").select_option(label="Les Blagis")
    page.locator("#id_description").fill("Nous cultivons **ensemble**.")
    page.locator("main form button[type=submit]").click()
    organisation = Organisation.objects.get()
    expect(page).to_have_url(re.compile(rf"/organisations/{organisation.pk}/$"))
    expect(page.locator("main h1")).to_have_text("Les Jardiniers des Blagis")
    assert_accessible(page)

    page.locator(f'main a[href="/sceaux/organisations/{organisation.pk}/offres/"]').click()
    assert_accessible(page)
    page.locator("#id_kind").select_option("skills")
    page.locator("#id_title").fill("Conseils de jardinage")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#id_skill")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    page.locator("#id_skill").fill("jardinage")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main table")).to_contain_text("Conseils de jardinage")
    assert_accessible(page)

    page.goto("/sceaux/organisations/?offer_kind=skills")
    card = page.locator(".organisation-card", has_text="Les Jardiniers des Blagis")
    expect(card).to_be_visible()
    expect(card.locator(".tag--offer")).to_have_count(1)
    assert_accessible(page)
