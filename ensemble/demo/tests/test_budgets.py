"""The demo budget of Sceaux (a closed vote with results) and Lyon's quick poll."""

import pytest
from django.db.models import Count, Q

from ensemble.budgets.models import Ballot, Budget, BudgetProject
from ensemble.demo.seeders import budgets as budgets_demo
from ensemble.demo.seeders import territories as territories_demo
from ensemble.questionnaires.models import Questionnaire
from ensemble.questionnaires.selectors import home_poll

pytestmark = pytest.mark.django_db


def test_the_demo_budget_and_poll_are_seeded_once_and_true():
    context = {}
    territories_demo.seed(context)
    budgets_demo.seed(context)
    budgets_demo.seed(context)  # idempotent
    budget = Budget.objects.get()
    assert budget.is_closed and budget.is_published
    projects = BudgetProject.objects.filter(budget=budget)
    assert projects.count() == 12
    assert projects.exclude(neighbourhood=None).values("neighbourhood").distinct().count() == 2
    # Every project not retained is explained; the winners are tracked results.
    assert not projects.filter(selected=False, explanation="").exists()
    assert not projects.filter(selected=True, result=None).exists()
    # A project was skipped because it no longer fitted: more votes than a retained one.
    skipped = projects.filter(selected=False).order_by("-votes_count").first()
    assert projects.filter(selected=True, votes_count__lt=skipped.votes_count).exists()
    submitted = Q(ballots__submitted_at__isnull=False)
    for project in projects.annotate(rows=Count("ballots", filter=submitted)):
        assert project.rows == project.votes_count + project.paper_votes_count
    assert Ballot.objects.filter(channel="paper").count() == budget.paper_ballots_count == 4
    poll = home_poll(territory=context["territories"]["lyon"])
    assert poll.title == budgets_demo.POLL_TITLE and poll.responses_count == 3
    assert Questionnaire.objects.count() == 1
