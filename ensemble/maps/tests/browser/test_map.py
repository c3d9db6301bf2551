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


def test_markers_by_type_with_a_legend_that_filters_and_clusters(page, live_server, sceaux):
    from ensemble.events.tests.factories import EventFactory

    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(live_server.url)
            else route.fulfill(status=204, body="")
        ),
    )
    for index in range(5):  # one building, five projects: one cluster
        make_project(sceaux, title=f"Projet {index}", latitude="48.7800", longitude="2.3000")
    EventFactory(territory=sceaux, title="Repair café", latitude="48.7730", longitude="2.2850")
    page.goto("/sceaux/carte/")
    the_map = page.locator("#territory-map")
    expect(the_map).to_have_attribute("data-loaded", "8")
    expect(the_map).to_have_attribute("data-shown", "8")
    expect(page.locator(".map-cluster")).to_have_count(1)
    expect(page.locator(".map-cluster")).to_have_text("5")
    expect(page.locator(".leaflet-marker-icon.map-pin--event")).to_have_count(1)
    expect(page.locator(".map-filters__submit")).to_be_hidden()  # the boxes act at once
    assert_accessible(page)

    box = the_map.bounding_box()
    for marker in page.locator(".leaflet-marker-icon").all():  # nothing clipped by the map's edge
        shape = marker.bounding_box()
        assert box["x"] <= shape["x"] and shape["x"] + shape["width"] <= box["x"] + box["width"]
        assert box["y"] <= shape["y"] and shape["y"] + shape["height"] <= box["y"] + box["height"]

    page.get_by_label("Projet", exact=True).uncheck()
    expect(the_map).to_have_attribute("data-shown", "2")
    expect(page.locator(".map-cluster")).to_have_count(0)
    page.get_by_label("Événement", exact=True).uncheck()
    expect(the_map).to_have_attribute("data-shown", "1")
    expect(page.locator(".leaflet-marker-icon")).to_have_count(1)

    page.locator(".map-cluster").first.wait_for(state="detached")
    page.get_by_label("Projet", exact=True).check()
    expect(page.locator(".map-cluster")).to_have_count(1)
    page.locator(".map-cluster").click()  # five at one address: listed, with their links
    expect(page.locator(".leaflet-popup .map-cluster__list a")).to_have_count(5)
    expect(page.locator(".leaflet-popup")).to_have_css("opacity", "1")
    expect(page.locator(".leaflet-popup").get_by_role("link", name="Projet 3")).to_be_visible()
    assert_accessible(page)
