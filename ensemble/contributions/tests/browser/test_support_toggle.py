"""Issue 17: the support button says whether you support, and withdrawing is what it says.

Before: it read "Je soutiens" in both states, and a second click withdrew silently."""

import pytest
from playwright.sync_api import expect

from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import Support
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing import browser
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import TerritoryFactory, member

pytestmark = pytest.mark.browser


@pytest.fixture
def contribution(transactional_db):
    territory = TerritoryFactory(name="Lille", slug="lille")
    return ContributionFactory(
        consultation=ConsultationFactory(territory=territory),
        title="Des bancs sur la place du marché",
    )


def _button(page, contribution):
    return page.locator(f"#support-{contribution.pk}-button")


def test_the_support_toggle_says_its_state(page, log_in, contribution):
    resident = member(contribution.territory)
    log_in(resident)
    page.goto(contribution.get_absolute_url())
    assert_accessible(page)
    expect(_button(page, contribution)).to_contain_text("Je soutiens")

    _button(page, contribution).click()
    expect(_button(page, contribution)).to_contain_text("Vous soutenez · retirer")
    assert Support.objects.filter(user=resident, contribution=contribution).exists()
    assert_accessible(page)

    # Reloaded, it still says so; pressing it withdraws, as it said.
    page.reload()
    assert_accessible(page)
    expect(_button(page, contribution)).to_contain_text("Vous soutenez · retirer")
    _button(page, contribution).click()
    expect(_button(page, contribution)).to_contain_text("Je soutiens")
    expect(_button(page, contribution)).not_to_contain_text("retirer")
    assert not Support.objects.filter(user=resident, contribution=contribution).exists()
    assert_accessible(page)


def test_the_support_toggle_works_without_javascript(chromium, live_server, contribution):
    resident = member(contribution.territory)
    context = chromium.new_context(
        base_url=live_server.url, locale="fr-FR", java_script_enabled=False
    )
    try:
        browser.log_in(context, resident, base_url=live_server.url)
        page = browser.new_page(context)
        page.goto(contribution.get_absolute_url())
        _button(page, contribution).click()
        page.wait_for_load_state("load")
        expect(_button(page, contribution)).to_contain_text("Vous soutenez · retirer")
        assert Support.objects.filter(user=resident, contribution=contribution).exists()
    finally:
        context.close()
