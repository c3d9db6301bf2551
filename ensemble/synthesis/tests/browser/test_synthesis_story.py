"""Issue 15's story in the browser: on the demo consultation, an agent computes the
themes, renames one and merges two, answers a theme in one step, publishes the
synthesis; a resident reads it. Every page goes through axe."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from ensemble.accounts.models import User
from ensemble.answers.models import Answer
from ensemble.consultations.models import Consultation
from ensemble.matching.evaluation import vectors_load
from ensemble.synthesis.models import Theme
from ensemble.testing.browser import assert_accessible

pytestmark = pytest.mark.browser

EXPLANATION = (
    "Ces propositions sont étudiées ensemble par le service vie des quartiers : une réponse "
    "détaillée sera présentée au conseil municipal de juin, quartier par quartier."
)


@pytest.fixture
def demo(transactional_db):
    vectors_load()
    call_command("seed_demo", verbosity=0)
    return Consultation.objects.get(title="Parlons Ensemble de Sceaux")


def test_agent_builds_and_publishes_the_synthesis_a_resident_reads_it(page, log_in, demo):
    base = f"/sceaux/consultations/{demo.pk}"
    log_in(User.objects.get(email="agent@sceaux.demo"))
    page.goto(f"{base}/")
    assert_accessible(page)
    page.get_by_role("link", name="Thèmes des contributions").click()
    assert_accessible(page)
    expect(page.locator("h1")).to_contain_text("Thèmes des contributions")
    page.get_by_role("button", name="Recalculer les thèmes").click()
    expect(page.locator("main")).to_contain_text("Les thèmes sont calculés.")
    assert_accessible(page)
    themes = list(Theme.objects.filter(consultation=demo))
    assert len(themes) >= 2
    first, second = themes[0], themes[1]

    # Rename the first theme, then merge the second into it.
    section = page.locator(f"#theme-{first.pk}")
    section.locator("summary", has_text="Modifier ce thème").click()
    section.locator(f"#label-{first.pk}").fill("Des lieux pour se retrouver")
    section.get_by_role("button", name="Enregistrer").click()
    expect(page.locator(f"#theme-{first.pk} h2")).to_contain_text("Des lieux pour se retrouver")
    assert_accessible(page)
    section = page.locator(f"#theme-{first.pk}")
    section.locator("summary", has_text="Modifier ce thème").click()
    section.locator(f"#other-{first.pk}").select_option(str(second.pk))
    section.get_by_role("button", name="Fusionner").click()
    expect(page.locator("main")).to_contain_text("Les thèmes sont fusionnés.")
    assert not Theme.objects.filter(pk=second.pk).exists()
    assert_accessible(page)

    # Answer the merged theme in one step: a too-short explanation is refused first.
    page.locator(f"#theme-{first.pk}").get_by_role("link", name="Répondre à ce thème").click()
    assert_accessible(page)
    page.locator("#id_state").select_option("under_study")
    page.locator("#id_explanation").fill("Trop court.")
    page.get_by_role("button", name="Répondre à chaque contribution").click()
    expect(page.locator("main")).to_contain_text("explication")
    assert_accessible(page)
    page.locator("#id_explanation").fill(EXPLANATION)
    page.get_by_role("button", name="Répondre à chaque contribution").click()
    expect(page.locator("main")).to_contain_text("Chaque contribution du thème a reçu une réponse.")
    assert_accessible(page)
    members = list(first.contributions.all())
    for contribution in members:
        assert Answer.objects.filter(contribution=contribution, explanation=EXPLANATION).exists()

    # Publish; a resident reads the synthesis from the consultation's page.
    page.get_by_role("button", name="Publier la synthèse").click()
    expect(page.locator("main")).to_contain_text("La synthèse est publiée.")
    assert_accessible(page)
    log_in(User.objects.get(email="camille@sceaux.demo"))
    page.goto(f"{base}/")
    assert_accessible(page)
    page.get_by_role("link", name="Lire la synthèse").click()
    expect(page.locator("h1")).to_contain_text("la synthèse")
    expect(page.locator("main")).to_contain_text("Des lieux pour se retrouver")
    expect(page.locator(f"#theme-{first.pk}")).to_contain_text("100 %")
    assert_accessible(page)
    page.get_by_role("link", name="Rapport imprimable").click()
    expect(page.locator("h1")).to_contain_text("Rapport de synthèse")
    assert_accessible(page)
