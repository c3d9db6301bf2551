"""Pages of matching: candidates for a need (team), opportunities (organisation, person), alerts."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from ensemble.actors.access import organisation_get_visible
from ensemble.actors.models import Organisation
from ensemble.core.access import login_first, require
from ensemble.core.views import service_form
from ensemble.projects.access import need_get_visible

from . import selectors, services
from .forms import AlertForm
from .hooks import help_when_nobody_fits
from .models import MatchAlert

# Owned by the introductions app (mounted at /me/mises-en-relation/).
INTRODUCTION_REQUEST_PATH = "/me/mises-en-relation/demander/"


def introduction_url(*, need, candidate) -> str:
    """The introductions app's "ask for an introduction" page for this candidate."""
    actor = "organisation" if candidate.organisation else "user"
    query = urlencode({"need": need.pk, actor: candidate.actor.pk})
    return f"{INTRODUCTION_REQUEST_PATH}?{query}"


PAGE_SIZE = 10
MAX_PAGE = 20


def _page(request) -> int:
    try:
        return min(max(int(request.GET.get("page", 1)), 1), MAX_PAGE)
    except ValueError:
        return 1


def _pages(page: int, has_next: bool) -> dict:
    return {
        "page": page,
        "previous_page": page - 1 if page > 1 else None,
        "next_page": page + 1 if has_next and page < MAX_PAGE else None,
    }


def need_matches(request, pk: int, need_pk: int):
    """Who could help with a need: the project's team (and the territory's agents)."""
    if login := login_first(request):
        return login
    need = need_get_visible(user=request.user, pk=need_pk, territory=request.territory)
    if need.project_id != pk:
        raise Http404("No such need")
    require(request.user, "matching.view_need_matches", need)
    page = _page(request)
    candidates = selectors.need_candidates(
        need=need, viewer=request.user, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE
    )
    has_next, candidates = len(candidates) > PAGE_SIZE, candidates[:PAGE_SIZE]
    for candidate in candidates:
        candidate.introduction_url = introduction_url(need=need, candidate=candidate)
    helps = help_when_nobody_fits(need, request.user) if not candidates and page == 1 else []
    return render(
        request,
        "matching/need_matches.html",
        {"need": need, "project": need.project, "candidates": candidates, "helps": helps,
         **_pages(page, has_next)},
    )  # fmt: skip


def organisation_opportunities(request, pk: int):
    if login := login_first(request):
        return login
    organisation = organisation_get_visible(
        user=request.user, pk=pk, territory=request.territory,
        perm="matching.view_organisation_opportunities",
    )  # fmt: skip
    return _opportunities(request, organisation=organisation)


@login_required
def my_opportunities(request):
    return _opportunities(request, user=request.user)


def _opportunities(request, *, organisation=None, user=None):
    page = _page(request)
    opportunities = selectors.actor_opportunities(
        organisation=organisation, user=user, viewer=request.user,
        limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE,
    )  # fmt: skip
    has_next, opportunities = len(opportunities) > PAGE_SIZE, opportunities[:PAGE_SIZE]
    return render(
        request,
        "matching/opportunities.html",
        {"organisation": organisation, "opportunities": opportunities,
         **_pages(page, has_next)},
    )  # fmt: skip


def _alert_targets(request) -> list[tuple[str, str, Organisation | None]]:
    """(value, label, organisation) for the person and each organisation they belong to."""
    targets = [("person", _("Myself (my offers as a person)"), None)]
    organisations = Organisation.objects.filter(memberships__user=request.user).order_by("name")
    targets += [(f"organisation-{o.pk}", o.name, o) for o in organisations]
    return targets


@login_required
def alerts(request):
    territory = request.territory
    targets = _alert_targets(request)
    organisations = [o for _v, _label, o in targets if o is not None]
    mine = Q(user=request.user) | Q(organisation__in=organisations)
    existing = {
        (f"organisation-{a.organisation_id}" if a.organisation_id else "person"): a
        for a in MatchAlert.objects.filter(mine, territory=territory)
    }
    form = AlertForm(request.POST or None, targets=[(v, label) for v, label, _o in targets])
    organisation_of = {v: o for v, _label, o in targets}
    return service_form(
        request, form,
        lambda data: services.alert_set(
            actor_user=request.user, territory=territory,
            organisation=organisation_of[data["target"]],
            mode=data["mode"], is_active=data["is_active"],
        ),
        template="matching/alerts.html",
        context={"rows": [(label, existing.get(value)) for value, label, _o in targets]},
        success_message=_("Your alert was saved."), success_url=request.path,
    )  # fmt: skip
