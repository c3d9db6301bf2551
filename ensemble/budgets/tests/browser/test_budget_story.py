"""Issue 16's story in the browser, on a phone-sized screen (390 × 844).

An agent opens a participatory budget from its blueprint, sets the envelope
and puts a studied, costed contribution to the vote next to a project of its
own; a resident votes on a phone (a choice past the envelope is refused with
a clear message, the running total shows what is left) and submits once;
the agent closes the vote and publishes the results, refused until the
project not retained is explained; the winner becomes a tracked result.
Every page goes through axe.
"""

import pytest
from playwright.sync_api import expect

from ensemble.answers.models import Answer
from ensemble.budgets.models import Ballot, BudgetProject
from ensemble.budgets.tests.factories import lay_out_budget_phases
from ensemble.consultations.models import Consultation
from ensemble.contributions.models import AnswerState
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.results.models import Result
from ensemble.territories.roles import Role
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import TerritoryFactory, member

pytestmark = pytest.mark.browser

TITLE = "Budget participatif des Blagis"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def town(transactional_db):
    territory = TerritoryFactory(name="Sceaux", slug="sceaux")
    return {
        "territory": territory,
        "agent": member(territory, Role.AGENT, display_name="Karim, agent"),
        "camille": member(territory, display_name="Camille"),
    }


def test_budget_from_contributions_to_published_results(page, log_in, town):
    agent, camille = town["agent"], town["camille"]
    page.set_viewport_size(PHONE)

    # The agent opens the consultation from the participatory-budget blueprint.
    log_in(agent)
    page.goto("/sceaux/consultations/nouvelle/")
    assert_accessible(page)
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_question").fill("Que financer avec 50 000 € ?")
    page.locator('input[name=blueprint][value="participatory-budget"]').check()
    page.locator("main form button[name=publish]").click()
    expect(page.locator("h1")).to_contain_text(TITLE)
    assert_accessible(page)
    consultation = Consultation.objects.get(title=TITLE)
    assert [p.kind for p in consultation.ordered_phases] == [
        "collect",
        "study",
        "vote",
        "follow_up",
    ]

    # An idea was studied and costed during the study phase.
    idea = ContributionFactory(consultation=consultation, title="Un jardin partagé")
    answer = Answer.objects.create(
        contribution=idea,
        consultation=consultation,
        version=1,
        state=AnswerState.ACCEPTED,
        explanation="Faisable sur la parcelle de la rue des Mésanges.",
        cost="30000",
    )
    idea.answer, idea.answer_state = answer, AnswerState.ACCEPTED
    idea.save()

    base = f"/sceaux/consultations/{consultation.pk}/budget"
    page.goto(f"{base}/gerer/")
    assert_accessible(page)
    page.locator("#id_envelope").fill("50000")
    page.locator("main form[action$='/gerer/'] button[type=submit]").click()
    assert_accessible(page)
    page.locator("form[action$='/gerer/contributions/'] button").first.click()
    assert_accessible(page)
    page.locator("form[action$='/gerer/projets/'] #id_title").fill("Des bancs au parc")
    page.locator("form[action$='/gerer/projets/'] #id_cost").fill("25000")
    page.locator("form[action$='/gerer/projets/'] button[type=submit]").click()
    assert_accessible(page)
    garden = BudgetProject.objects.get(title="Un jardin partagé")
    benches = BudgetProject.objects.get(title="Des bancs au parc")
    assert garden.cost == 30000 and list(garden.contributions.all()) == [idea]

    # The vote opens; Camille votes on her phone.
    lay_out_budget_phases(consultation, "vote")
    log_in(camille)
    page.goto(f"{base}/")
    assert_accessible(page)
    page.locator(f"li:has(#project-{garden.pk}) form button").click()
    assert_accessible(page)
    expect(page.locator("#ballot")).to_contain_text("20")  # 50 000 − 30 000 left
    page.locator(f"li:has(#project-{benches.pk}) form button").click()
    expect(page.locator(".error-summary")).to_contain_text("dépasse l'enveloppe")
    assert_accessible(page)
    assert list(Ballot.objects.get().projects.all()) == [garden]
    page.goto(f"{base}/")
    assert_accessible(page)
    page.locator("form[action$='/valider/'] button").click()
    expect(page.locator(".messages")).to_contain_text("Merci")
    assert_accessible(page)
    assert Ballot.objects.get().is_submitted

    # The agent closes the vote and publishes the results with an explanation.
    log_in(agent)
    page.goto(f"{base}/resultats/")
    assert_accessible(page)
    page.locator("form[action$='/cloturer/'] button").click()
    assert_accessible(page)
    page.locator("form[action$='/publier/'] button[type=submit]").click()
    expect(page.locator(".error-summary")).to_contain_text("Des bancs au parc")
    assert_accessible(page)
    page.locator(f"#id_explanation_{benches.pk}").fill(
        "Aucune voix : le projet sera proposé au conseil de quartier."
    )
    page.locator("form[action$='/publier/'] button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Aucune voix")
    assert_accessible(page)
    result = Result.objects.get(consultation=consultation)
    assert result.title == "Un jardin partagé" and list(result.contributions.all()) == [idea]
    page.locator(f'a[href="{result.get_absolute_url()}"]').click()
    expect(page.locator("h1")).to_contain_text("Un jardin partagé")
    assert_accessible(page)
