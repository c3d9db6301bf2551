"""The map picker of forms: a click places the marker and fills the coordinates; no address
search and no request outside the site unless a geocoder is configured."""

import pytest
from playwright.sync_api import expect

from ensemble.projects.models import Project
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import TerritoryFactory, member

pytestmark = pytest.mark.browser


@pytest.fixture
def sceaux(transactional_db):
    return TerritoryFactory(
        name="Sceaux", slug="sceaux", map_latitude="48.776", map_longitude="2.290", map_zoom=14
    )


def _offline(page, live_server):
    outside = []

    def route(request_route):
        if request_route.request.url.startswith(live_server.url):
            request_route.continue_()
        else:
            outside.append(request_route.request.url)
            request_route.fulfill(status=204, body="")

    page.route("**/*", route)
    return outside


def test_a_click_on_the_map_places_the_project(page, live_server, log_in, sceaux):
    outside = _offline(page, live_server)
    log_in(member(sceaux))
    page.goto("/sceaux/projets/nouveau/")
    picker = page.locator(".map-picker__map")
    expect(picker).to_be_visible()
    expect(page.locator(".map-picker__search")).to_have_count(0)  # no geocoder configured
    expect(page.locator("#id_latitude")).to_be_hidden()  # collapsed under "Coordinates"
    assert_accessible(page)

    picker.click(position={"x": 120, "y": 80})
    latitude = page.locator("#id_latitude").input_value()
    longitude = page.locator("#id_longitude").input_value()
    assert 48.6 < float(latitude) < 48.9 and 2.1 < float(longitude) < 2.5
    expect(page.locator(".map-picker .leaflet-marker-icon")).to_have_count(1)
    expect(page.locator(".map-picker__status")).to_contain_text(latitude)

    page.locator("#id_title").fill("Jardin partagé")
    page.locator("#id_summary").fill("Un jardin")
    page.locator("button[name=draft]").click()
    page.wait_for_url("**/projets/*/")
    assert_accessible(page)
    project = Project.objects.get()
    assert f"{project.latitude:.6f}" == latitude and f"{project.longitude:.6f}" == longitude
    assert outside == []


def test_without_javascript_the_coordinates_are_plain_inputs(browser_context, live_server, sceaux):
    from ensemble.testing.browser import log_in, new_page

    log_in(browser_context, member(sceaux), base_url=live_server.url)
    page = new_page(browser_context)
    page.route("**/*.js", lambda route: route.abort())
    page.goto("/sceaux/projets/nouveau/")
    expect(page.locator("#id_latitude")).to_be_visible()
    expect(page.locator(".map-picker__map")).to_be_hidden()
    assert_accessible(page)


def test_a_configured_geocoder_finds_an_address(page, live_server, log_in, sceaux, settings):
    import json

    settings.MAP_GEOCODER_URL = "/geocoder-test/?q={query}"  # answered by the route below
    asked = []

    def geocoder(route):
        asked.append(route.request.url)
        feature = {"type": "Feature", "properties": {"label": "1 Rue Houdan 92330 Sceaux"},
                   "geometry": {"type": "Point", "coordinates": [2.2951, 48.7771]}}  # fmt: skip
        body = json.dumps({"type": "FeatureCollection", "features": [feature]})
        route.fulfill(status=200, content_type="application/json", body=body)

    page.route("**/geocoder-test/**", geocoder)
    log_in(member(sceaux))
    page.goto("/sceaux/projets/nouveau/")
    page.get_by_role("searchbox", name="Chercher une adresse").fill("1 rue Houdan")
    page.get_by_role("searchbox", name="Chercher une adresse").press("Enter")
    page.get_by_role("button", name="1 Rue Houdan 92330 Sceaux").click()
    expect(page.locator("#id_latitude")).to_have_value("48.777100")
    expect(page.locator("#id_longitude")).to_have_value("2.295100")
    assert "q=1%20rue%20Houdan" in asked[0]
    assert_accessible(page)
