"""The map page in a browser: markers from points.json, the list, axe; no tile is fetched."""

import pytest
from playwright.sync_api import expect

from ensemble.activity.tests.makers import make_organisation, make_project
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import NeighbourhoodFactory, TerritoryFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def sceaux(transactional_db):
    territory = TerritoryFactory(
        name="Sceaux", slug="sceaux", map_latitude="48.776", map_longitude="2.290", map_zoom=14
    )
    blagis = NeighbourhoodFactory(territory=territory, name="Les Blagis")
    make_project(territory, title="Jardin partagé", neighbourhood=blagis,
                 latitude="48.7765", longitude="2.2905")  # fmt: skip
    make_organisation(territory, name="Épicerie solidaire", latitude="48.775", longitude="2.288")
    return territory


def test_map_shows_markers_and_the_accessible_list(page, live_server, sceaux):
    external = []

    def offline(route):
        # Tiles (or anything else) from the internet get an empty answer: tests stay offline.
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            external.append(route.request.url)
            route.fulfill(status=204, body="")

    page.route("**/*", offline)
    page.goto("/sceaux/carte/")
    the_map = page.locator("#territory-map")
    expect(the_map).to_have_attribute("data-loaded", "2")
    assert_accessible(page)

    label = the_map.get_attribute("aria-label")
    assert label
    expect(page.get_by_role("region", name=label)).to_be_visible()
    expect(page.locator(".place-list")).to_contain_text("Jardin partagé")
    expect(page.locator(".place-list")).to_contain_text("Épicerie solidaire")
    expect(page.locator(".place-list")).to_contain_text("Les Blagis")
    marker = page.locator('.leaflet-marker-icon[title^="Jardin partagé"]')
    expect(marker).to_have_count(1)
    expect(page.locator(".leaflet-marker-icon")).to_have_count(2)
    assert all("openstreetmap" in url for url in external), external
