"""Turning an accepted contribution into a project carried by its author or an agent."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from ensemble.contributions.access import contribution_get_visible
from ensemble.contributions.forms.make_project import MakeProjectForm
from ensemble.core.forms import form_add_service_errors
from ensemble.projects.models import Project
from ensemble.projects.services import project_create

SUMMARY_LENGTH = Project._meta.get_field("summary").max_length


def _prefill(contribution) -> dict:
    """The project form's first values, taken from the contribution."""
    summary = " ".join(contribution.body.split())
    return {
        "title": contribution.title,
        "summary": Truncator(summary).chars(SUMMARY_LENGTH),
        "description": contribution.body,
        "themes": [theme.pk for theme in contribution.themes.all()],
        "neighbourhood": contribution.neighbourhood_id,
        "address": contribution.address,
        "latitude": contribution.latitude,
        "longitude": contribution.longitude,
    }


def contribution_make_project(request, consultation_pk: int, pk: int):
    """A draft project born from the contribution, with the person who creates it in its team."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    contribution = contribution_get_visible(
        user=request.user, pk=pk, consultation=consultation_pk, territory=request.territory,
        perm="contributions.make_project",
    )  # fmt: skip
    form = MakeProjectForm(
        request.POST or None, territory=request.territory, initial=_prefill(contribution)
    )
    if request.method == "POST" and form.is_valid():
        try:
            project = project_create(
                actor=request.user, territory=request.territory, publish=False,
                origin_contribution=contribution, **form.cleaned_data,
            )  # fmt: skip
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request, _("Your project is saved as a draft: complete it, then publish it.")
            )
            return redirect(project.get_absolute_url())
    return render(
        request,
        "contributions/make_project_form.html",
        {"consultation": contribution.consultation, "contribution": contribution, "form": form},
        status=400 if form.errors else 200,
    )


urlpatterns = [
    path(
        "consultations/<int:consultation_pk>/contributions/<int:pk>/projet/",
        contribution_make_project,
        name="contribution_make_project",
    ),
]
