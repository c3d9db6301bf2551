"""Issue 3's story, as a newcomer lives it, in the browser.

A new member signs up, confirms the email address, joins Sceaux, creates an
organisation, publishes a project with three needs, then finds it in the
directory, on the map, in search and in the activity feed. Another member
follows it and sees its next news update in "my feed".
"""

import re

import pytest
from playwright.sync_api import expect

from ensemble.projects.models import Project
from ensemble.testing.browser import assert_accessible, confirm_last_email, sign_up
from ensemble.testing.factories import PASSWORD, TerritoryFactory, ThemeFactory, member

pytestmark = pytest.mark.browser

TITLE = "Atelier vélo solidaire des Blagis"


@pytest.fixture
def sceaux(transactional_db):
    ThemeFactory(name="Mobilités", slug="mobilites")
    return TerritoryFactory(
        name="Sceaux", slug="sceaux", map_latitude="48.7768", map_longitude="2.2903"
    )


def _offline(page, live_server):
    """Map tiles and anything else from the internet get an empty answer."""

    def handle(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            route.fulfill(status=204, body="")

    page.route("**/*", handle)


def _sign_up_and_confirm(page):
    sign_up(page, name="Nadia B.", email="nadia@example.org", password=PASSWORD)
    # Signed in once the address is confirmed (sign-up never tells an address is known).
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    assert_accessible(page)
    confirm_last_email(page)
    expect(page.locator("header .account-menu > summary")).to_be_visible()


def _join(page):
    page.goto("/sceaux/")
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(r"^(Join|Rejoindre) Sceaux")).click()
    expect(page.locator(".messages")).to_be_visible()
    assert_accessible(page)


def _create_organisation(page):
    page.goto("/sceaux/organisations/nouvelle/")
    assert_accessible(page)
    page.locator("#id_name").fill("Collectif Roue Libre")
    page.locator("#id_kind").select_option("collective")
    page.locator("#id_summary").fill("Réparer et partager des vélos à Sceaux.")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main h1")).to_have_text("Collectif Roue Libre")
    assert_accessible(page)


def _publish_project_with_three_needs(page) -> Project:
    page.goto("/sceaux/projets/nouveau/")
    assert_accessible(page)
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Un atelier où chacun apprend à réparer son vélo.")
    page.get_by_label("Mobilités").check()
    page.get_by_text("Coordonnées", exact=True).click()  # typed, not picked on the map
    page.locator("#id_latitude").fill("48.7712")
    page.locator("#id_longitude").fill("2.2951")
    page.locator("main form button[name=draft]").click()
    project = Project.objects.get(title=TITLE)
    expect(page).to_have_url(re.compile(rf"/projets/{project.pk}/$"))
    assert_accessible(page)

    needs = [
        ("volunteers", "Bénévoles pour tenir l'atelier", {"#id_quantity": "3"}),
        ("premises", "Un local au rez-de-chaussée", {}),
        ("funding", "Achat des outils", {"#id_amount": "800"}),
    ]
    for kind, title, extra in needs:
        page.goto(f"/sceaux/projets/{project.pk}/besoins/")
        assert_accessible(page)
        page.locator("#id_kind").select_option(kind)
        page.locator("#id_title").fill(title)
        for selector, value in extra.items():
            page.locator(selector).fill(value)
        page.locator("main form[aria-labelledby=form-title] button[type=submit]").click()
        expect(page.locator(".need__title", has_text=title)).to_be_visible()
        assert_accessible(page)

    page.goto(f"/sceaux/projets/{project.pk}/")
    assert_accessible(page)
    page.locator("main form[action$='/statut/'] input[value=publish] + button").click()
    expect(page.locator("main h1")).to_have_text(TITLE)
    assert_accessible(page)
    project.refresh_from_db()
    assert project.status == Project.Status.PUBLISHED and project.open_needs_count == 3
    return project


def _find_it_everywhere(page, live_server, project):
    page.goto("/sceaux/projets/")
    expect(page.locator("main").get_by_role("link", name=TITLE)).to_be_visible()
    assert_accessible(page)

    _offline(page, live_server)
    page.goto("/sceaux/carte/")
    expect(page.locator(".place-list").get_by_role("link", name=TITLE)).to_be_visible()
    assert_accessible(page)

    page.goto("/sceaux/recherche/?q=velo+solidaire")
    expect(page.locator(".search-result").get_by_role("link", name=TITLE)).to_be_visible()
    assert_accessible(page)

    page.goto("/sceaux/activite/")
    expect(page.locator("main").get_by_role("link", name=TITLE).first).to_be_visible()
    assert_accessible(page)


def test_a_new_member_publishes_a_project_that_others_find_and_follow(
    page, live_server, log_in, sceaux
):
    _sign_up_and_confirm(page)
    _join(page)
    _create_organisation(page)
    project = _publish_project_with_three_needs(page)
    _find_it_everywhere(page, live_server, project)
    carrier = project.memberships.get().user

    # Another member follows the project…
    neighbour = member(sceaux, display_name="Yanis M.")
    log_in(neighbour)
    page.goto(f"/sceaux/projets/{project.pk}/")
    assert_accessible(page)
    page.locator("main form input[value=follow] + button").click()
    expect(page.locator("main form input[value=unfollow] + button")).to_have_text(
        "Vous suivez · ne plus suivre"
    )
    assert_accessible(page)

    # …the carrier posts news…
    log_in(carrier)
    page.goto(f"/sceaux/projets/{project.pk}/actualites/nouvelle/")
    assert_accessible(page)
    page.locator("#id_title").fill("Premier atelier samedi")
    page.locator("#id_body").fill("Rendez-vous à **10 h** devant la médiathèque.")
    page.locator("main form button[type=submit]").click()
    assert_accessible(page)

    # …and the follower reads it in their feed.
    log_in(neighbour)
    page.goto("/me/fil/")
    expect(page.locator("main")).to_contain_text("Premier atelier samedi")
    assert_accessible(page)
