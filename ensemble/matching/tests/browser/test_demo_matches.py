"""The demo's needs get sensible candidates: a premises need and "Mentors en ressources
humaines", as a team member sees them after `seed_demo` (which embeds the texts)."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from ensemble.accounts.models import User
from ensemble.matching.evaluation import vectors_load
from ensemble.projects.models import Need
from ensemble.testing.browser import assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(transactional_db):
    vectors_load()
    call_command("seed_demo", verbosity=0)


def _open(page, log_in, title: str):
    need = Need.objects.select_related("project__territory").get(
        title=title, territory__slug="sceaux"
    )
    owner = need.project.memberships.get(role="owner").user
    log_in(User.objects.get(pk=owner.pk))
    page.goto(f"/sceaux/projets/{need.project_id}/besoins/{need.pk}/candidats/")
    return need


def test_a_premises_need_gets_the_local_meeting_rooms_first(page, log_in, demo):
    _open(page, log_in, "Une salle pour les samedis d'hiver")
    first = page.locator("main .match-list > li").first
    expect(first.locator("h2")).to_contain_text("Maison des associations de Sceaux")
    expect(first.locator(".match-reasons li").first).to_contain_text("Salles de réunion")
    # Never a room from another territory while a local one fits.
    expect(page.locator("main .match-list")).not_to_contain_text("Guillotière")
    assert_accessible(page)


def test_hr_mentors_get_no_useless_candidate(page, log_in, demo):
    _open(page, log_in, "Mentors en ressources humaines")
    main = page.locator("main")
    # The counter-examples: a repair café, garden tools, a refrigerated lorry.
    for useless in ("Repair Café", "Outils de jardinage", "Camion frigorifique", "chantiers"):
        expect(main).not_to_contain_text(useless)
    items = page.locator("main .match-list > li")
    for i in range(items.count()):
        expect(items.nth(i).locator(".match-reasons li").first).to_be_visible()
    if items.count() == 0:
        expect(main).to_contain_text("Personne sur la plateforme")
    assert_accessible(page)
