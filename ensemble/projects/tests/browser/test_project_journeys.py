"""Issue 17's broken journeys on a project page, each failing before its fix:

* "Archiver" acted in one click and could not be undone → a confirmation, and "Restore"
  from "My projects";
* an unconfirmed account was offered "Lancer un projet", then "Accès refusé… adressez-vous
  à un administrateur" → it is told to confirm its address, with a button to resend the email;
* no way to contact the team, names and chips that are not links → a "Write to the team"
  button, team names linked to the profiles one may see, chips linked to the filtered list.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from ensemble.accounts.models import User
from ensemble.messaging.models import Conversation
from ensemble.projects.models import Project, ProjectMember
from ensemble.projects.tests.factories import ProjectFactory
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import (
    NeighbourhoodFactory,
    TerritoryFactory,
    ThemeFactory,
    member,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def lille(transactional_db):
    return TerritoryFactory(name="Lille", slug="lille")


def test_archiving_asks_first_and_can_be_undone(page, log_in, lille):
    carrier = member(lille, display_name="Inès B.")
    project = ProjectFactory(territory=lille, title="Repair café de Fives", owner=carrier)
    log_in(carrier)

    page.goto(project.get_absolute_url())
    assert_accessible(page)
    page.locator("main .project__actions").get_by_text("Archiver").click()
    # A confirmation page, that says what archiving does and how to undo it: nothing yet.
    assert_accessible(page)
    expect(page.locator("h1")).to_contain_text("Archiver")
    expect(page.locator("main")).to_contain_text("Mes projets")
    project.refresh_from_db()
    assert project.status == Project.Status.PUBLISHED
    page.get_by_role("button", name="Oui, archiver le projet").click()
    assert_accessible(page)
    project.refresh_from_db()
    assert project.status == Project.Status.ARCHIVED

    # "My projects" lists it among the archived ones, with a button to restore it.
    page.goto("/lille/mes-projets/")
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("^Restaurer.*Repair café de Fives")).click()
    assert_accessible(page)
    project.refresh_from_db()
    assert project.status == Project.Status.PUBLISHED
    expect(page.locator("main")).to_contain_text("publié à nouveau")


def test_an_unconfirmed_member_is_told_to_confirm_not_refused(page, log_in, lille):
    newcomer = member(lille, display_name="Noé", verified=False)
    log_in(newcomer)

    # The territory's home does not offer a button that ends on "Access denied".
    page.goto("/lille/")
    assert_accessible(page)
    expect(page.locator('main a[href="/lille/projets/nouveau/"]')).to_have_count(0)
    expect(page.locator("main")).to_contain_text("confirmez d'abord votre adresse")

    # Reaching the form anyway says what to do, never "ask an administrator".
    page.goto("/lille/projets/nouveau/")
    assert_accessible(page)
    expect(page.locator("h1")).to_contain_text("Confirmez d'abord votre adresse e-mail")
    expect(page.locator("main")).not_to_contain_text("administrateur")
    sent = len(mail.outbox)
    page.get_by_role("button", name="Renvoyer l'e-mail de confirmation").click()
    assert_accessible(page)
    assert len(mail.outbox) == sent + 1 and newcomer.email in mail.outbox[-1].to


def test_the_team_can_be_contacted_and_names_and_chips_are_links(page, log_in, lille):
    fives = NeighbourhoodFactory(territory=lille, name="Fives", slug="fives")
    repair = ThemeFactory(name="Réemploi", slug="reemploi")
    carrier = member(lille, display_name="Inès B.", profile_visibility=User.Visibility.PUBLIC)
    hidden = member(lille, display_name="Paul discret", profile_visibility=User.Visibility.HIDDEN)
    project = ProjectFactory(
        territory=lille, title="Repair café de Fives", owner=carrier, neighbourhood=fives
    )
    project.themes.set([repair])
    ProjectMember.objects.create(project=project, user=hidden, role=ProjectMember.Role.MEMBER)
    resident = member(lille, display_name="Camille")
    log_in(resident)

    page.goto(project.get_absolute_url())
    assert_accessible(page)
    team = page.locator("main section[aria-labelledby=team-title]")
    expect(team.get_by_role("link", name="Inès B.")).to_have_attribute(
        "href", f"/people/{carrier.pk}/"
    )
    expect(team).to_contain_text("Paul discret")
    expect(team.get_by_role("link", name="Paul discret")).to_have_count(0)
    expect(page.locator("main .tag a", has_text="Réemploi")).to_have_attribute(
        "href", "/lille/projets/?theme=reemploi"
    )
    page.locator("main .hero").get_by_role("link", name="Fives").click()
    assert_accessible(page)
    expect(page.locator("#id_neighbourhood")).to_have_value("fives")

    page.goto(project.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("link", name="Écrire à l'équipe").click()
    assert_accessible(page)
    page.locator("#id_body").fill("Bonjour, je peux réparer des vélos le samedi.")
    page.locator("main form button[type=submit]").click()
    assert_accessible(page)
    conversation = Conversation.objects.get(project=project)
    assert set(conversation.participants.values_list("user_id", flat=True)) == {
        resident.pk, carrier.pk, hidden.pk,
    }  # fmt: skip
    expect(page.locator("main")).to_contain_text("je peux réparer des vélos")
