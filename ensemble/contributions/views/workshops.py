"""Workshop pages of a consultation: the list, a new workshop, the facilitators' report.

A workshop is an event of the territory (its page, registration and changes
are the events app's); these pages are the consultation's side of it.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from ensemble.consultations.access import consultation_get_visible
from ensemble.consultations.models import workshop_of
from ensemble.consultations.selectors.workshops import (
    consultation_workshops as consultation_workshops_list,
)
from ensemble.consultations.services.workshops import workshop_create as workshop_create_service
from ensemble.consultations.services.workshops import workshop_report as workshop_report_service
from ensemble.contributions.forms.workshops import GroupContributionForm, ReportForm
from ensemble.contributions.selectors.workshops import (
    consultation_participation,
    workshop_contributions,
)
from ensemble.contributions.services.workshops import workshop_contribution_record
from ensemble.core.forms import form_add_service_errors
from ensemble.core.pagination import paginate
from ensemble.events.forms import EventForm
from ensemble.events.views import event_get_visible


def _login_first(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def consultation_workshops(request, consultation_pk: int):
    consultation = consultation_get_visible(
        user=request.user, pk=consultation_pk, territory=request.territory
    )
    workshops = consultation_workshops_list(consultation)
    upcoming = paginate(request, workshops.upcoming())
    past = list(workshops.past().order_by("-starts_at", "-pk")[:50])
    return render(
        request,
        "contributions/consultation_workshops.html",
        {
            "consultation": consultation,
            "page": upcoming,
            "past": past,
            "participation": consultation_participation(consultation),
            "can_create": request.user.has_perm("consultations.add_workshop", consultation),
        },
    )


def workshop_create(request, consultation_pk: int):
    if response := _login_first(request):
        return response
    consultation = consultation_get_visible(
        user=request.user, pk=consultation_pk, territory=request.territory,
        perm="consultations.add_workshop",
    )  # fmt: skip
    form = EventForm(request.POST or None, territory=request.territory)
    if request.method == "POST" and form.is_valid():
        try:
            event = workshop_create_service(
                author=request.user, consultation=consultation, **form.service_data()
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The workshop was created."))
            return redirect(event.get_absolute_url())
    return render(
        request, "contributions/workshop_form.html", {"form": form, "consultation": consultation},
        status=400 if form.errors else 200,
    )  # fmt: skip


def workshop_report(request, pk: int):
    if response := _login_first(request):
        return response
    event = event_get_visible(request, pk, "consultations.record_workshop")
    consultation = workshop_of(event).consultation
    report_form = ReportForm(
        request.POST if request.POST.get("form") == "report" else None,
        initial={"participants_count": event.participants_count},
        prefix="report",
    )
    contribution_form = GroupContributionForm(
        request.POST if request.POST.get("form") == "contribution" else None,
        prefix="contribution",
    )
    if request.method == "POST" and _handle_report(request, event, report_form, contribution_form):
        return redirect("contributions:workshop_report", territory_slug=event.territory.slug, pk=pk)
    status = 400 if report_form.errors or contribution_form.errors else 200
    return render(
        request,
        "contributions/workshop_report.html",
        {
            "event": event,
            "consultation": consultation,
            "report_form": report_form,
            "contribution_form": contribution_form,
            "recorded": list(workshop_contributions(event)),
            "has_started": event.has_started(),
        },
        status=status,
    )


def _handle_report(request, event, report_form, contribution_form) -> bool:
    form = report_form if report_form.is_bound else contribution_form
    if not form.is_bound or not form.is_valid():
        return False
    try:
        if form is report_form:
            workshop_report_service(
                actor=request.user, event=event,
                participants_count=form.cleaned_data["participants_count"],
            )  # fmt: skip
            messages.success(request, _("The number of people present was recorded."))
        else:
            workshop_contribution_record(actor=request.user, event=event, **form.cleaned_data)
            messages.success(request, _("The group's contribution was recorded."))
    except ValidationError as error:
        form_add_service_errors(form, error)
        return False
    return True


urlpatterns = [
    path(
        "consultations/<int:consultation_pk>/ateliers/",
        consultation_workshops,
        name="consultation_workshops",
    ),
    path(
        "consultations/<int:consultation_pk>/ateliers/nouveau/",
        workshop_create,
        name="workshop_create",
    ),
    path("evenements/<int:pk>/compte-rendu/", workshop_report, name="workshop_report"),
]
