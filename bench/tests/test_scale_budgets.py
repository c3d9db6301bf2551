import pytest
from django.core.management import call_command
from django.db.models import Count, Q

from ensemble.budgets.models import Ballot, Budget, BudgetProject, Turnout
from ensemble.questionnaires.models import Questionnaire, Response, Tally

pytestmark = pytest.mark.django_db


def test_the_budget_and_questionnaire_at_scale_have_true_counters():
    call_command(
        "seed_scale",
        seed=2,
        verbosity=0,
        members=60,
        territories=2,
        neighbourhoods_per_territory=3,
        budget_voters=80,
        questionnaire_responses=70,
    )
    budget = Budget.objects.get()
    assert budget.ballots_count + budget.paper_ballots_count == 80
    assert budget.paper_ballots_count == Ballot.objects.filter(user=None).count() > 0
    online = Q(ballots__channel="online")
    for project in BudgetProject.objects.annotate(rows=Count("ballots", filter=online)):
        assert project.votes_count == project.rows
    assert Turnout.objects.get(budget=budget).paper == budget.paper_ballots_count
    questionnaire = Questionnaire.objects.get()
    assert questionnaire.responses_count == Response.objects.count() == 70
    first = questionnaire.questions.order_by("position").first()  # answered by everyone
    assert Tally.objects.get(question=first, row="", choice="").count == 70
