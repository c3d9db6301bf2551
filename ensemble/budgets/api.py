"""The API of participatory budgets: envelopes, projects, my ballot, closing, results."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Router, Status

from ensemble.budgets import selectors
from ensemble.budgets.access import budget_get_visible
from ensemble.budgets.models import BudgetProject
from ensemble.budgets.schemas import (
    BallotIn,
    BallotOut,
    BudgetIn,
    BudgetOut,
    ProjectIn,
    ProjectOut,
    PublishIn,
    ResultsOut,
)
from ensemble.budgets.services import ballots, results, setup
from ensemble.consultations.access import consultation_get_visible
from ensemble.contributions.models import Contribution
from ensemble.core.api.auth import authenticated
from ensemble.core.api.schemas import responses
from ensemble.core.exceptions import Conflict
from ensemble.territories.validation import neighbourhood_from_slug

router = Router(tags=["budgets"])
MANAGE = "budgets.manage_budget"
PATH = "/consultations/{int:consultation_id}"


def _budget(request, consultation_id: int, perm: str | None = None):
    return budget_get_visible(user=request.user, consultation_pk=consultation_id, perm=perm)


def _budget_out(budget) -> dict:
    return {
        "envelope": budget.envelope,
        "neighbourhood_envelopes": [
            {"neighbourhood": e.neighbourhood.slug, "amount": e.amount}
            for e in budget.envelopes.all()
        ],
        "rule": budget.rule,
        "rule_count": budget.rule_count,
        "results_visible_during_vote": budget.results_visible_during_vote,
        "closed": budget.is_closed,
        "published": budget.is_published,
        "ballots_count": budget.ballots_count,
        "paper_ballots_count": budget.paper_ballots_count,
        "projects": list(selectors.project_list(budget=budget)),
    }


def _projects(budget, ids: list[int]) -> list[BudgetProject]:
    found = list(BudgetProject.objects.filter(budget=budget, pk__in=ids))
    if missing := set(ids) - {p.pk for p in found}:
        ids_text = ", ".join(str(pk) for pk in sorted(missing))
        raise ValidationError(
            {"projects": _("Unknown in this budget: %(ids)s.") % {"ids": ids_text}}
        )
    return found


def _ballot_out(request, budget) -> dict:
    ballot = selectors.ballot_get(user=request.user, budget=budget)
    chosen = list(ballot.projects.all()) if ballot else []
    totals = selectors.ballot_totals(budget, chosen, neighbourhood=request.user.neighbourhood)
    return {
        "projects": sorted(p.pk for p in chosen),
        "submitted": bool(ballot and ballot.is_submitted),
        "submitted_at": ballot.submitted_at.isoformat() if ballot and ballot.submitted_at else None,
        "totals": [
            {
                "neighbourhood": t.neighbourhood.slug if t.neighbourhood else None,
                "amount": t.amount,
                "spent": t.spent,
                "left": t.left,
            }
            for t in totals
        ],
    }


@router.get(f"{PATH}/budget", response=responses(BudgetOut))
def budget_detail(request, consultation_id: int):
    return _budget_out(_budget(request, consultation_id))


@router.put(f"{PATH}/budget", response=responses(BudgetOut), auth=authenticated)
def budget_put(request, consultation_id: int, payload: BudgetIn):
    """Agents set the envelope(s) and the ballot rule; refused (409) once ballots are in."""
    consultation = consultation_get_visible(user=request.user, pk=consultation_id, perm=MANAGE)
    territory = consultation.territory
    envelopes = {
        neighbourhood_from_slug(territory, slug): amount
        for slug, amount in payload.neighbourhood_envelopes.items()
    }
    setup.budget_set(
        actor=request.user,
        consultation=consultation,
        envelope=payload.envelope,
        neighbourhood_envelopes=envelopes,
        rule=payload.rule,
        rule_count=payload.rule_count,
        results_visible_during_vote=payload.results_visible_during_vote,
    )
    return _budget_out(_budget(request, consultation_id))


@router.post(f"{PATH}/budget/projects", response=responses(ProjectOut, 201), auth=authenticated)
def budget_project_create(request, consultation_id: int, payload: ProjectIn):
    budget = _budget(request, consultation_id, perm=MANAGE)
    territory = budget.consultation.territory
    contributions = list(
        Contribution.objects.filter(consultation=budget.consultation, pk__in=payload.contributions)
    )
    if missing := set(payload.contributions) - {c.pk for c in contributions}:
        ids_text = ", ".join(str(pk) for pk in sorted(missing))
        raise ValidationError(
            {"contributions": _("Unknown in this consultation: %(ids)s.") % {"ids": ids_text}}
        )
    project = setup.budget_project_add(
        actor=request.user,
        budget=budget,
        title=payload.title,
        cost=payload.cost,
        description=payload.description_markdown,
        neighbourhood=neighbourhood_from_slug(territory, payload.neighbourhood),
        contributions=contributions,
        address=payload.address,
        latitude=payload.latitude,
        longitude=payload.longitude,
    )
    return Status(201, selectors.project_list(budget=budget).get(pk=project.pk))


@router.get(f"{PATH}/ballot", response=responses(BallotOut), auth=authenticated)
def ballot_detail(request, consultation_id: int):
    return _ballot_out(request, _budget(request, consultation_id))


@router.put(f"{PATH}/ballot", response=responses(BallotOut), auth=authenticated)
def ballot_put(request, consultation_id: int, payload: BallotIn):
    """Replace my choice until I submit it; refused (400) past the envelope, nothing stored."""
    budget = _budget(request, consultation_id)
    ballots.ballot_save(
        user=request.user, budget=budget, projects=_projects(budget, payload.projects)
    )
    return _ballot_out(request, budget)


@router.post(f"{PATH}/ballot/submit", response=responses(BallotOut), auth=authenticated)
def ballot_submit(request, consultation_id: int):
    """Submit my ballot, once: 409 when it is already submitted."""
    budget = _budget(request, consultation_id)
    ballots.ballot_submit(user=request.user, budget=budget)
    return _ballot_out(request, budget)


@router.post(f"{PATH}/budget/close", response=responses(ResultsOut), auth=authenticated)
def budget_close(request, consultation_id: int):
    budget = _budget(request, consultation_id, perm=MANAGE)
    results.budget_close(actor=request.user, budget=budget)
    return _results_out(budget)


@router.post(f"{PATH}/budget/results/publish", response=responses(ResultsOut), auth=authenticated)
def budget_results_publish(request, consultation_id: int, payload: PublishIn):
    """Refused (400) while a project not retained lacks an explanation; nothing is stored then."""
    budget = _budget(request, consultation_id, perm=MANAGE)
    results.budget_results_publish(
        actor=request.user, budget=budget, explanations=payload.explanations
    )
    return _results_out(budget)


def _results_out(budget) -> dict:
    budget.refresh_from_db()
    projects = selectors.ranked(selectors.project_list(budget=budget))
    return {
        "closed": budget.is_closed,
        "published": budget.is_published,
        "ballots_count": budget.ballots_count,
        "paper_ballots_count": budget.paper_ballots_count,
        "projects": [
            {
                "id": p.pk,
                "title": p.title,
                "cost": p.cost,
                "neighbourhood": p.neighbourhood.slug if p.neighbourhood_id else None,
                "votes": p.total_votes,
                "online_votes": p.votes_count,
                "paper_votes": p.paper_votes_count,
                "selected": p.selected if budget.is_closed else None,
                "explanation": p.explanation,
                "result": p.result_id,
            }
            for p in projects
        ],
    }


@router.get(f"{PATH}/budget/results", response=responses(ResultsOut))
def budget_results(request, consultation_id: int):
    """Votes per project; hidden (409) before the vote closes unless the agents chose so."""
    budget = _budget(request, consultation_id)
    if not selectors.results_visible(budget, request.user):
        raise Conflict(_("The results are published after the vote closes."))
    return _results_out(budget)
