import pytest
from django.conf import settings
from django.urls import reverse

from ensemble.answers.models import Answer
from ensemble.answers.services import answer_create
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db
EXPLANATION = "Le conseil municipal a voté les crédits : les bancs seront posés au printemps."


def answer_url(contribution):
    return reverse(
        "answers:contribution_answer",
        kwargs={
            "territory_slug": contribution.territory.slug,
            "consultation_pk": contribution.consultation_id,
            "pk": contribution.pk,
        },
    )


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def consultation(territory):
    return ConsultationFactory(territory=territory, phase="arbitration", explanation_min_length=60)


@pytest.fixture
def contribution(consultation):
    return ContributionFactory(consultation=consultation)


@pytest.fixture
def agent(territory):
    return member(territory, "agent")


# --- refusals ------------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, contribution):
    response = client.get(answer_url(contribution))
    assert response.status_code == 302
    assert "/login" in response.url or "connexion" in response.url or "accounts" in response.url
    assert client.post(answer_url(contribution), {"state": "accepted"}).status_code == 302
    assert not Answer.objects.exists()


@pytest.mark.parametrize("role", ["member", "moderator"])
def test_members_and_moderators_are_refused(client, territory, contribution, role):
    client.force_login(member(territory, role))
    assert client.get(answer_url(contribution)).status_code == 403
    response = client.post(
        answer_url(contribution), {"state": "accepted", "explanation": EXPLANATION * 2}
    )
    assert response.status_code == 403
    assert not Answer.objects.exists()


def test_agent_of_another_territory_is_refused(client, other_territory, contribution):
    client.force_login(member(other_territory, "agent"))
    assert client.get(answer_url(contribution)).status_code == 403


def test_internal_consultation_is_404_for_others(client, territory, other_territory):
    internal = ConsultationFactory(
        territory=territory, phase="arbitration", visibility=Consultation.Visibility.AGENTS
    )
    contribution = ContributionFactory(consultation=internal)
    for user in (member(territory), member(other_territory, "agent"), UserFactory()):
        client.force_login(user)
        assert client.get(answer_url(contribution)).status_code == 404


def test_contribution_under_another_territory_or_consultation_is_404(
    client, territory, other_territory, contribution, agent
):  # fmt: skip
    client.force_login(agent)
    other = ConsultationFactory(territory=territory, phase="arbitration")
    url = answer_url(contribution)
    assert (
        client.get(url.replace(f"/{contribution.consultation_id}/", f"/{other.pk}/")).status_code
        == 404
    )
    assert (
        client.get(url.replace(f"/{territory.slug}/", f"/{other_territory.slug}/", 1)).status_code
        == 404
    )


def test_wrong_phase_shows_the_error_and_keeps_the_text(client, territory, agent):
    consultation = ConsultationFactory(territory=territory, phase=False)
    contribution = ContributionFactory(consultation=consultation)
    client.force_login(agent)
    page = client.get(answer_url(contribution)).content.decode()
    assert "does not take answers at this stage" in page
    explanation = EXPLANATION + " Rédigé avec soin, à garder."
    response = client.post(
        answer_url(contribution), {"state": "accepted", "explanation": explanation}
    )
    assert response.status_code == 400
    assert "Rédigé avec soin" in response.content.decode()
    assert not Answer.objects.exists()


@pytest.mark.parametrize("explanation", ["", "     ", "Un peu court, non ?"])
def test_missing_or_short_explanation_is_a_field_error(client, contribution, agent, explanation):
    client.force_login(agent)
    response = client.post(
        answer_url(contribution),
        {"state": "rejected", "explanation": explanation, "decided_by": "Conseil du 12 mars",
         "timeline": "Été 2027"},
    )  # fmt: skip
    assert response.status_code == 400
    form = response.context["form"]
    assert "explanation" in form.errors
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert 'href="#id_explanation"' in page
    assert "Conseil du 12 mars" in page and "Été 2027" in page  # nothing typed is lost
    assert (
        'value="rejected" checked' in page
        or 'checked value="rejected"' in page
        or (form["state"].value() == "rejected")
    )
    assert not Answer.objects.exists()


# --- the page and acceptances --------------------------------------------------------------


def test_form_states_minimum_and_describes_each_state(client, contribution, agent):
    client.force_login(agent)
    page = client.get(answer_url(contribution)).content.decode()
    assert 'minlength="60"' in page
    assert "at least 60 characters" in page
    assert 'aria-describedby="id_state_0_description"' in page
    assert 'id="id_state_0_description"' in page
    assert contribution.title in page


def test_agent_answers_then_sees_previous_versions(client, consultation, contribution, agent):
    client.force_login(agent)
    response = client.post(
        answer_url(contribution),
        {"state": "under_study", "explanation": "  " + EXPLANATION + "  ", "cost": "1500"},
    )
    assert response.status_code == 302
    assert response.url == f"{contribution.get_absolute_url()}#answer-1"
    answer = Answer.objects.get()
    assert (answer.state, answer.explanation, answer.author_role) == (
        "under_study",
        EXPLANATION,
        "agent",
    )
    page = client.get(answer_url(contribution)).content.decode()
    assert "Revise the answer" in page
    assert 'id="answer-1"' in page
    response = client.post(
        answer_url(contribution), {"state": "accepted", "explanation": EXPLANATION}
    )
    assert response.url.endswith("#answer-2")
    page = client.get(answer_url(contribution)).content.decode()
    assert "Revised (version 2)" in page
    assert Consultation.objects.get(pk=consultation.pk).answered_count == 1


def test_admin_answers(client, territory, contribution):
    client.force_login(member(territory, "admin"))
    response = client.post(
        answer_url(contribution), {"state": "already_done", "explanation": EXPLANATION}
    )
    assert response.status_code == 302
    assert Answer.objects.get().author_role == "admin"


def test_bad_cost_is_a_field_error(client, contribution, agent):
    client.force_login(agent)
    response = client.post(
        answer_url(contribution), {"state": "accepted", "explanation": EXPLANATION, "cost": "-3"}
    )
    assert response.status_code == 400
    assert "cost" in response.context["form"].errors


def test_answer_partial_shows_every_fact(client, territory, contribution, agent):
    answer_create(
        author=agent, contribution=contribution, state="accepted",
        explanation="**Oui** " + EXPLANATION, decided_by="Conseil municipal du 12 mars",
        timeline="Printemps 2027", cost="2500",
    )  # fmt: skip
    client.force_login(agent)
    page = client.get(answer_url(contribution)).content.decode()
    facts = ("<strong>Oui</strong>", "Conseil municipal du 12 mars", "Printemps 2027")
    for text in (*facts, "Public agent", agent.display_name, "Accepted"):
        assert text in page
