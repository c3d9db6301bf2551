"""The design system over the main pages, at 1280 px and on a 390×844 phone (issue 17):
axe finds nothing, the header takes at most 15 % of the phone's height, the first card of
every list shows without scrolling past the filters, and no request leaves the site.

With ENSEMBLE_SCREENSHOTS=1 it also saves each page at both widths under docs/screenshots/
(the closing note's pictures; see docs/design.md)."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from ensemble.consultations.models import Consultation
from ensemble.projects.models import Project
from ensemble.testing import browser
from ensemble.testing.browser import assert_accessible, assert_every_page_checked

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
MAX_PHONE_HEADER = 0.15 * PHONE["height"]  # 126.6 px
SCREENSHOTS = Path(__file__).resolve().parents[4] / "docs" / "screenshots"


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", "--no-embed", verbosity=0)


def _pages():
    project = Project.objects.published().filter(territory__slug="sceaux").order_by("pk").first()
    consultation = (
        Consultation.objects.filter(territory__slug="sceaux", contributions__isnull=False)
        .order_by("pk")
        .first()
    )
    return [
        ("territory-home", "/sceaux/", False),
        ("projects", "/sceaux/projets/", True),
        ("project", project.get_absolute_url(), False),
        ("consultation", consultation.get_absolute_url(), False),
        ("contributions", f"{consultation.get_absolute_url()}contributions/", True),
        ("events", "/sceaux/agenda/", True),
        ("organisations", "/sceaux/organisations/", True),
        ("api-docs", "/api/docs", False),
    ]


def _save(page, name: str, width: int) -> None:
    if os.environ.get("ENSEMBLE_SCREENSHOTS", "") in {"", "0"}:
        return
    from PIL import Image

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{name}-{width}.png"
    page.screenshot(path=str(target))
    # 256 colours keep the pictures sharp and small (the set stays under 3 MB).
    with Image.open(target) as image:
        image.convert("RGB").quantize(colors=256).save(target, optimize=True)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_main_pages_are_accessible_compact_and_same_origin(chromium, live_server, demo, viewport):
    context = chromium.new_context(
        base_url=live_server.url, locale=browser.DEFAULT_LOCALE, viewport=viewport
    )
    page = browser.new_page(context)
    origin = urlsplit(live_server.url).netloc
    foreign: list[str] = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(("data:", "blob:")) or urlsplit(request.url).netloc == origin
            else foreign.append(request.url)
        ),
    )
    try:
        for name, path, is_list in _pages():
            page.goto(path)
            assert_accessible(page)
            header = page.locator(".site-header").bounding_box()
            if viewport is PHONE:
                assert header["height"] <= MAX_PHONE_HEADER, (name, header["height"])
                # The menu is one disclosure: closed, its links take no room.
                assert not page.locator(".site-nav").is_visible(), name
            else:
                # One row: the title, the sections and the account links side by side.
                assert header["height"] <= 72, (name, header["height"])
                assert page.locator(".site-nav").is_visible(), name
            if is_list:
                title = page.locator("main .card .card__title").first.bounding_box()
                assert title is not None, name
                assert title["y"] + title["height"] <= viewport["height"], (name, title)
            _save(page, name, viewport["width"])
        if viewport is PHONE:
            # The phone's menu opens without leaving the page and shows the sections.
            page.goto("/sceaux/")
            page.locator(".site-menu > summary").click()
            assert page.locator(".site-nav").is_visible()
            assert_accessible(page)
        assert foreign == []
        assert_every_page_checked(page)
    finally:
        context.close()
