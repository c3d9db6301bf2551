from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ensemble.core.personal_data import registry
from ensemble.core.views import service_form

from . import retention, selectors, services
from .forms import AccountDeleteForm
from .models import DataExport


@login_required
def my_data(request):
    """Download my data and delete my account, on one page."""
    form = AccountDeleteForm(request.POST or None)

    def erase(data):
        services.account_erase_check(user=request.user, confirmation=data["confirmation"])
        services.account_erase(user=request.user, request=request)

    return service_form(
        request, form, erase, template="privacy/my_data.html",
        context={"export": selectors.export_latest(user=request.user),
                 "entries": registry.all()},
        success_message=_("Your account was deleted. Thank you for taking part."),
        success_url="home:network_home",
    )  # fmt: skip


@login_required
@require_POST
def export_start(request):
    services.export_request(user=request.user)
    messages.success(
        request, _("Your archive is being prepared; the link comes in a notification and by email.")
    )
    return redirect("privacy:my_data")


@login_required
@never_cache
def export_download(request, token: str):
    try:
        archive = services.export_open(user=request.user, token=token)
    except DataExport.DoesNotExist:
        raise Http404 from None
    except services.ExportGone as error:
        return render(request, "privacy/export_gone.html", {"error": error.message}, status=410)
    response = HttpResponse(archive, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


def privacy_notice(request):
    """The network's privacy information, generated from the settings and the registry."""
    return render(
        request, "privacy/notice.html",
        {"entries": registry.all(), "periods": retention.periods(),
         "export_hours": settings.ENSEMBLE_EXPORT_LINK_HOURS,
         "tiles_url": _tiles_host()},
    )  # fmt: skip


def _tiles_host() -> str:
    tiles = settings.LEAFLET_CONFIG.get("TILES") or []
    if isinstance(tiles, str) or not tiles:
        return tiles if isinstance(tiles, str) else ""
    return tiles[0][1]
