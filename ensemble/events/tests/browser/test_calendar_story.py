"""A newcomer joins Sceaux, finds a know-how session from the home page, registers, finds it in
"my registrations", subscribes to the calendar, cancels; the person waiting gets the place.

Every page goes through axe.
"""

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from ensemble.events.models import Registration
from ensemble.events.selectors import event_get
from ensemble.events.services import registration_create
from ensemble.events.tests.factories import EventFactory
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import TerritoryFactory, UserFactory, member

pytestmark = pytest.mark.browser


def test_join_find_register_subscribe_cancel(page, log_in, transactional_db):
    sceaux = TerritoryFactory(name="Sceaux", slug="sceaux")
    organiser = member(sceaux, display_name="Léa")
    session = EventFactory(territory=sceaux, title="Atelier : réparer son vélo", capacity=2,
                           organiser=organiser)  # fmt: skip
    registration_create(user=member(sceaux, display_name="Camille"), event=event_get(pk=session.pk))
    newcomer = UserFactory(display_name="Nadia")
    log_in(newcomer)

    # Join the territory from its home page.
    page.goto("/sceaux/")
    assert_accessible(page)
    page.locator("main form[action='/sceaux/rejoindre/'] button").click()
    assert_accessible(page)

    # The next events are on the home page.
    event_url = f"/sceaux/evenements/{session.pk}/"
    page.locator(f"main a[href='{event_url}']").click()
    assert_accessible(page)
    expect(page.locator("h1")).to_have_text("Atelier : réparer son vélo")
    page.locator("main form input[value='register'] + button").click()
    assert_accessible(page)
    assert Registration.objects.get(user=newcomer).status == "registered"

    # A third person waits for a place.
    waiting = member(sceaux, display_name="Yanis")
    assert registration_create(user=waiting, event=event_get(pk=session.pk)).status == "waitlisted"

    # My registrations, from the menu.
    page.locator("header .account-menu > summary").click()
    page.locator(".account-menu a[href='/me/inscriptions/']").click()
    assert_accessible(page)
    expect(page.locator("main")).to_contain_text("Atelier : réparer son vélo")

    # The calendar, its month view, and its feed for a calendar application.
    page.goto("/sceaux/agenda/")
    assert_accessible(page)
    expect(page.locator("main .card-grid")).to_contain_text("Atelier : réparer son vélo")
    page.locator("main nav a[href^='/sceaux/agenda/mois/']").click()
    assert_accessible(page)
    feed = page.request.get("/sceaux/evenements.ics")
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(feed.body()).walk("VEVENT")]
    assert summaries == ["Atelier : réparer son vélo"]

    # Cancel: the person waiting gets the place.
    page.goto(event_url)
    assert_accessible(page)
    page.locator("main form input[value='cancel'] + button").click()
    assert_accessible(page)
    assert not Registration.objects.filter(user=newcomer).exists()
    assert Registration.objects.get(user=waiting).status == "registered"
