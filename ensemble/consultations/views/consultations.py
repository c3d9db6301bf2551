"""Pages of the consultations: list, overview, create/edit, phases and charter."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from ensemble.consultations import phases as phase_registry
from ensemble.consultations.access import consultation_get_visible
from ensemble.consultations.figures import figures_of, set_page_figures
from ensemble.consultations.forms import (
    CharterForm,
    ConsultationCreateForm,
    ConsultationFilterForm,
    ConsultationForm,
    PhaseForm,
)
from ensemble.consultations.models import Phase
from ensemble.consultations.phases import FEATURE_LABELS, Feature
from ensemble.consultations.selectors import consultations as selectors
from ensemble.consultations.services import charter as charter_services
from ensemble.consultations.services import consultations as services
from ensemble.core.forms import form_add_service_errors
from ensemble.core.pagination import paginate

CHANGE = "consultations.change_consultation"


def _login_first(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def _consultation(request, pk: int, perm: str | None = None):
    return consultation_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm=perm
    )


def _phase_rows(consultation):
    """The timeline: each phase with its state and what it allows, in plain words."""
    rows = []
    for phase in consultation.ordered_phases:
        features = phase.phase_type.features
        allows = [str(label) for feature, label in FEATURE_LABELS.items() if feature in features]
        rows.append({"phase": phase, "state": str(phase.state), "allows": allows})
    return rows


def consultation_list(request):
    territory = request.territory
    form = ConsultationFilterForm(request.GET or None)
    state = form.cleaned_data.get("state") if form.is_valid() else None
    page = paginate(
        request, selectors.consultation_list(territory=territory, user=request.user, state=state)
    )
    set_page_figures(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "consultations/consultation_list.html",
        {
            "form": form,
            "page": page,
            "state": state,
            "query": query.urlencode(),
            "can_create": request.user.has_perm("consultations.add_consultation", territory),
        },
    )


def consultation_detail(request, pk: int):
    consultation = _consultation(request, pk)
    return render(
        request,
        "consultations/consultation_detail.html",
        {
            "consultation": consultation,
            **selectors.consultation_detail_relations(consultation),
            "phase_rows": _phase_rows(consultation),
            "active_phase": consultation.active_phase,
            # indicators, top_contributions, participation: registered by the apps above
            **figures_of(consultation),
            "can_propose": consultation.allows(Feature.PROPOSE),
            "can_change": request.user.has_perm(CHANGE, consultation),
        },
    )


def consultation_create(request):
    if response := _login_first(request):
        return response
    territory = request.territory
    if not request.user.has_perm("consultations.add_consultation", territory):
        raise PermissionDenied
    form = ConsultationCreateForm(request.POST or None, territory=territory)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            consultation = services.consultation_create(
                author=request.user, territory=territory,
                status="published" if "publish" in request.POST else "draft", **data,
            )  # fmt: skip
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The consultation was created."))
            return redirect(consultation.get_absolute_url())
    return render(
        request, "consultations/consultation_form.html",
        {"form": form, "consultation": None}, status=400 if form.errors else 200,
    )  # fmt: skip


def consultation_edit(request, pk: int):
    if response := _login_first(request):
        return response
    consultation = _consultation(request, pk, CHANGE)
    form = ConsultationForm(
        request.POST or None, instance=consultation, territory=request.territory
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.consultation_update(
                actor=request.user, consultation=consultation, data=dict(form.cleaned_data)
            )
            if "publish" in request.POST:
                services.consultation_publish(actor=request.user, consultation=consultation)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The consultation was saved."))
            return redirect(consultation.get_absolute_url())
    return render(
        request, "consultations/consultation_form.html",
        {"form": form, "consultation": consultation}, status=400 if form.errors else 200,
    )  # fmt: skip


def _phase_forms(consultation, bound=None):
    """One form per phase (prefix "phase-<id>"), the bound one replacing its blank twin."""
    forms = []
    for phase in consultation.ordered_phases:
        if bound is not None and bound.instance.pk == phase.pk:
            forms.append(bound)
        else:
            forms.append(PhaseForm(instance=phase, prefix=f"phase-{phase.pk}"))
    return forms


def consultation_phases(request, pk: int):
    if response := _login_first(request):
        return response
    consultation = _consultation(request, pk, CHANGE)
    add_form = PhaseForm(prefix="new")
    bound = None
    if request.method == "POST":
        action = request.POST.get("action")
        phase = None
        if action in ("save", "delete", "up", "down"):
            phase = get_object_or_404(
                Phase, consultation=consultation, pk=request.POST.get("phase") or 0
            )
            phase.consultation = consultation
        try:
            if action == "add":
                add_form = bound = PhaseForm(request.POST, prefix="new")
                if add_form.is_valid():
                    services.phase_add(
                        actor=request.user, consultation=consultation, **add_form.cleaned_data
                    )
                    messages.success(request, _("The phase was added."))
                    return redirect(request.path)
            elif action == "save":
                bound = PhaseForm(request.POST, instance=phase, prefix=f"phase-{phase.pk}")
                if bound.is_valid():
                    services.phase_update(
                        actor=request.user, phase=phase, data=dict(bound.cleaned_data)
                    )
                    messages.success(request, _("The phase was saved."))
                    return redirect(request.path)
            elif action == "delete":
                services.phase_delete(actor=request.user, phase=phase)
                messages.success(request, _("The phase was deleted."))
                return redirect(request.path)
            elif action in ("up", "down"):
                services.phase_move(actor=request.user, phase=phase, direction=action)
                messages.success(request, _("The phases were reordered."))
                return redirect(request.path)
        except ValidationError as error:
            if bound is not None:
                form_add_service_errors(bound, error)
            else:
                for message in error.messages:
                    messages.error(request, message)
                return redirect(request.path)
    return render(
        request,
        "consultations/phases.html",
        {
            "consultation": consultation,
            "phase_forms": _phase_forms(consultation, bound if bound is not add_form else None),
            "add_form": add_form,
            "phase_types": phase_registry.phase_types(),
        },
        status=400 if bound is not None and bound.errors else 200,
    )


def charter(request, pk: int):
    consultation = _consultation(request, pk)
    versions = list(selectors.charter_version_list(consultation=consultation))
    return render(
        request,
        "consultations/charter.html",
        {
            "consultation": consultation,
            "current": versions[0] if versions else None,
            "versions": versions,
            "can_change": request.user.has_perm(CHANGE, consultation),
        },
    )


def charter_edit(request, pk: int):
    if response := _login_first(request):
        return response
    consultation = _consultation(request, pk, CHANGE)
    current = selectors.charter_current(consultation=consultation)
    initial = {"answer_within_days": consultation.answer_within_days}
    if current is not None:
        initial["body"] = current.body
    form = CharterForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            charter_services.charter_publish(
                author=request.user, consultation=consultation, **form.cleaned_data
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The new version of the charter is in force."))
            return redirect(
                "consultations:charter", territory_slug=request.territory.slug, pk=consultation.pk
            )
    return render(
        request, "consultations/charter_form.html",
        {"form": form, "consultation": consultation, "current": current},
        status=400 if form.errors else 200,
    )  # fmt: skip


urlpatterns: list = [
    path("consultations/", consultation_list, name="consultation_list"),
    path("consultations/nouvelle/", consultation_create, name="consultation_create"),
    path("consultations/<int:pk>/", consultation_detail, name="consultation_detail"),
    path("consultations/<int:pk>/modifier/", consultation_edit, name="consultation_edit"),
    path("consultations/<int:pk>/phases/", consultation_phases, name="consultation_phases"),
    path("consultations/<int:pk>/charte/", charter, name="charter"),
    path("consultations/<int:pk>/charte/modifier/", charter_edit, name="charter_edit"),
]
