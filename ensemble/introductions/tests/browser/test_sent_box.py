"""Issue 17: after asking for an introduction (or offering help), the person lands on the
"Sent" tab that shows the request; before, on "Received", which said nobody asked anything."""

import pytest
from playwright.sync_api import expect

from ensemble.actors.models import OrganisationMember
from ensemble.introductions.models import Introduction
from ensemble.matching.tests import helpers
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import TerritoryFactory, member

pytestmark = pytest.mark.browser


@pytest.fixture
def need(transactional_db):
    lille = TerritoryFactory(name="Lille", slug="lille")
    project = helpers.project(lille, title="Épicerie solidaire des Moulins")
    return helpers.need(project, kind="premises", title="Un local pour stocker les denrées")


def test_a_request_lands_on_the_sent_tab(page, log_in, need):
    carrier = need.project.memberships.get().user
    host = member(need.territory, display_name="Hélène")
    centre = helpers.organisation(need.territory, name="Centre social", members=[host])
    OrganisationMember.objects.filter(organisation=centre).update(
        role=OrganisationMember.Role.OWNER
    )
    log_in(carrier)
    page.goto(f"/me/mises-en-relation/demander/?need={need.pk}&organisation={centre.pk}")
    assert_accessible(page)
    page.locator("#id_message").fill("Auriez-vous un local libre le samedi matin ?")
    page.locator("main form button[type=submit]").click()
    assert_accessible(page)

    assert Introduction.objects.filter(need=need, to_organisation=centre).exists()
    expect(page).to_have_url(f"{page.url.split('/me/')[0]}/me/mises-en-relation/?box=sent")
    expect(page.locator("main")).to_contain_text("Centre social")
    expect(page.locator("main")).to_contain_text(need.title)


def test_an_offer_of_help_lands_on_the_sent_tab(page, log_in, need):
    neighbour = member(need.territory, display_name="Yanis")
    log_in(neighbour)
    page.goto(f"/me/mises-en-relation/aider/?need={need.pk}")
    assert_accessible(page)
    page.locator("#id_message").fill("J'ai un garage vide, il est à vous le samedi.")
    page.locator("main form button[type=submit]").click()
    assert_accessible(page)

    assert Introduction.objects.filter(need=need, requested_by=neighbour).exists()
    expect(page).to_have_url(f"{page.url.split('/me/')[0]}/me/mises-en-relation/?box=sent")
    expect(page.locator("main")).to_contain_text(need.title)
