"""The stored counts of a vote (votes, ballots, turnout by neighbourhood): equal to a recount
after online and paper ballots and deleted accounts; never shown before the results are."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ensemble.budgets.models import Ballot, Budget, BudgetProject, Turnout
from ensemble.budgets.selectors import turnout
from ensemble.budgets.services import counts
from ensemble.budgets.services.ballots import ballot_save, ballot_submit, paper_ballot_add
from ensemble.budgets.services.results import budget_close, budget_results_publish
from ensemble.budgets.tests.factories import budget_with_projects
from ensemble.core.exceptions import Conflict
from ensemble.privacy.services import account_erase
from ensemble.testing.clients import clients_for, page_html
from ensemble.testing.factories import NeighbourhoodFactory, member

pytestmark = pytest.mark.django_db


def stored(budget_pk: int) -> dict:
    budget = Budget.objects.get(pk=budget_pk)
    projects = BudgetProject.objects.filter(budget_id=budget_pk)
    lines = {}
    for line in Turnout.objects.filter(budget_id=budget_pk):
        online, paper = lines.get(line.neighbourhood_id, (0, 0))
        lines[line.neighbourhood_id] = (online + line.online, paper + line.paper)
    return {
        "ballots": (budget.ballots_count, budget.paper_ballots_count),
        "votes": dict(projects.values_list("pk", "votes_count")),
        "paper_votes": dict(projects.values_list("pk", "paper_votes_count")),
        "turnout": {key: value for key, value in lines.items() if any(value)},
    }


def assert_counts_equal_a_recount(budget_pk: int) -> dict:
    kept = stored(budget_pk)
    counts.recount(budget_pk=budget_pk)
    assert kept == stored(budget_pk)
    return kept


def voter(territory, budget, projects, **user_kwargs):
    person = member(territory, **user_kwargs)
    ballot_save(user=person, budget=budget, projects=projects)
    ballot_submit(user=person, budget=budget)
    return person


@pytest.fixture
def vote(territory):
    north = NeighbourhoodFactory(territory=territory)
    budget, (park, bench) = budget_with_projects(
        territory,
        envelope=100,
        envelopes={north: 50},
        projects=[("Parc", 40, None), ("Bancs", 10, north)],
        results_visible_during_vote=True,
    )
    return budget, park, bench, north


def test_online_and_paper_ballots_move_votes_and_turnout(territory, vote):
    budget, park, bench, north = vote
    agent = member(territory, "agent")
    voter(territory, budget, [park, bench], neighbourhood=north)
    voter(territory, budget, [park])
    ballot_save(user=member(territory), budget=budget, projects=[park])  # a draft: not counted
    paper_ballot_add(actor=agent, budget=budget, projects=[bench], neighbourhood=north)

    figures = assert_counts_equal_a_recount(budget.pk)

    assert figures["ballots"] == (2, 1)
    assert figures["votes"] == {park.pk: 2, bench.pk: 1}
    assert figures["paper_votes"] == {park.pk: 0, bench.pk: 1}
    assert figures["turnout"] == {north.pk: (1, 1), None: (1, 0)}
    budget.consultation.territory.refresh_from_db()
    members = {row["neighbourhood"]: row["members"] for row in turnout(budget=budget)}
    assert members == {north.name: 1, None: budget.consultation.territory.members_count - 1}


def test_deleted_and_erased_accounts_leave_their_ballots_counted(territory, vote):
    budget, park, bench, north = vote
    erased = voter(territory, budget, [park, bench], neighbourhood=north)
    deleted = voter(territory, budget, [park])
    before = stored(budget.pk)

    account_erase(user=erased)
    deleted.delete()  # a hard deletion (the purge of unused accounts, the admin)

    assert stored(budget.pk) == before
    assert_counts_equal_a_recount(budget.pk)
    assert Ballot.objects.submitted().filter(budget=budget).count() == 2


def test_the_command_repairs_broken_counts(territory, vote):
    budget, park, bench, north = vote
    voter(territory, budget, [park, bench], neighbourhood=north)
    right = stored(budget.pk)
    BudgetProject.objects.filter(budget=budget).update(votes_count=9)
    Budget.objects.filter(pk=budget.pk).update(ballots_count=0)
    Turnout.objects.filter(budget=budget).delete()

    call_command("recount", "budgets", str(budget.pk), stdout=StringIO())

    assert stored(budget.pk) == right


def test_the_turnout_is_neither_shown_nor_counted_before_the_results(client, territory, vote):
    budget, park, _bench, north = vote
    Budget.objects.filter(pk=budget.pk).update(results_visible_during_vote=False)
    voter(territory, budget, [park], neighbourhood=north)
    url = reverse(
        "budgets:results",
        kwargs={"territory_slug": territory.slug, "consultation_pk": budget.consultation_id},
    )
    client.force_login(member(territory))

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 200
    assert not [q for q in queries.captured_queries if Turnout._meta.db_table in q["sql"]]
    assert not [q for q in queries.captured_queries if "budgetproject" in q["sql"]]
    assert north.name not in response.content.decode()
    assert (
        client.get(f"/api/v1/consultations/{budget.consultation_id}/budget/results").status_code
        == 409
    )


def test_the_kept_results_move_with_a_ballot_and_keep_the_agents_forms_to_agents(
    territory, vote, fragments
):
    budget, park, bench, north = vote
    agent, neighbour = member(territory, "agent"), member(territory)
    voter(territory, budget, [park], neighbourhood=north)
    url = reverse(
        "budgets:results",
        kwargs={"territory_slug": territory.slug, "consultation_pk": budget.consultation_id},
    )
    agents, neighbours = clients_for(agent, neighbour)
    assert "1 bulletins en ligne" in page_html(neighbours, url)

    voter(territory, budget, [park, bench], neighbourhood=north)

    assert "2 bulletins en ligne" in page_html(neighbours, url)  # never stale after a ballot
    assert "2 bulletins en ligne" in page_html(agents, url)
    budget_close(actor=agent, budget=budget)
    budget_results_publish(actor=agent, budget=budget, explanations={})
    make_project = reverse(
        "budgets:make_project",
        kwargs={
            "territory_slug": territory.slug,
            "consultation_pk": budget.consultation_id,
            "pk": park.pk,
        },
    )
    assert make_project in page_html(agents, url)
    assert make_project not in page_html(neighbours, url)  # the agents' part stays theirs


def test_a_ballot_submitted_as_the_vote_closes_is_refused_and_not_counted(territory, vote):
    budget, park, bench, _north = vote
    person = member(territory)
    ballot_save(user=person, budget=budget, projects=[park])
    loaded = Budget.objects.select_related("consultation").get(pk=budget.pk)  # still open

    budget_close(actor=member(territory, "agent"), budget=budget)
    with pytest.raises(Conflict):
        ballot_submit(user=person, budget=loaded)

    assert stored(budget.pk)["ballots"] == (0, 0)
    assert stored(budget.pk)["votes"] == {park.pk: 0, bench.pk: 0}
    assert not Ballot.objects.submitted().exists()
