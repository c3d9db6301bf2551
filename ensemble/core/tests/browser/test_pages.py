"""What a newcomer sees and does with a browser, checked with axe-core on every page."""

import re

import pytest
from playwright.sync_api import expect

from ensemble.territories.models import Membership
from ensemble.territories.roles import Role
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import NeighbourhoodFactory, TerritoryFactory, member

pytestmark = pytest.mark.browser


@pytest.fixture
def sceaux(transactional_db):
    territory = TerritoryFactory(name="Sceaux", slug="sceaux")
    NeighbourhoodFactory(territory=territory, name="Les Blagis")
    return territory


def test_network_home_lists_the_territories(page, sceaux):
    page.goto("/")
    assert_accessible(page)

    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.get_by_role("link", name="Sceaux", exact=True).click()
    expect(page).to_have_url(re.compile(r"/sceaux/$"))
    assert_accessible(page)


def test_territory_home_invites_visitors_to_sign_up(page, sceaux):
    page.goto("/sceaux/")
    assert_accessible(page)

    expect(page.get_by_role("heading", level=1, name="Sceaux")).to_be_visible()
    expect(page.get_by_text("Les Blagis")).to_be_visible()
    expect(page.locator('main a[href^="/accounts/signup/?next=/sceaux/"]')).to_be_visible()
    expect(page.locator('main a[href^="/accounts/login/?next=/sceaux/"]')).to_be_visible()


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, sceaux):
    page.goto("/sceaux/")
    assert_accessible(page)

    page.keyboard.press("Tab")
    skip_link = page.locator("a.skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()


def test_language_switch_from_french_to_english(page, sceaux):
    page.goto("/accounts/login/")
    assert_accessible(page)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    heading = page.get_by_role("heading", level=1)
    expect(heading).not_to_have_text("Sign In")

    switch = page.locator("form.language-switch")
    switch.get_by_role("combobox").select_option("en")
    switch.get_by_role("button").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(heading).to_have_text("Sign In")
    assert_accessible(page)


def test_console_for_a_territory_admin(page, log_in, sceaux):
    admin = member(sceaux, Role.ADMIN, display_name="Alice Admin")
    resident = member(sceaux, display_name="Bruno Habitant")
    log_in(admin)

    page.goto("/sceaux/")
    assert_accessible(page)
    page.locator('main a[href="/sceaux/console/"]').click()
    expect(page).to_have_url(re.compile(r"/sceaux/console/$"))
    assert_accessible(page)

    page.locator("#id_kind").fill("Commune")
    page.locator("form:has(#id_kind) button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    expect(page.locator("#id_kind")).to_have_value("Commune")
    assert_accessible(page)

    neighbourhood_form = page.locator('form[action="/sceaux/console/quartiers/"]')
    neighbourhood_form.get_by_role("button").click()
    expect(neighbourhood_form.get_by_role("alert")).to_be_focused()
    expect(page.locator("#id_neighbourhood-name")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    page.locator('main a[href="/sceaux/console/membres/"]').click()
    expect(page).to_have_url(re.compile(r"/sceaux/console/membres/$"))
    assert_accessible(page)

    row = page.get_by_role("row", name=re.compile("Bruno Habitant"))
    row.get_by_role("combobox").select_option(Role.MODERATOR.value)
    row.get_by_role("button").first.click()
    expect(page.locator(".messages")).to_be_visible()
    assert_accessible(page)
    assert Membership.objects.get(user=resident, territory=sceaux).role == Role.MODERATOR


def test_console_is_refused_to_a_plain_member(page, log_in, sceaux):
    log_in(member(sceaux))

    response = page.goto("/sceaux/console/")
    assert response.status == 403
    assert_accessible(page)
    expect(page.locator("main h1")).to_be_visible()
    page.locator('main a[href="/sceaux/"]').click()
    expect(page).to_have_url(re.compile(r"/sceaux/$"))
    assert_accessible(page)


def test_unknown_page_keeps_the_site_layout(page, sceaux):
    response = page.goto("/sceaux/nothing-here/")
    assert response.status == 404
    assert_accessible(page)
    expect(page.locator("main h1")).to_be_visible()
    expect(page.locator("header nav")).to_be_visible()
