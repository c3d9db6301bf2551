from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.access import login_first
from ensemble.core.decorators import territory_permission_required
from ensemble.core.markdown import render_markdown
from ensemble.core.pagination import paginate
from ensemble.core.views import service_form

from . import invitations, selectors, services
from .forms import (
    InvitationForm,
    MemberFilterForm,
    MembershipRoleForm,
    NeighbourhoodForm,
    TerritorySettingsForm,
    ThemeForm,
    VocabularyChangeForm,
)
from .models import Membership, Neighbourhood, TerritoryInvitation, Theme
from .validators import accent_palette


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
        "themes": selectors.theme_list(territory=territory, include_retired=True),
        "neighbourhoods": selectors.neighbourhood_list(territory=territory, include_retired=True),
    }


def _console_url(name: str, territory) -> str:
    return reverse(name, kwargs={"territory_slug": territory.slug})


@territory_permission_required("territories.change_territory")
def console_settings(request):
    territory = request.territory
    form = TerritorySettingsForm(request.POST or None, request.FILES or None, instance=territory)
    context = _settings_context(territory)
    if request.method == "POST" and "preview" in request.POST:
        # Show the description as it will read, without saving anything.
        context["preview"] = render_markdown(request.POST.get("description", ""))
        return render(request, "territories/console_settings.html", {"form": form, **context})
    return service_form(
        request, form,
        lambda data: services.territory_update(
            territory=selectors.territory_get(slug=territory.slug), actor=request.user,
            data={name: data[name] for name in form.changed_data},
        ),
        template="territories/console_settings.html", context=context,
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


def _console_change(request, item):
    """Rename, move or retire one of the territory's own themes or neighbourhoods."""
    territory = request.territory
    form = VocabularyChangeForm(request.POST)
    return service_form(
        request, form,
        lambda data: services.vocabulary_change(actor=request.user, item=item, data=data),
        template="territories/console_settings.html",
        context={**_settings_context(territory), "form": TerritorySettingsForm(instance=territory),
                 "change_form": form, "changed": item},
        success_message=_("“%(name)s” was saved.") % {"name": item.name},
        success_url=_console_url("territories:console_settings", territory),
    )  # fmt: skip


@require_POST
@territory_permission_required("territories.change_territory")
def console_neighbourhood_change(request, pk: int):
    item = Neighbourhood.objects.filter(territory=request.territory, pk=pk).first()
    if item is None:
        raise Http404
    return _console_change(request, item)


@require_POST
@territory_permission_required("territories.change_territory")
def console_theme_change(request, pk: int):
    # The network's themes (no territory) are not the territory's to change.
    item = Theme.objects.filter(territory=request.territory, pk=pk).first()
    if item is None:
        raise Http404
    return _console_change(request, item)


def _members_context(request, territory) -> dict:
    filters = MemberFilterForm(request.GET or None)
    search = role = ""
    if filters.is_valid():
        search, role = filters.cleaned_data["q"].strip(), filters.cleaned_data["role"]
    members = selectors.member_list(territory=territory, search=search, role=role)
    return {
        "filters": filters,
        "page": paginate(request, members, per_page=50),
        "roles": MembershipRoleForm.base_fields["role"].choices,
        "invitation_form": InvitationForm(prefix="invite"),
        "invitations": TerritoryInvitation.objects.pending()
        .filter(territory=territory)
        .order_by("-created_at")[:50],
    }


@territory_permission_required("territories.manage_members")
def console_members(request):
    territory = request.territory
    return service_form(
        request, MembershipRoleForm(request.POST or None, territory=territory),
        lambda data: services.membership_set_role(
            actor=request.user, membership=data["membership"], role=data["role"]
        ),
        template="territories/console_members.html", context=_members_context(request, territory),
        success_message=_("The role was changed."),
        success_url=_console_url("territories:console_members", territory),
    )  # fmt: skip


@require_POST
@territory_permission_required("territories.manage_members")
def console_member_remove(request, pk: int):
    territory = request.territory
    membership = (
        Membership.objects.filter(territory=territory, pk=pk).select_related("user").first()
    )
    if membership is None:
        raise Http404
    try:
        services.membership_remove(actor=request.user, membership=membership)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("%(name)s was removed from the territory.")
                         % {"name": membership.user.display_name})  # fmt: skip
    return redirect(_console_url("territories:console_members", territory))


@require_POST
@territory_permission_required("territories.manage_members")
def console_member_invite(request):
    territory = request.territory
    form = InvitationForm(request.POST, prefix="invite")
    return service_form(
        request, form,
        lambda data: invitations.territory_invite(
            actor=request.user, territory=territory, email=data["email"], role=data["role"],
            base_url=request.build_absolute_uri("/"),
        ),
        template="territories/console_members.html",
        context={**_members_context(request, territory), "invitation_form": form},
        success_message=_("The invitation was sent."),
        success_url=_console_url("territories:console_members", territory),
    )  # fmt: skip


def invitation_accept(request, token: str):
    """The invited person, signed in with the address invited, joins with the role."""
    if not request.user.is_authenticated:
        return login_first(request)
    territory = request.territory
    invitation = invitations.invitation_get_pending(token=token, territory=territory)
    if invitation is None:
        raise Http404
    if request.method == "POST":
        try:
            membership = invitations.territory_invitation_accept(
                user=request.user, token=token, territory=territory
            )
        except PermissionDenied as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Welcome to %(name)s!") % {"name": territory.name})
            if membership.role == "admin":
                return redirect(_console_url("territories:console_settings", territory))
            return redirect(territory.get_absolute_url())
    return render(request, "territories/invitation_accept.html", {"invitation": invitation})


def theme_css(request):
    """The territory's accent colour as CSS custom properties (the CSP forbids inline
    styles, so base.html links this small stylesheet; cached, versioned by the colour)."""
    palette = accent_palette(request.territory.accent_colour)
    body = ""
    if palette:
        body = ":root{" + ";".join(f"{name}:{value}" for name, value in palette.items()) + "}\n"
    response = HttpResponse(body, content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=60 * 60 * 24)
    return response
