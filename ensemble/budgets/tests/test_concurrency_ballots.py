"""Ballots under real concurrent connections (PostgreSQL, READ COMMITTED); see
contributions/tests/test_concurrency_supports.py for how the threads are run."""

import random

from django.db.models import Count, Q
from django.test import Client

from ensemble.accounts.models import User
from ensemble.budgets.models import Ballot, Budget, BudgetProject, Turnout
from ensemble.budgets.services.ballots import ballot_save, ballot_submit
from ensemble.budgets.tests.factories import budget_with_projects
from ensemble.budgets.tests.test_counts import assert_counts_equal_a_recount
from ensemble.contributions.tests.test_concurrency_supports import residents, run_concurrently
from ensemble.core.exceptions import Conflict
from ensemble.testing.concurrency import CONCURRENT
from ensemble.testing.factories import PASSWORD, member

pytestmark = CONCURRENT

THREADS = 40


def assert_totals_equal_a_recount(budget_pk: int) -> None:
    submitted = Q(ballots__submitted_at__isnull=False)
    for project in BudgetProject.objects.filter(budget_id=budget_pk).annotate(
        online=Count("ballots", filter=submitted & Q(ballots__channel="online"))
    ):
        assert project.votes_count == project.online, project.title
    budget = Budget.objects.get(pk=budget_pk)
    assert budget.ballots_count == Ballot.objects.submitted().filter(budget_id=budget_pk).count()
    # One turnout line per neighbourhood, never created twice by voters at once.
    lines = list(Turnout.objects.filter(budget_id=budget_pk).values_list("neighbourhood_id"))
    assert len(lines) == len(set(lines))
    assert_counts_equal_a_recount(budget_pk)


def test_fifty_concurrent_submissions_of_one_ballot_store_one(territory):
    budget, (park,) = budget_with_projects(territory, projects=[("Parc", 10, None)])
    person = member(territory)
    ballot_save(user=person, budget=budget, projects=[park])
    url = f"/api/v1/consultations/{budget.consultation_id}/ballot/submit"
    first = Client()
    assert first.login(email=person.email, password=PASSWORD)
    clients = []
    for _ in range(50):
        client = Client()
        client.cookies = first.cookies
        clients.append(client)

    statuses = run_concurrently([lambda c=c: c.post(url).status_code for c in clients], 50)

    assert sorted(statuses) == [200] + [409] * 49
    park.refresh_from_db()
    assert park.votes_count == 1
    assert_totals_equal_a_recount(budget.pk)


def test_a_thousand_concurrent_voters_give_totals_equal_to_a_recount(territory):
    budget, projects = budget_with_projects(
        territory, envelope=100, projects=[(f"Projet {i}", 10 + i, None) for i in range(8)]
    )
    people = residents(territory, 1000)
    choices = random.Random(16)
    plans = {pk: choices.sample(projects, choices.randint(1, 4)) for pk in people}

    def vote(user_pk):
        user = User.objects.get(pk=user_pk)
        target = Budget.objects.select_related("consultation__territory").get(pk=budget.pk)
        ballot_save(user=user, budget=target, projects=plans[user_pk])
        return ballot_submit(user=user, budget=target)

    outcomes = run_concurrently([lambda pk=pk: vote(pk) for pk in people], THREADS)

    assert not [o for o in outcomes if isinstance(o, Conflict)]
    assert Ballot.objects.submitted().count() == 1000
    assert_totals_equal_a_recount(budget.pk)
    expected = {p.pk: sum(p in plan for plan in plans.values()) for p in projects}
    assert dict(BudgetProject.objects.values_list("pk", "votes_count")) == expected
