"""The need form shows the details of the chosen kind only: surface and schedule for premises,
an amount for funding, how many for volunteers."""

import pytest
from playwright.sync_api import expect

from ensemble.projects.models import Need
from ensemble.projects.tests.factories import ProjectFactory, owner_of
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import TerritoryFactory

pytestmark = pytest.mark.browser


def test_the_details_follow_the_kind_of_need(page, log_in, transactional_db):
    project = ProjectFactory(territory=TerritoryFactory(slug="sceaux"))
    log_in(owner_of(project))
    page.goto(f"/sceaux/projets/{project.pk}/besoins/")
    assert_accessible(page)
    kind = page.locator("#id_kind")

    kind.select_option("premises")
    expect(page.locator("#id_surface")).to_be_visible()
    expect(page.locator("#id_schedule")).to_be_visible()
    expect(page.locator("#id_amount")).to_be_hidden()
    expect(page.locator("#id_quantity")).to_be_hidden()

    kind.select_option("funding")
    expect(page.locator("#id_amount")).to_be_visible()
    expect(page.locator("#id_surface")).to_be_hidden()

    kind.select_option("volunteers")
    page.locator("#id_quantity").fill("4")
    kind.select_option("premises")  # what was typed for another kind is not sent
    page.locator("#id_title").fill("Une salle")
    page.locator("#id_surface").fill("30")
    page.locator("#id_schedule").fill("Le samedi matin")
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()  # back on the needs page, with its message
    assert_accessible(page)
    need = Need.objects.get()
    assert (need.kind, need.surface, need.schedule, need.quantity) == (
        "premises",
        30,
        "Le samedi matin",
        None,
    )
