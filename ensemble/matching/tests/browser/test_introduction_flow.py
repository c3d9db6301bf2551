"""Issue 4's flow in the browser: ask for an introduction, accept it, talk, mark it helpful."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from ensemble.actors.models import OrganisationMember
from ensemble.introductions.models import Introduction
from ensemble.projects.models import Need
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import member

from .. import helpers
from ..test_selectors import STORE

pytestmark = pytest.mark.browser

MESSAGE = "Bonjour, auriez-vous un local libre le samedi matin pour notre distribution ?"


def test_request_accept_converse_and_mark_helped(page, log_in, transactional_db, world):
    project, need = world["project"], world["need"]
    carrier = project.memberships.get().user
    host = member(world["territory"], display_name="Hélène du centre social")
    centre = helpers.organisation(
        world["territory"], name="Centre social des Moulins", neighbourhood=world["moulins"],
        is_verified=True, themes=[world["food"]], offers=[STORE], members=[host],
    )  # fmt: skip
    OrganisationMember.objects.filter(organisation=centre).update(
        role=OrganisationMember.Role.OWNER
    )

    # The team finds the centre among the candidates and asks for an introduction.
    log_in(carrier)
    page.goto(f"/lille/projets/{project.pk}/besoins/{need.pk}/candidats/")
    assert_accessible(page)
    page.locator(f'main a[href*="/mises-en-relation/demander/"][href*="={centre.pk}"]').click()
    assert_accessible(page)
    page.locator("#id_message").fill(MESSAGE)
    page.locator("main form button[type=submit]").click()
    assert_accessible(page)
    introduction = Introduction.objects.get(need=need, to_organisation=centre)
    assert introduction.status == Introduction.Status.REQUESTED
    assert any(host.email in message.to for message in mail.outbox)

    # The centre is notified and accepts: a conversation opens with the request.
    log_in(host)
    page.goto("/me/notifications/")
    expect(page.locator("main")).to_contain_text(need.title)
    assert_accessible(page)
    page.goto("/me/mises-en-relation/")
    assert_accessible(page)
    page.locator(f'main form[action$="/{introduction.pk}/repondre/"] button[value="1"]').click()
    assert_accessible(page)
    introduction.refresh_from_db()
    assert introduction.status == Introduction.Status.ACCEPTED
    page.goto("/me/messages/")
    assert_accessible(page)
    assert introduction.conversation_id is not None
    page.locator(f"main a[href='/me/messages/{introduction.conversation_id}/']").first.click()
    expect(page.locator("main")).to_contain_text("auriez-vous un local libre")
    assert_accessible(page)

    # The team reads it and records that it helped: the need is met.
    log_in(carrier)
    page.goto("/me/mises-en-relation/?box=sent")
    assert_accessible(page)
    page.locator(f'main form[action$="/{introduction.pk}/utile/"] button').click()
    assert_accessible(page)
    need.refresh_from_db()
    assert need.status == Need.Status.FULFILLED
