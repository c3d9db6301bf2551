from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.decorators import territory_permission_required
from ensemble.core.forms import form_add_service_errors
from ensemble.core.pagination import paginate

from . import selectors, services
from .forms import MembershipRoleForm, NeighbourhoodForm, TerritorySettingsForm, ThemeForm


@require_POST
@login_required
def territory_join(request):
    services.membership_join(user=request.user, territory=request.territory)
    messages.success(request, _("Welcome to %(name)s!") % {"name": request.territory.name})
    return redirect(request.territory.get_absolute_url())


@require_POST
@login_required
def territory_leave(request):
    try:
        services.membership_leave(user=request.user, territory=request.territory)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("You have left %(name)s.") % {"name": request.territory.name})
    return redirect(request.territory.get_absolute_url())


@territory_permission_required("territories.change_territory")
def console_settings(request):
    territory = request.territory
    form = TerritorySettingsForm(request.POST or None, instance=territory)
    neighbourhood_form = NeighbourhoodForm(prefix="neighbourhood")
    theme_form = ThemeForm(prefix="theme")
    if request.method == "POST" and form.is_valid():
        try:
            services.territory_update(
                territory=selectors.territory_get(slug=territory.slug),
                actor=request.user,
                data={name: form.cleaned_data[name] for name in form.changed_data},
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The territory settings were saved."))
            return redirect("territories:console_settings", territory_slug=territory.slug)
    return render(
        request,
        "territories/console_settings.html",
        {
            "form": form,
            "neighbourhood_form": neighbourhood_form,
            "theme_form": theme_form,
            "themes": selectors.theme_list(territory=territory),
            "neighbourhoods": selectors.neighbourhood_list(territory=territory),
        },
    )


def _console_add(request, form_class, prefix, create):
    territory = request.territory
    form = form_class(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            create(actor=request.user, territory=territory, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("“%(name)s” was added.") % form.cleaned_data)
            return redirect("territories:console_settings", territory_slug=territory.slug)
    context = {
        "form": TerritorySettingsForm(instance=territory),
        "neighbourhood_form": NeighbourhoodForm(prefix="neighbourhood"),
        "theme_form": ThemeForm(prefix="theme"),
        "themes": selectors.theme_list(territory=territory),
        "neighbourhoods": selectors.neighbourhood_list(territory=territory),
        f"{prefix}_form": form,
    }
    return render(request, "territories/console_settings.html", context, status=400)


@require_POST
@territory_permission_required("territories.change_territory")
def console_neighbourhood_add(request):
    return _console_add(request, NeighbourhoodForm, "neighbourhood", services.neighbourhood_create)


@require_POST
@territory_permission_required("territories.change_territory")
def console_theme_add(request):
    return _console_add(request, ThemeForm, "theme", services.theme_create)


@territory_permission_required("territories.manage_members")
def console_members(request):
    territory = request.territory
    form = None
    if request.method == "POST":
        form = MembershipRoleForm(request.POST, territory=territory)
        if form.is_valid():
            try:
                services.membership_set_role(
                    actor=request.user,
                    membership=form.cleaned_data["membership"],
                    role=form.cleaned_data["role"],
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(request, _("The role was changed."))
                return redirect("territories:console_members", territory_slug=territory.slug)
    page = paginate(request, selectors.member_list(territory=territory), per_page=50)
    return render(
        request,
        "territories/console_members.html",
        {"page": page, "form": form, "roles": MembershipRoleForm.base_fields["role"].choices},
        status=400 if form is not None and form.errors else 200,
    )
