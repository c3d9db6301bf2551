"""Figures, open data, privacy and "my data" in a browser: axe finds nothing serious, the
charts draw, no request leaves the site, and deleting an account signs out."""

import pytest
from playwright.sync_api import expect

from ensemble.accounts.models import User
from ensemble.opendata.services import datasets_build
from ensemble.stats.services import snapshots_compute
from ensemble.stats.tests.world import populate
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import TerritoryFactory, member

pytestmark = pytest.mark.browser


@pytest.fixture
def sceaux(transactional_db):
    territory = TerritoryFactory(name="Sceaux", slug="sceaux")
    populate(territory, size=4)
    snapshots_compute(months=3)
    datasets_build(territory=territory)
    return territory


def test_figures_and_open_data_pages(page, live_server, sceaux):
    external = []

    def offline(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            external.append(route.request.url)
            route.fulfill(status=204, body="")

    page.route("**/*", offline)
    page.goto("/sceaux/stats/")
    expect(page.locator("svg.chart__svg")).to_have_count(7)
    page.locator("main details summary").first.click()
    expect(page.locator("main details table").first).to_be_visible()
    assert_accessible(page)
    page.goto("/stats/")
    assert_accessible(page)
    page.goto("/sceaux/opendata/")
    assert_accessible(page)
    page.goto("/privacy/")
    assert_accessible(page)
    assert external == []


def test_my_data_then_delete_my_account(page, log_in, sceaux):
    person = member(sceaux, email="camille@example.org")
    log_in(person)
    page.goto("/me/donnees/")
    assert_accessible(page)
    page.locator("#id_confirmation").fill("camille@example.org")
    page.locator("main form button.button--danger").click()
    expect(page.locator('header a[href="/accounts/login/"]')).to_be_visible()
    assert_accessible(page)
    assert User.objects.get(pk=person.pk).erased_at is not None
