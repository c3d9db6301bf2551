import re

import pytest
from django.urls import reverse

from ensemble.activity.tests.makers import make_organisation, make_project
from ensemble.maps import selectors
from ensemble.projects.models import Project
from ensemble.testing.factories import NeighbourhoodFactory

pytestmark = pytest.mark.django_db


def map_url(territory):
    return reverse("maps:map", kwargs={"territory_slug": territory.slug})


def points_url(territory):
    return reverse("maps:points", kwargs={"territory_slug": territory.slug})


@pytest.fixture
def places(territory, other_territory):
    blagis = NeighbourhoodFactory(territory=territory, name="Les Blagis")
    made = {
        "garden": make_project(territory, title="Jardin partagé", neighbourhood=blagis,
                               latitude="48.776000", longitude="2.290000"),
        "grocery": make_organisation(territory, name="Épicerie solidaire",
                                     latitude="48.778000", longitude="2.295000"),
    }  # fmt: skip
    make_project(territory, title="Brouillon caché", status=Project.Status.DRAFT,
                 latitude="48.7", longitude="2.2")  # fmt: skip
    make_project(territory, title="Archivé", status=Project.Status.ARCHIVED,
                 latitude="48.7", longitude="2.2")  # fmt: skip
    make_project(territory, title="Sans adresse")
    make_organisation(territory, name="Sans lieu")
    make_project(other_territory, title="Projet lyonnais", latitude="45.7", longitude="4.8")
    make_organisation(other_territory, name="Asso lyonnaise", latitude="45.7", longitude="4.8")
    return made


def test_points_are_geojson_of_the_territory_only(client, territory, places):
    response = client.get(points_url(territory))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert body["count"] == 2 and body["next"] is None
    by_name = {f["properties"]["name"]: f for f in body["features"]}
    assert set(by_name) == {"Jardin partagé", "Épicerie solidaire"}
    garden = by_name["Jardin partagé"]
    assert garden["geometry"] == {"type": "Point", "coordinates": [2.29, 48.776]}
    assert garden["properties"]["kind"] == "project"
    assert garden["properties"]["neighbourhood"] == "Les Blagis"
    assert by_name["Épicerie solidaire"]["properties"]["kind"] == "organisation"


def test_points_are_paged(client, territory, places, monkeypatch):
    monkeypatch.setattr(selectors, "POINTS_PER_PAGE", 1)
    first = client.get(points_url(territory)).json()
    assert len(first["features"]) == 1 and first["pages"] == 2
    second = client.get(first["next"]).json()
    assert second["next"] is None
    names = {f["properties"]["name"] for f in first["features"] + second["features"]}
    assert names == {"Jardin partagé", "Épicerie solidaire"}
    assert client.get(points_url(territory) + "?page=abc").status_code == 200


def test_map_page_lists_the_same_places(client, territory, places):
    territory.map_latitude, territory.map_longitude, territory.map_zoom = "48.77", "2.29", 14
    territory.save()
    response = client.get(map_url(territory))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-label="' in html and 'id="territory-map"' in html
    assert 'data-lat="48.770000"' in html and 'data-lng="2.290000"' in html
    assert 'data-zoom="14"' in html
    assert "Jardin partagé" in html and "Épicerie solidaire" in html and "Les Blagis" in html
    for absent in ("Brouillon caché", "Archivé", "Sans adresse", "Sans lieu", "Projet lyonnais"):
        assert absent not in html
    # No inline script: every <script> has a src.
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "leaflet/leaflet.js" in html and "maps/map.js" in html


def test_map_page_without_places_or_centre(client, territory):
    response = client.get(map_url(territory))
    assert response.status_code == 200
    assert 'data-lat=""' in response.content.decode()


def test_tiles_come_from_settings(client, territory, settings):
    settings.LEAFLET_CONFIG = {
        "TILES": [("", "https://tiles.example.org/{z}/{x}/{y}.png", {"attribution": "Ex"})]
    }
    html = client.get(map_url(territory)).content.decode()
    assert 'data-tiles-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert 'data-tiles-attribution="Ex"' in html


def test_markup_in_names_is_escaped(client, territory):
    make_organisation(territory, name="<img src=x onerror=alert(1)>", latitude="1", longitude="1")
    html = client.get(map_url(territory)).content.decode()
    assert "<img src=x" not in html


def test_upcoming_visible_events_are_places_past_and_cancelled_ones_are_not(
    client, territory, places
):
    from datetime import timedelta

    from django.utils import timezone

    from ensemble.events.tests.factories import EventFactory

    EventFactory(territory=territory, title="Repair café", latitude="48.77", longitude="2.29")
    EventFactory(territory=territory, title="Annulé", is_cancelled=True,
                 latitude="48.77", longitude="2.29")  # fmt: skip
    EventFactory(territory=territory, title="Passé", latitude="48.77", longitude="2.29",
                 starts_at=timezone.now() - timedelta(days=3),
                 ends_at=timezone.now() - timedelta(days=3, hours=-2))  # fmt: skip
    body = client.get(points_url(territory)).json()
    events = [f for f in body["features"] if f["properties"]["kind"] == "event"]
    assert [f["properties"]["name"] for f in events] == ["Repair café"]
    assert "/agenda/" in events[0]["properties"]["url"] or events[0]["properties"]["url"]


def test_the_type_filter_keeps_only_the_kinds_asked_on_the_map_and_the_list(
    client, territory, places
):
    body = client.get(points_url(territory) + "?type=organisation").json()
    assert [f["properties"]["name"] for f in body["features"]] == ["Épicerie solidaire"]
    page = client.get(map_url(territory) + "?type=organisation").content.decode()
    assert "Épicerie solidaire" in page and "Jardin partagé" not in page
    assert 'value="organisation" id="map-type-organisation" checked' in page
    assert 'value="project" id="map-type-project">' in page
    assert "?type=organisation" in page  # the map's points follow the filter
    everything = client.get(points_url(territory) + "?type=unicorn").json()
    assert everything["count"] == 2  # an unknown type is ignored, not an error
