"""A member starts a project, adds a need, publishes it and finds it in the directory."""

import re

import pytest
from playwright.sync_api import expect

from ensemble.projects.models import Project
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import (
    NeighbourhoodFactory,
    TerritoryFactory,
    ThemeFactory,
    member,
)

pytestmark = pytest.mark.browser


def test_member_publishes_a_project_with_a_need(page, log_in, transactional_db):
    sceaux = TerritoryFactory(name="Sceaux", slug="sceaux")
    NeighbourhoodFactory(territory=sceaux, name="Les Blagis", slug="les-blagis")
    ThemeFactory(name="Environnement", slug="environnement")
    log_in(member(sceaux))

    page.goto("/sceaux/projets/")
    assert_accessible(page)
    page.locator('main a[href="/sceaux/projets/nouveau/"]').click()
    assert_accessible(page)

    # Without a title: the error is announced, what was typed stays.
    page.locator("#id_summary").fill("Un potager au pied des immeubles")
    page.locator("main form button[name=draft]").click()
    expect(page.get_by_role("alert")).to_be_focused()
    expect(page.locator("#id_summary")).to_have_value("Un potager au pied des immeubles")
    assert_accessible(page)

    page.locator("#id_title").fill("Jardins partagés des Blagis")
    page.get_by_label("Environnement").check()
    page.locator("#id_neighbourhood").select_option(label="Les Blagis")
    page.locator("#id_description").fill("Nous cultivons **ensemble**.")
    page.locator("main form button[name=draft]").click()
    project = Project.objects.get()
    expect(page).to_have_url(re.compile(rf"/projets/{project.pk}/$"))
    assert_accessible(page)

    page.locator(f'main a[href="/sceaux/projets/{project.pk}/besoins/"]').click()
    assert_accessible(page)
    page.locator("#id_kind").select_option("volunteers")
    page.locator("#id_title").fill("Bénévoles pour l'arrosage")
    page.locator("#id_quantity").fill("4")
    page.locator("main form[aria-labelledby=form-title] button[type=submit]").click()
    expect(page.locator(".need__title")).to_have_text("Bénévoles pour l'arrosage")
    assert_accessible(page)

    page.goto(f"/sceaux/projets/{project.pk}/")
    assert_accessible(page)
    page.locator("main form[action$='/statut/'] button", has_text=re.compile("Publi")).click()
    expect(page.locator("main h1")).to_have_text("Jardins partagés des Blagis")
    assert_accessible(page)

    page.goto("/sceaux/projets/?open_needs_only=on&need_kind=volunteers")
    expect(page.locator(".project-card")).to_have_count(1)
    assert_accessible(page)
