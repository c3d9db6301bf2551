"""The budget pages: the ballot without script, the results, the agents' set-up; flat queries."""

import pytest
from django.urls import reverse

from ensemble.budgets.models import Ballot, BudgetProject
from ensemble.budgets.services.ballots import ballot_save, ballot_submit
from ensemble.budgets.services.results import budget_close
from ensemble.budgets.tests.factories import budget_with_projects
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing.factories import PASSWORD, NeighbourhoodFactory, member
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db


def url(name, budget, **kwargs):
    consultation = budget.consultation
    return reverse(
        f"budgets:{name}",
        kwargs={
            "territory_slug": consultation.territory.slug,
            "consultation_pk": consultation.pk,
            **kwargs,
        },
    )


def log_in(client, user):
    client.login(email=user.email, password=PASSWORD)
    return user


def test_the_ballot_page_adds_removes_and_refuses_past_the_envelope(client, territory):
    budget, (park, bench) = budget_with_projects(
        territory, envelope=100, projects=[("Parc", 70, None), ("Bancs", 40, None)]
    )
    log_in(client, member(territory))
    page = client.get(url("ballot", budget))
    assert page.status_code == 200 and "Add to my ballot" in page.content.decode()
    assert (
        client.post(url("ballot_change", budget), {"project": park.pk, "action": "add"}).status_code
        == 302
    )
    page = client.get(url("ballot", budget)).content.decode()
    assert "Remove from my ballot" in page and "30" in page
    over = client.post(url("ballot_change", budget), {"project": bench.pk, "action": "add"})
    assert over.status_code == 400 and "past the envelope" in over.content.decode()
    assert list(Ballot.objects.get().projects.all()) == [park]
    assert client.post(url("ballot_submit", budget)).status_code == 302
    assert client.post(url("ballot_submit", budget)).status_code == 409
    assert (
        client.post(
            url("ballot_change", budget), {"project": park.pk, "action": "remove"}
        ).status_code
        == 409
    )


def test_the_ballot_page_tells_who_may_not_vote(client, territory, other_territory):
    budget, _ = budget_with_projects(territory, projects=[("Parc", 70, None)])
    log_in(client, member(other_territory))
    page = client.get(url("ballot", budget)).content.decode()
    assert "Add to my ballot" not in page and "Only members" in page
    consultation = ConsultationFactory(territory=territory)
    empty = reverse(
        "budgets:ballot",
        kwargs={"territory_slug": territory.slug, "consultation_pk": consultation.pk},
    )
    assert "being prepared" in client.get(empty).content.decode()


def test_agent_pages_are_refused_to_residents(client, territory):
    budget, (park,) = budget_with_projects(territory, projects=[("Parc", 70, None)])
    log_in(client, member(territory))
    assert client.get(url("manage", budget)).status_code == 403
    assert client.post(url("close", budget)).status_code == 403
    assert client.post(url("publish", budget)).status_code == 403
    assert client.post(url("paper_ballot", budget), {"projects": [park.pk]}).status_code == 403
    assert client.post(url("make_project", budget, pk=park.pk)).status_code == 403
    assert not Ballot.objects.exists()


def test_an_agent_sets_up_counts_paper_closes_and_publishes(client, territory):
    north = NeighbourhoodFactory(territory=territory)
    budget, (park, bench) = budget_with_projects(
        territory, envelope=100, projects=[("Parc", 70, None), ("Bancs", 40, None)]
    )
    agent = log_in(client, member(territory, "agent"))
    assert client.get(url("manage", budget)).status_code == 200
    saved = client.post(
        url("manage", budget), {"envelope": 120, "rule": "envelope", f"envelope_{north.pk}": 30}
    )
    assert saved.status_code == 302
    created = client.post(
        url("project_create", budget), {"title": "Fontaine", "cost": 25, "neighbourhood": north.pk}
    )
    assert created.status_code == 302 and BudgetProject.objects.filter(title="Fontaine").exists()
    paper = client.post(
        url("paper_ballot", budget), {"projects": [park.pk], "neighbourhood": north.pk}
    )
    assert paper.status_code == 302
    assert Ballot.objects.get().entered_by == agent
    assert "Close the vote" in client.get(url("results", budget)).content.decode()
    assert client.post(url("close", budget)).status_code == 302
    refused = client.post(url("publish", budget), {})
    assert refused.status_code == 400 and "Explain why" in refused.content.decode()
    fountain = BudgetProject.objects.get(title="Fontaine")
    published = client.post(
        url("publish", budget),
        {
            f"explanation_{bench.pk}": "Pas de voix.",
            f"explanation_{fountain.pk}": "Pas de voix.",
        },
    )
    assert published.status_code == 302
    made = client.post(url("make_project", budget, pk=park.pk))
    assert made.status_code == 302
    park.refresh_from_db()
    assert made["Location"] == park.project.get_absolute_url()


def test_ballot_and_results_pages_keep_a_fixed_number_of_queries(client, territory):
    north = NeighbourhoodFactory(territory=territory)
    budget, _ = budget_with_projects(territory, envelope=10**9, envelopes={north: 10**9})
    agent = member(territory, "agent")
    voter = log_in(client, member(territory))
    voter.neighbourhood = north
    voter.save()

    def add_projects(count):
        for index in range(budget.projects.count(), count):
            project = BudgetProject.objects.create(
                budget=budget,
                title=f"P{index}",
                cost=10,
                neighbourhood=north if index % 2 else None,
            )
            project.contributions.add(ContributionFactory(consultation=budget.consultation))

    def grow(count):
        add_projects(count)
        ballot_save(user=voter, budget=budget, projects=list(budget.projects.all()))

    assert_flat_queries(client, url("ballot", budget), grow)
    ballot_submit(user=voter, budget=budget)
    budget_close(actor=agent, budget=budget)
    client.force_login(agent)
    assert_flat_queries(client, url("results", budget), add_projects, small=50, large=80)
