"""Pages of the consultations: contributions (list, post, page, edit, follow, moderation:
hide, show again, merge, report)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.consultations.access import consultation_get_visible
from ensemble.consultations.phases import Feature
from ensemble.contributions.access import contribution_get_visible, merge_target_get_visible
from ensemble.contributions.forms.contributions import (
    ContributionFilterForm,
    ContributionForm,
    HideForm,
    MergeForm,
    ReportForm,
)
from ensemble.contributions.selectors import contributions as selectors
from ensemble.contributions.selectors.supports import supported_ids
from ensemble.contributions.services import contributions as services
from ensemble.contributions.services import follows, moderation
from ensemble.core.forms import form_add_service_errors
from ensemble.core.pagination import paginate
from ensemble.moderation.services import report_create


def _consultation(request, consultation_pk: int, perm: str | None = None):
    return consultation_get_visible(
        user=request.user, pk=consultation_pk, territory=request.territory, perm=perm
    )


def _contribution(request, consultation_pk: int, pk: int, perm: str | None = None, **options):
    return contribution_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm=perm,
        consultation=consultation_pk, **options,
    )  # fmt: skip


def _login_first(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def _similar_url(request, consultation) -> str:
    return reverse(
        "contributions:contribution_similar",
        kwargs={"territory_slug": request.territory.slug, "consultation_pk": consultation.pk},
    )


class ContributionResults:
    """A page of contributions, read only when its fragment is not kept.

    The cards carry the viewer's own support buttons (supported or not, supports left, why
    not): visitors share one kept page per query string, a logged-in person has their own.
    """

    def __init__(self, request, consultation, filters: dict, sort: str):
        self.request, self.consultation = request, consultation
        self.filters, self.sort = filters, sort
        self.query_string = request.GET.urlencode()
        user = request.user
        self.audience = f"user:{user.pk}" if user.is_authenticated else "public"

    @cached_property
    def page(self):
        page = paginate(
            self.request,
            selectors.contribution_list(
                consultation=self.consultation, filters=self.filters, sort=self.sort
            ),
        )
        page.object_list = selectors.attach_consultation(page.object_list, self.consultation)
        return page

    @cached_property
    def supported(self):
        return supported_ids(user=self.request.user, contribution_ids=[c.pk for c in self.page])


def contribution_list(request, consultation_pk: int):
    consultation = _consultation(request, consultation_pk)
    can_moderate = selectors.may_read_hidden(user=request.user, consultation=consultation)
    form = ContributionFilterForm(
        request.GET or None, territory=request.territory, can_moderate=can_moderate
    )
    filters, sort = form.filters() if request.GET else ({}, selectors.DEFAULT_SORT)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "contributions/contribution_list.html",
        {
            "consultation": consultation,
            "form": form,
            "results": ContributionResults(request, consultation, filters, sort),
            "query": query.urlencode(),
            "filtered": bool(filters),
            "showing_hidden": bool(filters.get("hidden")),
            "can_propose": consultation.allows(Feature.PROPOSE)
            and request.user.has_perm("contributions.add_contribution", consultation),
            "proposing_open": consultation.allows(Feature.PROPOSE),
        },
    )


def contribution_create(request, consultation_pk: int):
    if response := _login_first(request):
        return response
    consultation = _consultation(request, consultation_pk, "contributions.add_contribution")
    form = ContributionForm(
        request.POST or None, request.FILES or None, territory=request.territory,
        similar_url=_similar_url(request, consultation),
    )  # fmt: skip
    duplicate_of = None
    if request.method == "POST" and form.is_valid():
        try:
            contribution = services.contribution_create(
                author=request.user, consultation=consultation, **form.cleaned_data
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
            duplicate_of = getattr(error, "original", None)
        else:
            messages.success(request, _("Thank you: your contribution is published."))
            return redirect(contribution.get_absolute_url())
    title = form["title"].value() or ""
    return render(
        request,
        "contributions/contribution_form.html",
        {
            "consultation": consultation, "form": form, "contribution": None,
            "duplicate_of": duplicate_of,
            "proposing_open": consultation.allows(Feature.PROPOSE),
            "similar": selectors.contribution_similar(consultation=consultation, title=title)
            if title else [],
        },
        status=400 if form.errors else 200,
    )  # fmt: skip


def contribution_similar(request, consultation_pk: int):
    """Suggestions while the title is typed: a partial for htmx, a small page without it."""
    consultation = _consultation(request, consultation_pk)
    exclude = request.GET.get("exclude", "")
    similar = selectors.contribution_similar(
        consultation=consultation, title=request.GET.get("title", ""),
        exclude=int(exclude) if exclude.isdigit() else None,
    )  # fmt: skip
    return render(
        request, "contributions/_similar.html", {"similar": similar, "consultation": consultation}
    )


def contribution_detail(request, consultation_pk: int, pk: int):
    # Its author, answer, neighbourhood… are read in kept parts only: not joined.
    contribution = _contribution(request, consultation_pk, pk, related=())
    return render(
        request,
        "contributions/contribution_detail.html",
        {
            "consultation": contribution.consultation,
            "contribution": contribution,
            "page": selectors.contribution_page(viewer=request.user, contribution=contribution),
        },
    )


def contribution_goto(request, pk: int):
    """A short address (search results): redirects to the contribution's page."""
    contribution = contribution_get_visible(user=request.user, pk=pk, territory=request.territory)
    return redirect(contribution.get_absolute_url(), permanent=False)


def contribution_edit(request, consultation_pk: int, pk: int):
    if response := _login_first(request):
        return response
    contribution = _contribution(request, consultation_pk, pk, "contributions.change_contribution")
    form = ContributionForm(
        request.POST or None, request.FILES or None, instance=contribution,
        territory=request.territory, similar_url=_similar_url(request, contribution.consultation),
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if not data.get("image"):
            data.pop("image", None)
        try:
            services.contribution_update(actor=request.user, contribution=contribution, data=data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Your contribution was saved."))
            return redirect(contribution.get_absolute_url())
    return render(
        request,
        "contributions/contribution_form.html",
        {"consultation": contribution.consultation, "form": form, "contribution": contribution,
         "proposing_open": True, "similar": []},
        status=400 if form.errors else 200,
    )  # fmt: skip


@require_POST
@login_required
def contribution_follow(request, consultation_pk: int, pk: int):
    contribution = _contribution(request, consultation_pk, pk)
    if request.POST.get("action") == "unfollow":
        follows.contribution_unfollow(user=request.user, contribution=contribution)
        messages.success(request, _("You no longer follow this contribution."))
    else:
        follows.contribution_follow(user=request.user, contribution=contribution)
        messages.success(
            request, _("You follow this contribution: you will hear of its answer and results.")
        )
    return redirect(contribution.get_absolute_url())


def _moderation_page(request, template: str, contribution, form, **context):
    return render(
        request, template,
        {"consultation": contribution.consultation, "contribution": contribution, "form": form,
         **context},
        status=400 if form.errors else 200,
    )  # fmt: skip


@login_required
def contribution_hide(request, consultation_pk: int, pk: int):
    contribution = _contribution(
        request, consultation_pk, pk, "contributions.moderate_contribution"
    )
    form = HideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.contribution_hide(
                actor=request.user, contribution=contribution, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The contribution is hidden."))
            return redirect(contribution.get_absolute_url())
    return _moderation_page(request, "contributions/contribution_hide.html", contribution, form)


@login_required
def contribution_unhide(request, consultation_pk: int, pk: int):
    """Show a hidden contribution again: a confirmation page, then POST."""
    contribution = _contribution(
        request, consultation_pk, pk, "contributions.moderate_contribution"
    )
    if not contribution.is_hidden:
        messages.info(request, _("This contribution is not hidden."))
        return redirect(contribution.get_absolute_url())
    if request.method == "POST":
        moderation.contribution_unhide(actor=request.user, contribution=contribution)
        messages.success(request, _("The contribution is shown again."))
        return redirect(contribution.get_absolute_url())
    return render(
        request, "contributions/contribution_unhide.html",
        {"consultation": contribution.consultation, "contribution": contribution},
    )  # fmt: skip


@login_required
def contribution_merge(request, consultation_pk: int, pk: int):
    contribution = _contribution(
        request, consultation_pk, pk, "contributions.moderate_contribution"
    )
    form = MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            target = merge_target_get_visible(
                user=request.user, source=contribution, pk=form.cleaned_data["target"]
            )
            moderation.contribution_merge(
                actor=request.user, source=contribution, target=target,
                reason=form.cleaned_data["reason"],
            )  # fmt: skip
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The contribution was merged."))
            return redirect(target.get_absolute_url())
    candidates = selectors.contribution_similar(
        consultation=contribution.consultation, title=contribution.title, exclude=contribution.pk
    )
    return _moderation_page(
        request, "contributions/contribution_merge.html", contribution, form,
        candidates=candidates,
    )  # fmt: skip


@login_required
def contribution_report(request, consultation_pk: int, pk: int):
    contribution = _contribution(request, consultation_pk, pk, "contributions.report_contribution")
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report_create(reporter=request.user, target=contribution, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you: the moderators will review this contribution."))
            return redirect(contribution.get_absolute_url())
    return _moderation_page(request, "contributions/contribution_report.html", contribution, form)


_ONE = "consultations/<int:consultation_pk>/contributions/<int:pk>/"
urlpatterns: list = [
    path("consultations/<int:consultation_pk>/contributions/", contribution_list,
         name="contribution_list"),
    path("consultations/<int:consultation_pk>/contributions/nouvelle/", contribution_create,
         name="contribution_create"),
    path("consultations/<int:consultation_pk>/contributions/similaires/", contribution_similar,
         name="contribution_similar"),
    path(_ONE, contribution_detail, name="contribution_detail"),
    path(f"{_ONE}modifier/", contribution_edit, name="contribution_edit"),
    path(f"{_ONE}suivre/", contribution_follow, name="contribution_follow"),
    path(f"{_ONE}masquer/", contribution_hide, name="contribution_hide"),
    path(f"{_ONE}reafficher/", contribution_unhide, name="contribution_unhide"),
    path(f"{_ONE}fusionner/", contribution_merge, name="contribution_merge"),
    path(f"{_ONE}signaler/", contribution_report, name="contribution_report"),
    path("contributions/<int:pk>/", contribution_goto, name="contribution_goto"),
]  # fmt: skip
