"""The consoles, the workbench, the audit log and the territory pages, checked with axe-core."""

import re

import pytest
from playwright.sync_api import expect

from ensemble.audit.services import record
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import TerritoryFactory, ThemeFactory, UserFactory, member

pytestmark = pytest.mark.browser


@pytest.fixture
def sceaux(transactional_db):
    territory = TerritoryFactory(name="Sceaux", slug="sceaux", is_template=True)
    ThemeFactory(territory=territory, name="Coulée verte")
    return territory


def test_a_network_admin_opens_a_territory(page, log_in, sceaux):
    log_in(UserFactory(is_superuser=True, is_staff=True))
    page.goto("/reseau/console/")
    assert_accessible(page)
    page.goto("/reseau/console/ouvrir/")
    assert_accessible(page)
    page.locator("#id_name").fill("Exampleville")
    page.locator("#id_slug").fill("exampleville")
    page.locator("#id_template").select_option("sceaux")
    page.locator("#id_first_admin_email").fill("maire@exampleville.fr")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/exampleville/console/$"))
    assert_accessible(page)


def test_a_territory_admin_runs_the_territory(page, log_in, sceaux):
    admin = member(sceaux, "admin", display_name="Alice Admin")
    record(
        actor=admin,
        action="territory.settings",
        territory=sceaux,
        target=sceaux,
        before={"name": "Sceaux"},
        after={"name": "Sceaux"},
    )
    log_in(admin)
    for path in (
        "/sceaux/console/",
        "/sceaux/console/organisations/",
        "/sceaux/console/consultations/",
        "/sceaux/console/services/",
        "/sceaux/console/pages/",
        "/sceaux/console/pages/accessibilite/",
        "/sceaux/console/journal/",
        "/sceaux/pages/accessibilite/",
        "/sceaux/pages/mentions-legales/",
    ):
        page.goto(path)
        assert_accessible(page)


def test_an_agent_works_through_the_queue(page, log_in, sceaux):
    agent = member(sceaux, "agent", display_name="Paul Agent")
    contribution = ContributionFactory(
        consultation=ConsultationFactory(territory=sceaux, phase="arbitration")
    )
    log_in(agent)
    page.goto("/sceaux/atelier-agents/")
    assert_accessible(page)
    page.get_by_role("link", name=contribution.title).click()
    expect(page).to_have_url(re.compile(rf"/contributions/{contribution.pk}/$"))
    assert_accessible(page)
    page.locator("#id_body").fill("À voir avec la voirie.")
    page.locator('form[action$="/notes/"] button[type=submit]').click()
    expect(page.locator(".messages")).to_be_visible()
    expect(page.get_by_text("À voir avec la voirie.")).to_be_visible()
    assert_accessible(page)
