"""The design system's server side: the component page is for staff (or DEBUG) only, the
accent colour stylesheet refuses unreadable colours, images get their smaller copies, and
/api/docs is our own page, without the stock Swagger script."""

import pytest
from django.core.files.storage import default_storage
from django.template import Context, Template

from ensemble.core.images import image_variants
from ensemble.territories.models import Territory
from ensemble.testing.factories import UserFactory
from ensemble.testing.images import png_upload

pytestmark = pytest.mark.django_db


def test_the_component_page_is_hidden_from_residents_and_anonymous_visitors(client, settings):
    settings.DEBUG = False
    assert client.get("/_composants/").status_code == 404
    client.force_login(UserFactory())
    assert client.get("/_composants/").status_code == 404


def test_the_component_page_shows_every_component_to_staff(client, settings):
    settings.DEBUG = False
    client.force_login(UserFactory(is_staff=True))
    html = client.get("/_composants/").content.decode()
    for component in (
        "components/toggle.html", "components/card.html", "components/chip.html",
        "components/tabs.html", "components/progress.html", "components/stepper.html",
        "components/empty_state.html", "components/field.html", "components/filter_drawer.html",
        "includes/pagination.html", "components/icons.svg",
    ):  # fmt: skip
        assert component in html


@pytest.mark.parametrize("colour", ["#ffff00", "#cccccc", "red", "#12345"])
def test_an_unreadable_or_malformed_accent_colour_falls_back_to_the_default(
    client, territory, colour
):
    # Saved before the console's check existed, or written around it.
    Territory.objects.filter(pk=territory.pk).update(accent_colour=colour)
    response = client.get("/sceaux/theme.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert "--color-primary" not in response.content.decode()


def test_a_readable_accent_colour_becomes_the_primary_tokens(client, territory):
    Territory.objects.filter(pk=territory.pk).update(accent_colour="#1d4f91")
    css = client.get("/sceaux/theme.css").content.decode()
    assert "--color-primary:#1d4f91" in css and "--color-primary-dark:" in css
    assert "/sceaux/theme.css?v=1d4f91" in client.get("/sceaux/").content.decode()


def test_no_accent_stylesheet_without_an_accent_colour(client, territory):
    assert "theme.css" not in client.get("/sceaux/").content.decode()


def test_an_image_gets_smaller_copies_in_srcset_and_loads_lazily(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    name = default_storage.save("projects/images/wide.png", png_upload(size=(1200, 600)))
    field_file = default_storage.open(name)
    field_file.storage, field_file.name = default_storage, name
    widths = [width for _url, width, _height in image_variants(field_file)]
    assert widths == [400, 800, 1200]
    html = Template("{% load ensemble_ui %}{% responsive_image image alt='A garden' %}").render(
        Context({"image": field_file})
    )
    assert 'loading="lazy"' in html and "400w" in html and 'alt="A garden"' in html
    assert 'width="1200" height="600"' in html


def test_an_unreadable_image_is_served_alone(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    name = default_storage.save("projects/images/broken.png", png_upload(size=(10, 10)))
    (tmp_path / name).write_bytes(b"not an image")
    field_file = default_storage.open(name)
    field_file.storage, field_file.name = default_storage, name
    assert [width for _url, width, _h in image_variants(field_file)] == [1]


def test_the_api_docs_are_our_own_page_listing_every_operation(client):
    html = client.get("/api/docs").content.decode()
    assert "swagger" not in html.lower()
    assert "/api/v1/territories" in html and "/api/openapi.json" in html
    assert '<html lang="' in html
