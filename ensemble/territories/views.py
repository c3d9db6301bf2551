from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.decorators import territory_permission_required
from ensemble.core.pagination import paginate
from ensemble.core.views import service_form

from . import selectors, services
from .forms import MembershipRoleForm, NeighbourhoodForm, TerritorySettingsForm, ThemeForm


@require_POST
@login_required
def territory_join(request):
    services.membership_join(user=request.user, territory=request.territory)
    messages.success(request, _("Welcome to %(name)s!") % {"name": request.territory.name})
    # Joined from the welcome steps: back to them (a path of this site only).
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
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


def _settings_context(territory) -> dict:
    return {
        "neighbourhood_form": NeighbourhoodForm(prefix="neighbourhood"),
        "theme_form": ThemeForm(prefix="theme"),
        "themes": selectors.theme_list(territory=territory),
        "neighbourhoods": selectors.neighbourhood_list(territory=territory),
    }


def _console_url(name: str, territory) -> str:
    return reverse(name, kwargs={"territory_slug": territory.slug})


@territory_permission_required("territories.change_territory")
def console_settings(request):
    territory = request.territory
    form = TerritorySettingsForm(request.POST or None, instance=territory)
    return service_form(
        request, form,
        lambda data: services.territory_update(
            territory=selectors.territory_get(slug=territory.slug), actor=request.user,
            data={name: data[name] for name in form.changed_data},
        ),
        template="territories/console_settings.html", context=_settings_context(territory),
        success_message=_("The territory settings were saved."),
        success_url=_console_url("territories:console_settings", territory),
    )  # fmt: skip


def _console_add(request, form_class, prefix, create):
    """Add a neighbourhood or a theme from the settings page (shown again on an error)."""
    territory = request.territory
    form = form_class(request.POST, prefix=prefix)
    context = {
        **_settings_context(territory),
        "form": TerritorySettingsForm(instance=territory),
        f"{prefix}_form": form,
    }
    return service_form(
        request, form,
        lambda data: create(actor=request.user, territory=territory, **data),
        template="territories/console_settings.html", context=context,
        success_message=_("“%(name)s” was added.") % {"name": (form["name"].value() or "").strip()},
        success_url=_console_url("territories:console_settings", territory),
    )  # fmt: skip


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
    page = paginate(request, selectors.member_list(territory=territory), per_page=50)
    return service_form(
        request, MembershipRoleForm(request.POST or None, territory=territory),
        lambda data: services.membership_set_role(
            actor=request.user, membership=data["membership"], role=data["role"]
        ),
        template="territories/console_members.html",
        context={"page": page, "roles": MembershipRoleForm.base_fields["role"].choices},
        success_message=_("The role was changed."),
        success_url=_console_url("territories:console_members", territory),
    )  # fmt: skip
