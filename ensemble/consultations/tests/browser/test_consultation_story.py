"""Issue 5's story in the browser, as the people of a town live it.

An agent opens a consultation from the co-creation blueprint; residents post a
problem and an idea, comment and support; a facilitator records what a
workshop group proposed; the agent answers with an explanation (a bare answer
is refused), the journal and the indicators follow; a result is tracked and
linked to a project, and the author turns the contribution into a project.
Every page goes through axe.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ensemble.consultations.models import Consultation, Phase
from ensemble.contributions.models import AnswerState, Contribution
from ensemble.notifications.models import Notification
from ensemble.projects.models import Project
from ensemble.projects.tests.factories import ProjectFactory
from ensemble.results.models import Result
from ensemble.territories.roles import Role
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import TerritoryFactory, ThemeFactory, member

pytestmark = pytest.mark.browser

TITLE = "Parlons mobilités à Sceaux"
PROBLEM = "Les trottoirs de la rue Houdan sont encombrés"
IDEA = "Des arceaux vélo devant le marché"
EXPLANATION = (
    "La voirie a été inspectée le 3 novembre : nous élargirons les trottoirs au printemps, "
    "financés par le budget de la voirie 2027, après avis du conseil de quartier."
)


@pytest.fixture
def town(transactional_db):
    territory = TerritoryFactory(name="Sceaux", slug="sceaux")
    ThemeFactory(name="Mobilités", slug="mobilites")
    agent = member(territory, Role.AGENT, display_name="Claire, agente voirie")
    camille = member(territory, display_name="Camille")
    lea = member(territory, display_name="Léa")
    project = ProjectFactory(territory=territory, title="Rue Houdan apaisée")
    return {"territory": territory, "agent": agent, "camille": camille, "lea": lea,
            "project": project}  # fmt: skip


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_consultation_from_blueprint_to_results(page, log_in, town):
    agent, camille, lea = town["agent"], town["camille"], town["lea"]

    # An agent opens a consultation from the blueprint and publishes it.
    log_in(agent)
    page.goto("/sceaux/consultations/nouvelle/")
    assert_accessible(page)
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_question").fill("Comment mieux se déplacer à pied et à vélo ?")
    page.locator("#id_charter_body").fill(
        "Toute personne du territoire peut participer. Chaque contribution reçoit une "
        "réponse motivée sous 30 jours."
    )
    page.locator("#id_answer_within_days").fill("30")
    page.locator("main form button[name=publish]").click()
    expect(page.locator("h1")).to_contain_text(TITLE)
    assert_accessible(page)
    consultation = Consultation.objects.get(title=TITLE)
    assert consultation.status == Consultation.Status.PUBLISHED
    assert [phase.kind for phase in consultation.ordered_phases] == [
        "collect", "workshops", "arbitration", "follow_up",
    ]  # fmt: skip
    base = f"/sceaux/consultations/{consultation.pk}"

    # A resident posts a problem, then an idea.
    log_in(camille)
    page.goto(f"{base}/")
    assert_accessible(page)
    page.locator(f'main a[href="{base}/contributions/nouvelle/"]').first.click()
    assert_accessible(page)
    page.locator('input[name=kind][value="problem"]').check()
    page.locator("#id_title").fill(PROBLEM)
    page.locator("#id_body").fill("Poussettes et fauteuils doivent descendre sur la chaussée.")
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("h1")).to_contain_text(PROBLEM)
    assert_accessible(page)
    problem = Contribution.objects.get(title=PROBLEM)
    assert problem.kind == Contribution.Kind.PROBLEM and problem.charter_version == 1

    page.goto(f"{base}/contributions/nouvelle/")
    assert_accessible(page)
    page.locator('input[name=kind][value="idea"]').check()
    page.locator("#id_title").fill(IDEA)
    page.locator("#id_body").fill("Dix arceaux place du marché, le samedi c'est complet.")
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("h1")).to_contain_text(IDEA)
    assert_accessible(page)

    # Another resident supports the problem from the list and comments on it.
    log_in(lea)
    page.goto(f"{base}/contributions/")
    assert_accessible(page)
    page.locator(f"#support-{problem.pk}-button").click()
    assert_accessible(page)
    problem.refresh_from_db()
    assert problem.supports_count == 1
    page.goto(problem.get_absolute_url())
    assert_accessible(page)
    page.locator("form.comment-form textarea").fill("Même constat devant l'école des Clos.")
    page.locator("form.comment-form button[type=submit]").click()
    assert_accessible(page)
    expect(page.locator("main")).to_contain_text("devant l'école des Clos")

    # The agent holds a workshop; its facilitator records the group's idea. It was held
    # three hours ago: the consultation opened the day before (from the blueprint it opens
    # today at midnight, and three hours before 1 a.m. is yesterday).
    first = consultation.ordered_phases[0]
    Phase.objects.filter(pk=first.pk).update(starts_at=first.starts_at - timedelta(days=1))
    log_in(agent)
    page.goto(f"{base}/ateliers/nouveau/")
    assert_accessible(page)
    started = timezone.now() - timedelta(hours=3)
    page.locator("#id_title").fill("Atelier marche à pied")
    page.locator("#id_starts_at").fill(_local(started))
    page.locator("#id_ends_at").fill(_local(started + timedelta(hours=2)))
    page.locator("#id_address").fill("Salle des fêtes")
    page.locator("#id_capacity").fill("20")
    page.locator("#id_facilitator_emails").fill(agent.email)
    page.locator("main form button[type=submit]").click()
    assert_accessible(page)
    workshop = consultation.workshops.get().event
    page.goto(f"/sceaux/evenements/{workshop.pk}/compte-rendu/")
    assert_accessible(page)
    page.locator("#id_report-participants_count").fill("14")
    page.locator("main form:has(input[value=report]) button[type=submit]").click()
    assert_accessible(page)
    page.locator('input[name="contribution-kind"][value="idea"]').check()
    page.locator("#id_contribution-title").fill("Un plan des raccourcis piétons")
    page.locator("#id_contribution-body").fill("Le groupe propose un plan affiché par quartier.")
    page.locator("#id_contribution-group_size").fill("6")
    page.locator("main form:has(input[value=contribution]) button[type=submit]").click()
    assert_accessible(page)
    recorded = Contribution.objects.get(workshop=workshop)
    assert recorded.group_size == 6
    workshop.refresh_from_db()
    assert workshop.participants_count == 14

    # The agent answers the problem: without a real explanation it is refused.
    page.goto(f"{problem.get_absolute_url()}repondre/")
    assert_accessible(page)
    page.locator(f'input[name=state][value="{AnswerState.ACCEPTED}"]').check()
    page.locator("#id_explanation").fill("OK.")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#id_explanation")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    problem.refresh_from_db()
    assert problem.answer_state == ""
    page.locator("#id_explanation").fill(EXPLANATION)
    page.locator("#id_decided_by").fill("Conseil municipal du 12 novembre 2026")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("élargirons les trottoirs")
    assert_accessible(page)
    problem.refresh_from_db()
    assert problem.answer_state == AnswerState.ACCEPTED
    assert Notification.objects.filter(user=camille, kind="contribution_answered").count() == 1
    assert Notification.objects.filter(user=lea, kind="contribution_answered").count() == 1

    # The journal and the indicators follow.
    page.goto(f"{base}/journal/")
    assert_accessible(page)
    expect(page.locator("main")).to_contain_text(PROBLEM)
    expect(page.locator("main")).to_contain_text("élargirons les trottoirs")
    consultation.refresh_from_db()
    assert (consultation.contributions_count, consultation.answered_count) == (3, 1)
    page.goto(f"{base}/")
    assert_accessible(page)
    expect(page.locator("main")).to_contain_text("33")  # 1 of 3 answered: 33 %

    # A result is tracked and linked to the project that carries it.
    page.goto(f"{base}/resultats/nouveau/")
    assert_accessible(page)
    page.locator("#id_title").fill("Trottoirs élargis rue Houdan")
    page.locator(f'input[name=contributions][value="{problem.pk}"]').check()
    page.locator(f'input[name=projects][value="{town["project"].pk}"]').check()
    page.locator("main form button[type=submit]").click()
    assert_accessible(page)
    result = Result.objects.get(title="Trottoirs élargis rue Houdan")
    page.goto(f"{result.get_absolute_url()}suivi/")
    assert_accessible(page)
    page.locator("#id_title").fill("Travaux commencés")
    page.locator("#id_status").select_option("in_progress")
    page.locator("#id_progress").fill("40")
    page.locator("main form button[type=submit]").click()
    assert_accessible(page)
    result.refresh_from_db()
    assert (result.status, result.progress) == (Result.Status.IN_PROGRESS, 40)
    expect(page.locator("main")).to_contain_text("Travaux commencés")
    assert list(result.projects.all()) == [town["project"]]

    # Its author turns the accepted problem into a project, which remembers its origin.
    log_in(camille)
    page.goto(problem.get_absolute_url())
    assert_accessible(page)
    page.locator(f'main a[href$="/contributions/{problem.pk}/projet/"]').click()
    assert_accessible(page)
    page.locator("main form button[type=submit]").last.click()
    assert_accessible(page)
    born = Project.objects.get(origin_contribution=problem)
    expect(page.locator("main")).to_contain_text(PROBLEM)
    assert born.status == Project.Status.DRAFT
