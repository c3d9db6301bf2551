"""A resident answers a questionnaire on a phone and reads its results; axe on every page."""

import pytest
from playwright.sync_api import expect

from ensemble.questionnaires.models import Response
from ensemble.questionnaires.tests.factories import by_text, questionnaire_consultation
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import TerritoryFactory, member

pytestmark = pytest.mark.browser


def test_answer_then_read_the_results(page, log_in, transactional_db):
    territory = TerritoryFactory(name="Sceaux", slug="sceaux")
    consultation, questionnaire = questionnaire_consultation(territory)
    q = by_text(questionnaire)
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(member(territory, display_name="Camille"))
    page.goto(f"/sceaux/consultations/{consultation.pk}/questionnaire/")
    assert_accessible(page)
    page.locator(f"input[name=q_{q['Venez-vous à vélo ?']}][value=Oui]").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_contain_text("attend une réponse")
    assert_accessible(page)
    page.locator(f"input[name=q_{q['Quels aménagements ?']}][value=Arceaux]").check()
    page.locator(f"select[name=q_{q['Vos priorités']}__1]").select_option("1")
    page.locator(f"textarea[name=q_{q['Vos idées']}]").fill("Des arceaux à la gare.")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Des arceaux à la gare.")
    assert_accessible(page)
    assert Response.objects.get().answers.count() == 4
