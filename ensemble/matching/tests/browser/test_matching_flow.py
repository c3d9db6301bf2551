"""The team of a project opens "who could help" for a need, then an organisation's opportunities."""

import pytest
from playwright.sync_api import expect

from ensemble.actors.models import OrganisationMember
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import UserFactory

from .. import helpers
from ..test_selectors import STORE

pytestmark = pytest.mark.browser


def test_team_sees_candidates_and_organisation_sees_opportunities(
    page, log_in, transactional_db, world
):
    centre = helpers.organisation(
        world["territory"], name="Centre social des Moulins", neighbourhood=world["moulins"],
        is_verified=True, themes=[world["food"]], offers=[STORE],
    )  # fmt: skip
    log_in(world["project"].memberships.get().user)
    page.goto(f"/lille/projets/{world['project'].pk}/besoins/{world['need'].pk}/candidats/")
    first = page.locator("main .match-list > li").first
    expect(first.locator("h2")).to_contain_text("Centre social des Moulins")
    expect(first.locator(".match-reasons li").first).to_be_visible()
    expect(first.get_by_role("link", name="Centre social des Moulins", exact=True)).to_be_visible()
    ask = first.locator(
        f'a[href*="organisation={centre.pk}"][href*="/mises-en-relation/demander/"]'
    )
    expect(ask).to_be_visible()
    expect(ask).to_contain_text("Centre social des Moulins")
    assert_accessible(page)

    staff = UserFactory()
    OrganisationMember.objects.create(organisation=centre, user=staff)
    log_in(staff)
    page.goto(f"/lille/organisations/{centre.pk}/opportunites/")
    expect(page.locator("main .match-list h2").first).to_contain_text(world["need"].title)
    assert_accessible(page)
    page.goto("/lille/alertes/")
    assert_accessible(page)
