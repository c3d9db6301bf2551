"""Pages of participatory budgets: the ballot, the results, and the agents' set-up."""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from ensemble.budgets import selectors
from ensemble.budgets.access import budget_get_visible
from ensemble.budgets.forms import (
    BallotChangeForm,
    BudgetForm,
    EmptyForm,
    FromContributionForm,
    PaperBallotForm,
    ProjectForm,
    PublishForm,
)
from ensemble.budgets.models import BudgetProject
from ensemble.budgets.services import ballots, results, setup
from ensemble.consultations.access import consultation_get_visible
from ensemble.contributions.models import ACCEPTED_STATES, Contribution
from ensemble.core.access import login_first
from ensemble.core.views import service_form

MANAGE = "budgets.manage_budget"


def _url(name: str, budget) -> str:
    consultation = budget.consultation
    return reverse(
        f"budgets:{name}",
        kwargs={"territory_slug": consultation.territory.slug, "consultation_pk": consultation.pk},
    )


def _posted(request, form_class, **kwargs):
    """A form bound on POST even when nothing is posted (a button alone)."""
    return form_class(request.POST if request.method == "POST" else None, **kwargs)


def _budget(request, consultation_pk: int, perm: str | None = None):
    return budget_get_visible(
        user=request.user, consultation_pk=consultation_pk, territory=request.territory, perm=perm
    )


def _ballot_context(request, budget) -> dict:
    user = request.user
    neighbourhood = getattr(user, "neighbourhood", None)
    projects = list(selectors.project_list(budget=budget))
    ballot = selectors.ballot_get(user=user, budget=budget)
    chosen = list(ballot.projects.all()) if ballot else []
    chosen_ids = {p.pk for p in chosen}
    return {
        "consultation": budget.consultation,
        "budget": budget,
        "ballot": ballot,
        "may_vote": user.has_perm(ballots.VOTE, budget),
        "vote_open": budget.consultation.allows(ballots.Feature.VOTE) and not budget.is_closed,
        "projects": selectors.projects_for_voter(projects, getattr(neighbourhood, "pk", None))
        if user.is_authenticated and not user.has_perm(MANAGE, budget)
        else projects,
        "chosen_ids": chosen_ids,
        "totals": selectors.ballot_totals(budget, chosen, neighbourhood=neighbourhood),
        "can_manage": user.has_perm(MANAGE, budget),
        "results_visible": selectors.results_visible(budget, user),
    }


def ballot(request, consultation_pk: int):
    """The projects and my ballot: running total and what is left, per envelope."""
    consultation = consultation_get_visible(
        user=request.user, pk=consultation_pk, territory=request.territory
    )
    budget = selectors.budget_get(consultation=consultation)
    if budget is None:  # the agents have not set it up yet
        context = {
            "consultation": consultation,
            "budget": None,
            "can_manage": request.user.has_perm(MANAGE, consultation),
        }
        return render(request, "budgets/ballot.html", context)
    budget.consultation = consultation
    return render(request, "budgets/ballot.html", _ballot_context(request, budget))


def ballot_change(request, consultation_pk: int):
    if redirect_ := login_first(request):
        return redirect_
    budget = _budget(request, consultation_pk)

    def change(data):
        ballot = selectors.ballot_get(user=request.user, budget=budget)
        chosen = {p.pk: p for p in (ballot.projects.all() if ballot else [])}
        if data["action"] == "remove":
            chosen.pop(data["project"], None)
        else:
            project = BudgetProject.objects.filter(budget=budget, pk=data["project"]).first()
            if project is None:
                raise ValidationError({"project": _("Unknown project in this budget.")})
            chosen[project.pk] = project
        return ballots.ballot_save(user=request.user, budget=budget, projects=chosen.values())

    return service_form(
        request,
        BallotChangeForm(request.POST or None),
        change,
        template="budgets/ballot.html",
        context=_ballot_context(request, budget),
        success_url=_url("ballot", budget) + "#ballot",
    )


def ballot_submit(request, consultation_pk: int):
    if redirect_ := login_first(request):
        return redirect_
    budget = _budget(request, consultation_pk)
    return service_form(
        request,
        _posted(request, EmptyForm),
        lambda data: ballots.ballot_submit(user=request.user, budget=budget),
        template="budgets/ballot.html",
        context=_ballot_context(request, budget),
        success_message=_("Your ballot is submitted. Thank you for voting!"),
        success_url=_url("ballot", budget),
    )


class ResultsFigures:
    """What the results show, computed when the page's fragment renders (a fragment kept
    for this data version reads none of it): the projects by votes, the turnout."""

    def __init__(self, budget, *, visible: bool):
        self.budget = budget
        self.visible = visible

    @cached_property
    def projects(self) -> list:
        return selectors.ranked(selectors.project_list(budget=self.budget))

    @cached_property
    def turnout(self) -> list[dict]:
        return selectors.turnout(budget=self.budget) if self.visible else []

    @cached_property
    def max_votes(self) -> int:
        return max((p.total_votes for p in self.projects), default=0) or 1


def _results_context(request, budget, **extra) -> dict:
    visible = selectors.results_visible(budget, request.user)
    return {
        "consultation": budget.consultation,
        "budget": budget,
        "figures": ResultsFigures(budget, visible=visible),
        "visible": visible,
        "can_manage": request.user.has_perm(MANAGE, budget),
        **extra,
    }


def budget_results(request, consultation_pk: int):
    """Votes per project, the winners, the explanations, the turnout."""
    budget = _budget(request, consultation_pk)
    context = _results_context(request, budget)
    if context["can_manage"] and budget.is_closed and not budget.is_published:
        context["form"] = PublishForm(projects=context["figures"].projects)
    return render(request, "budgets/results.html", context)


def budget_close(request, consultation_pk: int):
    if redirect_ := login_first(request):
        return redirect_
    budget = _budget(request, consultation_pk, MANAGE)
    return service_form(
        request,
        _posted(request, EmptyForm),
        lambda data: results.budget_close(actor=request.user, budget=budget),
        template="budgets/results.html",
        context=_results_context(request, budget),
        success_message=_(
            "The vote is closed: explain each project not retained, then publish the results."
        ),
        success_url=_url("results", budget),
    )


def budget_publish(request, consultation_pk: int):
    if redirect_ := login_first(request):
        return redirect_
    budget = _budget(request, consultation_pk, MANAGE)
    context = _results_context(request, budget)
    form = _posted(request, PublishForm, projects=context["figures"].projects)
    return service_form(
        request,
        form,
        lambda data: results.budget_results_publish(
            actor=request.user, budget=budget, explanations=form.explanations()
        ),
        template="budgets/results.html",
        context=context,
        success_message=_(
            "The results are published; the retained projects are tracked in the results."
        ),
        success_url=_url("results", budget),
    )


def budget_make_project(request, consultation_pk: int, pk: int):
    if redirect_ := login_first(request):
        return redirect_
    budget = _budget(request, consultation_pk, MANAGE)
    project = BudgetProject.objects.filter(budget=budget, pk=pk).select_related("budget").first()
    if project is None:
        raise Http404
    project.budget = budget
    return service_form(
        request,
        _posted(request, EmptyForm),
        lambda data: results.budget_project_make_project(actor=request.user, project=project),
        template="budgets/results.html",
        context=_results_context(request, budget),
        success_message=_("The project is created as a draft: complete it, then publish it."),
        success_url=lambda created: created.get_absolute_url(),
    )


def _manage_context(request, consultation, budget) -> dict:
    territory = consultation.territory
    projects = list(selectors.project_list(budget=budget)) if budget else []
    taken = {c.pk for p in projects for c in p.contributions.all()}
    studied = (
        Contribution.objects.open()
        .filter(consultation=consultation, answer_state__in=ACCEPTED_STATES)
        .select_related("answer", "neighbourhood")
        .order_by("-supports_count", "pk")
    )
    return {
        "consultation": consultation,
        "budget": budget,
        "projects": projects,
        "studied": [c for c in studied if c.pk not in taken],
        "project_form": ProjectForm(territory=territory),
        "paper_form": PaperBallotForm(territory=territory, projects=projects),
    }


def budget_manage(request, consultation_pk: int):
    """Agents: the envelopes and rule, the projects put to the vote, paper ballots."""
    if redirect_ := login_first(request):
        return redirect_
    consultation = consultation_get_visible(
        user=request.user, pk=consultation_pk, territory=request.territory, perm=MANAGE
    )
    budget = selectors.budget_get(consultation=consultation)
    neighbourhoods = list(consultation.territory.neighbourhoods.all())
    initial = {}
    if budget is not None:
        initial = {
            "envelope": budget.envelope,
            "rule": budget.rule,
            "rule_count": budget.rule_count,
            "results_visible_during_vote": budget.results_visible_during_vote,
        }
        for envelope in budget.envelopes.all():
            initial[f"envelope_{envelope.neighbourhood_id}"] = envelope.amount
    form = BudgetForm(request.POST or None, neighbourhoods=neighbourhoods, initial=initial)
    return service_form(
        request,
        form,
        lambda data: setup.budget_set(
            actor=request.user,
            consultation=consultation,
            envelope=data["envelope"],
            neighbourhood_envelopes=form.neighbourhood_envelopes(),
            rule=data["rule"],
            rule_count=data["rule_count"],
            results_visible_during_vote=data["results_visible_during_vote"],
        ),
        template="budgets/manage.html",
        context=_manage_context(request, consultation, budget),
        success_message=_("The budget is saved."),
    )


def _manage_post(request, consultation_pk: int, form_class, call, message: str, form_kwargs):
    if redirect_ := login_first(request):
        return redirect_
    budget = _budget(request, consultation_pk, MANAGE)
    consultation = budget.consultation
    context = _manage_context(request, consultation, budget)
    form = form_class(request.POST or None, request.FILES or None, **form_kwargs(budget, context))
    return service_form(
        request,
        form,
        lambda data: call(budget, data, form),
        template="budgets/manage.html",
        context={**context, "form": BudgetForm(neighbourhoods=()), "posted": form},
        success_message=message,
        success_url=_url("manage", budget),
    )


def budget_project_create(request, consultation_pk: int):
    def call(budget, data, form):
        return setup.budget_project_add(actor=request.user, budget=budget, **data)

    return _manage_post(
        request,
        consultation_pk,
        ProjectForm,
        call,
        _("The project is put to the vote."),
        lambda budget, context: {"territory": budget.consultation.territory},
    )


def budget_project_from_contribution(request, consultation_pk: int):
    def call(budget, data, form):
        contribution = (
            Contribution.objects.filter(consultation=budget.consultation, pk=data["contribution"])
            .select_related("answer", "neighbourhood")
            .first()
        )
        if contribution is None:
            raise ValidationError({"contribution": _("Unknown contribution.")})
        return setup.budget_project_from_contribution(
            actor=request.user, budget=budget, contribution=contribution
        )

    return _manage_post(
        request,
        consultation_pk,
        FromContributionForm,
        call,
        _("The contribution is put to the vote."),
        lambda budget, context: {},
    )


def paper_ballot_create(request, consultation_pk: int):
    def call(budget, data, form):
        chosen = BudgetProject.objects.filter(budget=budget, pk__in=data["projects"])
        return ballots.paper_ballot_add(
            actor=request.user,
            budget=budget,
            projects=chosen,
            neighbourhood=data["neighbourhood"],
        )

    return _manage_post(
        request,
        consultation_pk,
        PaperBallotForm,
        call,
        _("The paper ballot is counted."),
        lambda budget, context: {
            "territory": budget.consultation.territory,
            "projects": context["projects"],
        },
    )


PREFIX = "consultations/<int:consultation_pk>/budget/"
urlpatterns = [
    path(PREFIX, ballot, name="ballot"),
    path(f"{PREFIX}choix/", ballot_change, name="ballot_change"),
    path(f"{PREFIX}valider/", ballot_submit, name="ballot_submit"),
    path(f"{PREFIX}resultats/", budget_results, name="results"),
    path(f"{PREFIX}cloturer/", budget_close, name="close"),
    path(f"{PREFIX}publier/", budget_publish, name="publish"),
    path(f"{PREFIX}projets/<int:pk>/projet/", budget_make_project, name="make_project"),
    path(f"{PREFIX}gerer/", budget_manage, name="manage"),
    path(f"{PREFIX}gerer/projets/", budget_project_create, name="project_create"),
    path(
        f"{PREFIX}gerer/contributions/",
        budget_project_from_contribution,
        name="project_from_contribution",
    ),
    path(f"{PREFIX}gerer/papier/", paper_ballot_create, name="paper_ballot"),
]
