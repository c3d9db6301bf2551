"""The budget API: the contract of the issue, refusals first."""

import pytest

from ensemble.accounts.services import api_token_create
from ensemble.budgets.models import Ballot, Budget
from ensemble.budgets.tests.factories import budget_with_projects, lay_out_budget_phases
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing.factories import NeighbourhoodFactory, member

pytestmark = pytest.mark.django_db
API = "/api/v1"


def send(client, method, path, user=None, data=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"} if user else {}
    return getattr(client, method)(API + path, data, content_type="application/json", **headers)


def test_agents_set_the_budget_and_its_projects(client, territory, other_territory):
    consultation = ConsultationFactory(territory=territory, phase=False)
    lay_out_budget_phases(consultation, "vote")
    north = NeighbourhoodFactory(territory=territory, slug="nord")
    path = f"/consultations/{consultation.pk}/budget"
    body = {"envelope": 100000, "neighbourhood_envelopes": {"nord": 30000}}
    assert send(client, "put", path, data=body).status_code == 401
    assert send(client, "put", path, member(territory), body).status_code == 403
    assert send(client, "put", path, member(other_territory, "agent"), body).status_code == 403
    agent = member(territory, "agent")
    bad = send(client, "put", path, agent, {**body, "neighbourhood_envelopes": {"ailleurs": 1}})
    assert bad.status_code == 400 and "neighbourhood" in bad.json()["errors"]
    response = send(client, "put", path, agent, body)
    assert response.status_code == 200
    assert response.json()["neighbourhood_envelopes"] == [
        {"neighbourhood": "nord", "amount": 30000}
    ]
    idea = ContributionFactory(consultation=consultation)
    project = {
        "title": "Jardin",
        "cost": 20000,
        "description_markdown": "Un **jardin**.",
        "neighbourhood": "nord",
        "contributions": [idea.pk],
    }
    assert send(client, "post", f"{path}/projects", member(territory), project).status_code == 403
    other = ContributionFactory()
    refused = send(
        client, "post", f"{path}/projects", agent, {**project, "contributions": [other.pk]}
    )
    assert refused.status_code == 400 and "contributions" in refused.json()["errors"]
    created = send(client, "post", f"{path}/projects", agent, project)
    assert created.status_code == 201, created.json()
    assert created.json()["neighbourhood"] == "nord" and created.json()["contributions"] == [
        idea.pk
    ]
    assert Budget.objects.get().projects.get().neighbourhood == north


def test_the_ballot_refusals_and_a_single_submission(client, territory, other_territory):
    north = NeighbourhoodFactory(territory=territory)
    south = NeighbourhoodFactory(territory=territory)
    budget, (park, bench, garden) = budget_with_projects(
        territory,
        envelope=100,
        envelopes={south: 50},
        projects=[("Parc", 70, None), ("Bancs", 40, None), ("Jardin", 20, south)],
    )
    path = f"/consultations/{budget.consultation_id}/ballot"
    voter = member(territory)
    voter.neighbourhood = north
    voter.save()
    assert send(client, "get", path).status_code == 401
    over = send(client, "put", path, voter, {"projects": [park.pk, bench.pk]})
    assert over.status_code == 400 and "envelope" in over.json()["errors"]["projects"][0]
    assert send(client, "put", path, voter, {"projects": [garden.pk]}).status_code == 400
    assert (
        send(client, "put", path, member(other_territory), {"projects": [park.pk]}).status_code
        == 403
    )
    unverified = member(territory, verified=False)
    assert send(client, "put", path, unverified, {"projects": [park.pk]}).status_code == 403
    assert not Ballot.objects.exists()
    saved = send(client, "put", path, voter, {"projects": [park.pk]})
    assert saved.status_code == 200
    assert saved.json()["totals"][0] == {
        "neighbourhood": None,
        "amount": 100,
        "spent": 70,
        "left": 30,
    }
    assert send(client, "post", f"{path}/submit", voter).json()["submitted"] is True
    again = send(client, "post", f"{path}/submit", voter)
    assert again.status_code == 409
    assert send(client, "put", path, voter, {"projects": [bench.pk]}).status_code == 409
    assert send(client, "get", path, voter).json()["projects"] == [park.pk]


def test_results_hidden_before_closing_then_published_with_explanations(client, territory):
    budget, (a, b) = budget_with_projects(
        territory, envelope=100, projects=[("A", 80, None), ("B", 50, None)]
    )
    voter, agent = member(territory), member(territory, "agent")
    ballot = f"/consultations/{budget.consultation_id}/ballot"
    send(client, "put", ballot, voter, {"projects": [a.pk]})
    send(client, "post", f"{ballot}/submit", voter)
    results = f"/consultations/{budget.consultation_id}/budget/results"
    assert send(client, "get", results).status_code == 409
    assert send(client, "get", results, agent).status_code == 409
    close = f"/consultations/{budget.consultation_id}/budget/close"
    assert send(client, "post", close, voter).status_code == 403
    assert send(client, "post", close, agent).status_code == 200
    assert send(client, "get", results, voter).status_code == 409  # not published yet
    publish = f"/consultations/{budget.consultation_id}/budget/results/publish"
    refused = send(client, "post", publish, agent, {"explanations": {}})
    assert refused.status_code == 400 and "explanations" in refused.json()["errors"]
    published = send(
        client, "post", publish, agent, {"explanations": {str(b.pk): "Pas de voix : non retenu."}}
    )
    assert published.status_code == 200
    rows = {p["title"]: p for p in send(client, "get", results).json()["projects"]}
    assert (rows["A"]["votes"], rows["A"]["selected"]) == (1, True)
    assert (rows["B"]["votes"], rows["B"]["selected"]) == (0, False)
    assert rows["B"]["explanation"] == "Pas de voix : non retenu."
    assert rows["A"]["result"] is not None


def test_results_during_the_vote_when_the_agents_chose_so(client, territory):
    budget, _ = budget_with_projects(
        territory, projects=[("A", 10, None)], results_visible_during_vote=True
    )
    response = send(client, "get", f"/consultations/{budget.consultation_id}/budget/results")
    assert response.status_code == 200 and response.json()["projects"][0]["selected"] is None


def test_an_internal_consultations_budget_does_not_exist_for_residents(client, territory):
    budget, _ = budget_with_projects(territory)
    budget.consultation.visibility = "agents"
    budget.consultation.save()
    assert (
        send(
            client, "get", f"/consultations/{budget.consultation_id}/budget", member(territory)
        ).status_code
        == 404
    )
