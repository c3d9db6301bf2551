"""An agent changes a workshop, then cancels it; the facilitator's list shows names only.

Every page goes through axe.
"""

import pytest
from playwright.sync_api import expect

from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.events.models import Event
from ensemble.events.selectors import event_get
from ensemble.events.services import registration_create
from ensemble.territories.roles import Role
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import TerritoryFactory, member

pytestmark = pytest.mark.browser


def test_change_then_cancel_a_workshop(page, log_in, transactional_db):
    territory = TerritoryFactory(name="Sceaux", slug="sceaux")
    agent = member(territory, Role.AGENT, display_name="Claire, agente")
    facilitator = member(territory, display_name="Paul, animateur")
    resident = member(territory, display_name="Camille")
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    event = WorkshopFactory(consultation=consultation, title="Atelier vélo", capacity=1)
    event.facilitators.add(facilitator)
    registration_create(user=resident, event=event_get(pk=event.pk))
    registration_create(user=member(territory, display_name="Léa"), event=event_get(pk=event.pk))
    url = f"/sceaux/evenements/{event.pk}/"

    # The facilitator sees who comes, by name, never by address.
    log_in(facilitator)
    page.goto(url)
    assert_accessible(page)
    expect(page.locator("main table")).to_contain_text("Camille")
    expect(page.locator("main")).not_to_contain_text(resident.email)

    # The agent changes the title and makes room for the person waiting.
    log_in(agent)
    page.goto(url)
    assert_accessible(page)
    page.locator(f"main a[href='{url}modifier/']").click()
    assert_accessible(page)
    page.locator("#id_capacity").fill("0")
    page.locator("main form button[type=submit]").click()
    assert_accessible(page)  # the error summary and the field error
    expect(page.locator("#id_title")).to_have_value("Atelier vélo")
    page.locator("#id_title").fill("Atelier vélo et marche")
    page.locator("#id_capacity").fill("2")
    page.locator("main form button[type=submit]").click()
    assert_accessible(page)
    expect(page.locator("h1")).to_have_text("Atelier vélo et marche")
    assert Event.objects.get().registered_count == 2

    # Then cancels it, after confirming.
    page.locator(f"main a[href='{url}annuler/']").click()
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    assert_accessible(page)
    expect(page.locator("main .notice")).to_be_visible()
    assert Event.objects.get().is_cancelled
