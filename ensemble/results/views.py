"""Pages of the consultations: results follow-up (tree, detail, create, edit, progress)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from ensemble.consultations.access import consultation_get_visible
from ensemble.consultations.phases import Feature
from ensemble.core.forms import form_add_service_errors
from ensemble.core.pagination import paginate
from ensemble.results import selectors, services
from ensemble.results.forms import ResultFilterForm, ResultForm, ResultProgressForm
from ensemble.results.models import Result


def _consultation(request, consultation_pk: int, perm: str | None = None):
    return consultation_get_visible(
        user=request.user, pk=consultation_pk, territory=request.territory, perm=perm
    )


def _result(consultation, pk: int, *, full: bool = False) -> Result:
    result = selectors.result_get(consultation=consultation, pk=pk, full=full)
    if result is None:
        raise Http404
    return result


def result_list(request, consultation_pk: int):
    """The results of a consultation as a tree with progress bars; top level paginated."""
    consultation = _consultation(request, consultation_pk)
    form = ResultFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    page = paginate(request, selectors.result_list(consultation=consultation, status=status))
    return render(
        request,
        "results/result_list.html",
        {
            "consultation": consultation,
            "form": form,
            "status": status,
            "page": page,
            "results": selectors.result_tree(page.object_list, consultation=consultation),
            "can_manage": request.user.has_perm("results.manage_results", consultation),
        },
    )


def result_detail(request, consultation_pk: int, pk: int):
    consultation = _consultation(request, consultation_pk)
    result = _result(consultation, pk, full=True)
    return render(
        request,
        "results/result_detail.html",
        {
            "consultation": consultation,
            "result": result,
            "children": list(result.children.all()),
            "updates": list(result.updates.all()),
            "contributions": list(result.contributions.all()),
            "projects": [p for p in result.projects.all() if p.status != p.Status.DRAFT],
            "can_manage": request.user.has_perm("results.manage_results", consultation),
        },
    )


def _form_page(request, template: str, context: dict, form):
    return render(request, template, {**context, "form": form}, status=400 if form.errors else 200)


def result_create(request, consultation_pk: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    consultation = _consultation(request, consultation_pk, "results.manage_results")
    initial = {}
    if parent_pk := request.GET.get("parent", "").strip():
        initial["parent"] = parent_pk if parent_pk.isdigit() else None
    form = ResultForm(request.POST or None, consultation=consultation, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.result_create(
                author=request.user, consultation=consultation, **form.cleaned_data
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The result was created."))
            return redirect(result.get_absolute_url())
    context = {"consultation": consultation, "result": None}
    return _form_page(request, "results/result_form.html", context, form)


def result_edit(request, consultation_pk: int, pk: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    consultation = _consultation(request, consultation_pk, "results.manage_results")
    result = _result(consultation, pk)
    form = ResultForm(request.POST or None, instance=result, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        try:
            services.result_update(author=request.user, result=result, data=form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The result was saved."))
            return redirect(result.get_absolute_url())
    context = {"consultation": consultation, "result": result}
    return _form_page(request, "results/result_form.html", context, form)


def result_progress(request, consultation_pk: int, pk: int):
    """Post a timeline entry: what happened, and the result's new status and progress."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    consultation = _consultation(request, consultation_pk, "results.manage_results")
    result = _result(consultation, pk)
    form = ResultProgressForm(request.POST or None, result=result)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        progress = None if result.children_count else data["progress"]
        try:
            services.result_progress(
                author=request.user, result=result, status=data["status"], progress=progress,
                title=data["title"], body=data["body"],
            )  # fmt: skip
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The progress was published."))
            return redirect(result.get_absolute_url())
    context = {
        "consultation": consultation,
        "result": result,
        "notifies": consultation.allows(Feature.FOLLOW_RESULTS),
    }
    return _form_page(request, "results/result_update_form.html", context, form)


urlpatterns = [
    path("consultations/<int:consultation_pk>/resultats/", result_list, name="result_list"),
    path(
        "consultations/<int:consultation_pk>/resultats/nouveau/",
        result_create,
        name="result_create",
    ),
    path(
        "consultations/<int:consultation_pk>/resultats/<int:pk>/",
        result_detail,
        name="result_detail",
    ),
    path(
        "consultations/<int:consultation_pk>/resultats/<int:pk>/modifier/",
        result_edit,
        name="result_edit",
    ),
    path(
        "consultations/<int:consultation_pk>/resultats/<int:pk>/suivi/",
        result_progress,
        name="result_progress",
    ),
]
