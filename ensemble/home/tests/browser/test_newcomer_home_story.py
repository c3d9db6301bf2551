"""Issue 11's story in the browser: a newcomer signs up, confirms, joins Sceaux, says what
interests them, lands on a personal page that shows it, switches to English and reads
their notifications in English, though a French speaker caused them."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation
from playwright.sync_api import expect

from ensemble.accounts.models import User
from ensemble.events.models import Event
from ensemble.notifications import services
from ensemble.projects.tests.factories import ProjectFactory
from ensemble.testing.browser import assert_accessible, confirm_last_email, sign_up
from ensemble.testing.factories import (
    PASSWORD,
    NeighbourhoodFactory,
    TerritoryFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def sceaux(transactional_db):
    mobility = ThemeFactory(name="Mobilités", slug="mobilite")
    territory = TerritoryFactory(name="Sceaux", slug="sceaux")
    NeighbourhoodFactory(territory=territory, name="Les Blagis", slug="les-blagis")
    ProjectFactory(territory=territory, title="Vélos partagés des Blagis").themes.set([mobility])
    starts_at = timezone.now() + timedelta(days=5)
    Event.objects.create(
        territory=territory, kind=Event.Kind.MEETING, title="Atelier réparation",
        starts_at=starts_at, ends_at=starts_at + timedelta(hours=2),
    )  # fmt: skip
    return territory


def _sign_up_and_confirm(page):
    sign_up(page, name="Nadia B.", email="nadia@example.org", password=PASSWORD)
    expect(page).to_have_url(re.compile(r"/me/bienvenue/$"))
    # Not confirmed yet: the page says so, with a way to get the email again.
    expect(page.locator("main button[name=action_send]")).to_be_visible()
    assert_accessible(page)
    confirm_last_email(page)


def _join_and_tell_what_matters(page):
    page.goto("/sceaux/")
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(r"^(Join|Rejoindre) Sceaux")).click()
    expect(page).to_have_url(re.compile(r"/me/bienvenue/$"))
    expect(page.locator("main button[name=action_send]")).to_have_count(0)
    assert_accessible(page)
    page.get_by_label("Mobilités").check()
    page.locator("#id_neighbourhood").select_option(label="Les Blagis")
    page.locator("#id_skills").fill("réparation de vélos")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/me/$"))


def test_a_newcomer_gets_a_personal_home_and_reads_notifications_in_english(
    page, live_server, sceaux
):
    _sign_up_and_confirm(page)
    _join_and_tell_what_matters(page)
    main = page.locator("main")
    expect(main.get_by_role("link", name="Vélos partagés des Blagis")).to_be_visible()
    expect(main.get_by_role("link", name="Atelier réparation")).to_be_visible()
    assert_accessible(page)

    # English, remembered on the account.
    page.locator("#language-select").select_option("en")
    page.locator(".language-switch button[type=submit]").click()
    expect(page.locator("main h1")).to_have_text("Hello Nadia B.")
    expect(main).to_contain_text("Mobility")  # the network's theme, in English
    assert_accessible(page)
    nadia = User.objects.get(email="nadia@example.org")
    assert nadia.language == "en"

    # A French-speaking person's action tells her something…
    with translation.override("fr"):
        services.notify(
            user=nadia, kind="matching_new_need", url="/sceaux/", territory=sceaux,
            params={"title": "Un local", "themes": [["mobilite", "Mobilités", True]]},
        )  # fmt: skip
    # …which she reads in English, in the centre and in her email.
    page.goto("/me/notifications/")
    expect(page.locator("main h1")).to_have_text("My notifications")
    expect(main).to_contain_text("A new need in Mobility matches what you offer: Un local")
    assert_accessible(page)
    assert mail.outbox[-1].subject.startswith("[Sceaux] A new need in Mobility")
    page.locator("main form[action$='/lues/'] button").click()
    expect(main).to_contain_text("0 unread notifications")
    assert_accessible(page)
