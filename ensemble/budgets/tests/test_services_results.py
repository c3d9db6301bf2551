"""Setting up, closing and publishing: refusals first, then winners becoming results."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ensemble.answers.models import Answer
from ensemble.budgets.models import Budget, BudgetProject
from ensemble.budgets.services.ballots import ballot_save, ballot_submit
from ensemble.budgets.services.results import (
    budget_close,
    budget_project_make_project,
    budget_results_publish,
)
from ensemble.budgets.services.setup import (
    budget_project_add,
    budget_project_from_contribution,
    budget_set,
)
from ensemble.budgets.tests.factories import budget_with_projects
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import AnswerState
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.core.exceptions import Conflict
from ensemble.results.models import Result
from ensemble.testing.factories import NeighbourhoodFactory, member

pytestmark = pytest.mark.django_db


def vote(territory, budget, projects, times=1):
    for _ in range(times):
        voter = member(territory)
        ballot_save(user=voter, budget=budget, projects=projects)
        ballot_submit(user=voter, budget=budget)


def test_only_agents_set_up_a_budget(territory, other_territory):
    consultation = ConsultationFactory(territory=territory)
    north = NeighbourhoodFactory(territory=territory)
    elsewhere = NeighbourhoodFactory(territory=other_territory)
    for outsider in (member(territory), member(other_territory, "agent")):
        with pytest.raises(PermissionDenied):
            budget_set(actor=outsider, consultation=consultation, envelope=10)
    agent = member(territory, "agent")
    with pytest.raises(ValidationError):
        budget_set(
            actor=agent,
            consultation=consultation,
            envelope=10,
            neighbourhood_envelopes={elsewhere: 5},
        )
    with pytest.raises(ValidationError):
        budget_set(actor=agent, consultation=consultation, envelope=10, rule="pick_n")
    assert not Budget.objects.filter(envelope=10).exists()
    budget = budget_set(
        actor=agent, consultation=consultation, envelope=10, neighbourhood_envelopes={north: 5}
    )
    assert list(budget.envelopes.values_list("amount", flat=True)) == [5]


def test_projects_are_fixed_once_ballots_are_in(territory):
    agent = member(territory, "agent")
    budget, (park,) = budget_with_projects(territory, projects=[("Parc", 10, None)])
    with pytest.raises(ValidationError):  # a neighbourhood without an envelope
        budget_project_add(
            actor=agent,
            budget=budget,
            title="X",
            cost=5,
            neighbourhood=NeighbourhoodFactory(territory=territory),
        )
    vote(territory, budget, [park])
    with pytest.raises(Conflict):
        budget_project_add(actor=agent, budget=budget, title="Tard", cost=5)
    with pytest.raises(Conflict):
        budget_set(actor=agent, consultation=budget.consultation, envelope=1000)


def test_a_project_from_a_studied_and_costed_contribution(territory):
    agent = member(territory, "agent")
    budget, _ = budget_with_projects(territory)
    idea = ContributionFactory(consultation=budget.consultation, title="Un jardin partagé")
    with pytest.raises(ValidationError):  # not answered yet
        budget_project_from_contribution(actor=agent, budget=budget, contribution=idea)
    answer = Answer.objects.create(
        contribution=idea,
        consultation=budget.consultation,
        version=1,
        state=AnswerState.ACCEPTED,
        explanation="Faisable.",
        cost=None,
    )
    idea.answer, idea.answer_state = answer, AnswerState.ACCEPTED
    idea.save()
    with pytest.raises(ValidationError):  # no cost
        budget_project_from_contribution(actor=agent, budget=budget, contribution=idea)
    Answer.objects.filter(pk=answer.pk).update(cost="12500.40")
    idea.answer.refresh_from_db()
    project = budget_project_from_contribution(actor=agent, budget=budget, contribution=idea)
    assert (project.title, project.cost) == ("Un jardin partagé", 12501)
    assert list(project.contributions.all()) == [idea]


def test_close_publish_and_winners_become_results_and_projects(territory):
    agent = member(territory, "agent")
    budget, (a, b, c) = budget_with_projects(
        territory, envelope=100, projects=[("A", 60, None), ("B", 50, None), ("C", 40, None)]
    )
    vote(territory, budget, [a, c], times=3)
    vote(territory, budget, [b], times=2)
    with pytest.raises(Conflict):
        budget_results_publish(actor=agent, budget=budget, explanations={})
    with pytest.raises(PermissionDenied):
        budget_close(actor=member(territory), budget=budget)
    budget_close(actor=agent, budget=budget)
    with pytest.raises(Conflict):
        budget_close(actor=agent, budget=budget)
    with pytest.raises(Conflict):
        ballot_save(user=member(territory), budget=budget, projects=[a])
    selected = dict(BudgetProject.objects.values_list("title", "selected"))
    assert selected == {"A": True, "B": False, "C": True}
    with pytest.raises(ValidationError) as error:
        budget_results_publish(actor=agent, budget=budget, explanations={a.pk: "Retenu."})
    assert "B" in str(error.value)
    budget.refresh_from_db()
    assert budget.published_at is None and not Result.objects.exists()
    assert not BudgetProject.objects.exclude(explanation="").exists()
    with pytest.raises(ValidationError):
        budget_results_publish(actor=agent, budget=budget, explanations={99999: "?"})
    budget_results_publish(
        actor=agent,
        budget=budget,
        explanations={b.pk: "Moins de voix que A et C ; plus assez d'argent."},
    )
    assert set(Result.objects.values_list("title", flat=True)) == {"A", "C"}
    a.refresh_from_db()
    assert a.result is not None
    b.refresh_from_db()
    with pytest.raises(Conflict):  # not retained
        budget_project_make_project(actor=agent, project=b)
    project = budget_project_make_project(actor=agent, project=a)
    assert project.title == "A" and project.status == "draft"
    with pytest.raises(Conflict):
        budget_project_make_project(actor=agent, project=a)


def test_the_turnout_is_read_from_its_stored_lines_and_moves_with_a_ballot(
    territory, django_assert_num_queries
):
    from ensemble.budgets.selectors import turnout

    budget, projects = budget_with_projects(territory, projects=[("Bancs", 40, None)])
    vote(territory, budget, projects)
    before = sum(row["ballots"] for row in turnout(budget=budget))
    with django_assert_num_queries(2):  # the lines, the members living in no neighbourhood
        turnout(budget=budget)
    vote(territory, budget, projects)
    assert sum(row["ballots"] for row in turnout(budget=budget)) == before + 1
