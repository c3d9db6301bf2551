import pytest

from ensemble.accounts.services import api_token_create
from ensemble.answers.models import Answer
from ensemble.answers.services import answer_create
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import AnswerState
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing.factories import UserFactory, member
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db
API = "/api/v1"
EXPLANATION = "Le conseil municipal a voté les crédits : les bancs seront posés au printemps."


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"}


def post_answer(client, contribution, user=None, **data):
    data.setdefault("state", "accepted")
    data.setdefault("explanation", EXPLANATION)
    headers = auth(user) if user is not None else {}
    return client.post(
        f"{API}/contributions/{contribution.pk}/answer", data, content_type="application/json",
        **headers,
    )  # fmt: skip


@pytest.fixture
def consultation(territory):
    return ConsultationFactory(territory=territory, phase="arbitration")


@pytest.fixture
def contribution(consultation):
    return ContributionFactory(consultation=consultation)


@pytest.fixture
def agent(territory):
    return member(territory, "agent")


# --- POST /contributions/{id}/answer: refusals ------------------------------------------


def test_anonymous_gets_401(client, contribution):
    assert post_answer(client, contribution).status_code == 401


@pytest.mark.parametrize("role", ["member", "moderator"])
def test_member_and_moderator_get_403(client, territory, contribution, role):
    response = post_answer(client, contribution, member(territory, role))
    assert response.status_code == 403
    assert not Answer.objects.exists()


def test_agent_of_another_territory_gets_403_on_public_data(client, other_territory, contribution):
    assert post_answer(client, contribution, member(other_territory, "agent")).status_code == 403


@pytest.mark.parametrize("who", ["member", "other_agent"])
def test_internal_consultation_is_404_first(client, territory, other_territory, who):
    internal = ConsultationFactory(
        territory=territory, phase="arbitration", visibility=Consultation.Visibility.AGENTS
    )
    contribution = ContributionFactory(consultation=internal)
    user = member(territory) if who == "member" else member(other_territory, "agent")
    assert post_answer(client, contribution, user).status_code == 404


def test_draft_of_another_territory_is_404(client, territory, other_territory):
    draft = ConsultationFactory(territory=territory, status=Consultation.Status.DRAFT)
    contribution = ContributionFactory(consultation=draft)
    assert post_answer(client, contribution, member(other_territory, "agent")).status_code == 404


def test_unknown_contribution_is_404(client, agent):
    response = client.post(
        f"{API}/contributions/999999/answer", {"state": "accepted", "explanation": EXPLANATION},
        content_type="application/json", **auth(agent),
    )  # fmt: skip
    assert response.status_code == 404


def test_phase_without_answers_is_409(client, territory, agent):
    consultation = ConsultationFactory(territory=territory, phase=False)
    response = post_answer(client, ContributionFactory(consultation=consultation), agent)
    assert response.status_code == 409
    assert response.json()["detail"]


@pytest.mark.parametrize("state", list(AnswerState.values))
@pytest.mark.parametrize("explanation", [None, "", "    ", "Trop court."])
def test_missing_or_short_explanation_names_the_field(
    client, contribution, agent, state, explanation
):
    data = {"state": state}
    if explanation is not None:
        data["explanation"] = explanation
    response = client.post(
        f"{API}/contributions/{contribution.pk}/answer", data, content_type="application/json",
        **auth(agent),
    )  # fmt: skip
    assert response.status_code in (400, 422)
    assert "explanation" in response.json()["errors"]
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("state", "maybe"), ("cost", -5), ("cost", "beaucoup"), ("decided_by", "x" * 201)],
)
def test_bad_fields_are_named(client, contribution, agent, field, value):
    response = post_answer(client, contribution, agent, **{field: value})
    assert response.status_code in (400, 422)
    assert field in response.json()["errors"]


def test_missing_state_is_named(client, contribution, agent):
    response = client.post(
        f"{API}/contributions/{contribution.pk}/answer", {"explanation": EXPLANATION},
        content_type="application/json", **auth(agent),
    )  # fmt: skip
    assert response.status_code == 422
    assert "state" in response.json()["errors"]


# --- POST /contributions/{id}/answer: acceptances ----------------------------------------


def test_agent_answers_and_revises(client, consultation, contribution, agent):
    response = post_answer(
        client, contribution, agent, state="partially_accepted", decided_by="Conseil municipal",
        cost="1200.50", timeline="2027", explanation="  **Oui** pour les bancs, " + EXPLANATION,
    )  # fmt: skip
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["state"] == "partially_accepted"
    assert body["version"] == 1
    assert body["revised"] is False
    assert body["author_role"] == "agent"
    assert body["explanation_markdown"].startswith("**Oui**")
    assert body["explanation_html"].startswith("<p><strong>Oui</strong>")
    assert body["contribution"]["id"] == contribution.pk
    assert body["decided_by"] == "Conseil municipal"
    assert float(body["cost"]) == 1200.5
    body = post_answer(client, contribution, agent, state="accepted").json()
    assert (body["version"], body["revised"]) == (2, True)
    history = client.get(f"{API}/contributions/{contribution.pk}/answers").json()
    assert history["count"] == 2
    assert [item["version"] for item in history["items"]] == [2, 1]
    assert Consultation.objects.get(pk=consultation.pk).answered_count == 1


def test_network_admin_answers(client, contribution):
    response = post_answer(client, contribution, UserFactory(is_superuser=True))
    assert response.status_code == 201
    assert response.json()["author_role"] == "network_admin"


# --- GET /contributions/{id}/answers and /consultations/{id}/decisions -------------------


def test_history_of_internal_consultation_is_404_for_residents(client, territory, agent):
    internal = ConsultationFactory(
        territory=territory, phase="arbitration", visibility=Consultation.Visibility.AGENTS
    )
    contribution = ContributionFactory(consultation=internal)
    answer_create(
        author=agent, contribution=contribution, state="accepted", explanation=EXPLANATION
    )
    assert client.get(f"{API}/contributions/{contribution.pk}/answers").status_code == 404
    assert client.get(f"{API}/consultations/{internal.pk}/decisions").status_code == 404
    headers = auth(member(territory))
    assert client.get(f"{API}/consultations/{internal.pk}/decisions", **headers).status_code == 404
    assert (
        client.get(f"{API}/consultations/{internal.pk}/decisions", **auth(agent)).json()["count"]
        == 1
    )


def test_decisions_newest_first_filtered_and_paginated(client, consultation, agent):
    first, second, third = ContributionFactory.create_batch(3, consultation=consultation)
    for contribution, state in ((first, "rejected"), (second, "accepted"), (third, "accepted")):
        answer_create(author=agent, contribution=contribution, state=state, explanation=EXPLANATION)
    answer_create(author=agent, contribution=first, state="under_study", explanation=EXPLANATION)
    url = f"{API}/consultations/{consultation.pk}/decisions"
    body = client.get(url).json()
    assert body["count"] == 4
    assert [(i["contribution"]["id"], i["version"]) for i in body["items"]] == [
        (first.pk, 2), (third.pk, 1), (second.pk, 1), (first.pk, 1),
    ]  # fmt: skip
    item = body["items"][0]
    assert {"state", "explanation_markdown", "explanation_html", "author_role", "created_at",
            "version"} <= set(item)  # fmt: skip
    assert item["contribution"]["title"] == first.title
    accepted = client.get(url + "?state=accepted").json()
    assert {i["contribution"]["id"] for i in accepted["items"]} == {second.pk, third.pk}
    page = client.get(url + "?page=2&page_size=3").json()
    assert (page["count"], page["page"], page["pages"], len(page["items"])) == (4, 2, 2, 1)
    assert client.get(url + "?state=maybe").status_code == 422
    assert client.get(url + "?page_size=1000").status_code == 422


def test_decisions_leave_hidden_contributions_out(client, consultation, agent):
    hidden = ContributionFactory(consultation=consultation, is_hidden=True, hidden_reason="Injures")
    answer_create(author=agent, contribution=hidden, state="rejected", explanation=EXPLANATION)
    assert client.get(f"{API}/consultations/{consultation.pk}/decisions").json()["count"] == 0


def test_history_of_a_hidden_contribution_stays_with_moderators(
    client, territory, consultation, agent
):
    hidden = ContributionFactory(consultation=consultation, is_hidden=True, hidden_reason="Injures")
    answer_create(author=agent, contribution=hidden, state="rejected", explanation=EXPLANATION)
    url = f"{API}/contributions/{hidden.pk}/answers"
    client.force_login(member(territory))
    assert client.get(url).json()["count"] == 0
    client.force_login(member(territory, "moderator"))
    assert client.get(url).json()["count"] == 1


def test_decisions_queries_are_flat(client, consultation, agent):
    def grow(n):
        while Answer.objects.filter(consultation=consultation).count() < n:
            contribution = ContributionFactory(consultation=consultation, author=UserFactory())
            answer_create(
                author=agent, contribution=contribution, state="accepted", explanation=EXPLANATION
            )

    url = f"{API}/consultations/{consultation.pk}/decisions?page_size=100"
    queries = assert_flat_queries(client, url, grow, small=3, large=30)
    assert queries <= 6, queries
