"""The network console (network admins) and the territory console's own pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.decorators import territory_permission_required
from ensemble.core.kept import kept
from ensemble.core.views import service_form
from ensemble.territories import selectors as territory_selectors
from ensemble.territories.models import Territory
from ensemble.territories.opening import OPEN_PERM, territory_open, territory_set_active
from ensemble.territories.services import territory_update

from . import selectors
from .forms import ConsultationDefaultsForm, TerritoryOpenForm


def _network_admin(request) -> None:
    if not request.user.has_perm(OPEN_PERM):
        raise PermissionDenied


@login_required
def network_dashboard(request):
    _network_admin(request)
    # Counting every territory's projects and needs reads whole tables (20 ms at 20,000
    # projects): the figures are kept until the next write.
    territories = kept("network-dashboard", [], lambda: list(selectors.network_dashboard()))
    for territory in territories:
        territory.answer_rate = selectors.answer_rate(territory)
    return render(request, "console/network.html", {"territories": territories})


@login_required
def territory_open_page(request):
    _network_admin(request)
    form = TerritoryOpenForm(request.POST or None)
    return service_form(
        request, form,
        lambda data: territory_open(actor=request.user, base_url=request.build_absolute_uri("/"),
                                    **data)[0],
        template="console/territory_open.html",
        success_message=_("The territory is open; its first administrator was invited."),
        success_url=lambda territory: reverse(
            "territories:console_settings", kwargs={"territory_slug": territory.slug}
        ),
    )  # fmt: skip


@require_POST
@login_required
def territory_activation(request, pk: int):
    _network_admin(request)
    territory = Territory.objects.filter(pk=pk).first()
    if territory is None:
        raise Http404
    active = request.POST.get("active") == "1"
    territory_set_active(actor=request.user, territory=territory, active=active,
                         reason=request.POST.get("reason", "")[:500])  # fmt: skip
    if active:
        messages.success(request, _("%(name)s is open again.") % {"name": territory.name})
    else:
        messages.success(request, _("%(name)s is closed to visitors.") % {"name": territory.name})
    return redirect("console:network")


@territory_permission_required("territories.change_territory")
def territory_organisations(request):
    return render(request, "console/organisations.html", {
        "organisations": selectors.organisations_to_verify(territory=request.territory)[:200],
    })  # fmt: skip


@territory_permission_required("territories.change_territory")
def consultation_defaults(request):
    territory = request.territory
    form = ConsultationDefaultsForm(request.POST or None, instance=territory)
    return service_form(
        request, form,
        lambda data: territory_update(
            territory=territory_selectors.territory_get(slug=territory.slug), actor=request.user,
            data={name: data[name] for name in form.changed_data},
        ),
        template="console/consultation_defaults.html",
        success_message=_("The consultation defaults were saved."),
        success_url=reverse("console_territory:consultation_defaults",
                            kwargs={"territory_slug": territory.slug}),
    )  # fmt: skip
