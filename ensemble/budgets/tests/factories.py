"""Test helpers of budgets: a consultation with its vote phase running, a budget, projects."""

from datetime import timedelta

from django.utils import timezone

from ensemble.budgets.models import Budget, BudgetProject, NeighbourhoodEnvelope
from ensemble.budgets.phases import BLUEPRINTS
from ensemble.consultations.models import Phase
from ensemble.consultations.tests.factories import ConsultationFactory


def lay_out_budget_phases(consultation, active: str = "vote") -> None:
    """The participatory-budget blueprint, one week each, `active` running now."""
    consultation.phases.all().delete()
    kinds = [step.kind for step in BLUEPRINTS["participatory-budget"][1]]
    start = timezone.now() - timedelta(days=1) - timedelta(weeks=kinds.index(active))
    for position, kind in enumerate(kinds):
        last = position == len(kinds) - 1
        Phase.objects.create(
            consultation=consultation,
            kind=kind,
            position=position,
            starts_at=start + timedelta(weeks=position),
            ends_at=None if last else start + timedelta(weeks=position + 1),
        )
    consultation.__dict__.pop("ordered_phases", None)


def budget_with_projects(
    territory, *, envelope=100, envelopes=None, projects=(), phase="vote", **budget_fields
):
    """A budget of a new consultation of `territory`; `projects`: (title, cost, neighbourhood)."""
    consultation = ConsultationFactory(territory=territory, phase=False)
    lay_out_budget_phases(consultation, phase)
    budget = Budget.objects.create(consultation=consultation, envelope=envelope, **budget_fields)
    for neighbourhood, amount in (envelopes or {}).items():
        NeighbourhoodEnvelope.objects.create(
            budget=budget, neighbourhood=neighbourhood, amount=amount
        )
    made = [
        BudgetProject.objects.create(
            budget=budget, title=title, cost=cost, neighbourhood=neighbourhood
        )
        for title, cost, neighbourhood in projects
    ]
    return budget, made
