from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _

from ensemble.core.views import service_form

from . import selectors, services
from .datasets import registry
from .forms import LicenceForm

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def territory_opendata(request):
    """The territory's datasets, their licence and their data dictionary; admins choose
    the licence here."""
    territory = request.territory
    licence = services.licence_of(territory)
    may_change = request.user.has_perm("territories.change_territory", territory)
    form = LicenceForm(request.POST or None, initial={"licence": licence["id"]})
    if request.method == "POST" and not may_change:
        raise Http404
    return service_form(
        request, form,
        lambda data: services.licence_set(
            actor=request.user, territory=territory, licence=data["licence"]
        ),
        template="opendata/territory.html",
        context={"territory": territory, "licence": licence, "datasets": registry.all(),
                 "files": selectors.dataset_files(territory=territory),
                 "may_change": may_change},
        success_message=_("The licence was saved; the files are being rebuilt."),
    )  # fmt: skip


def dataset_download(request, dataset: str, fmt: str):
    territory = request.territory
    file = selectors.dataset_file_get(territory=territory, dataset=dataset, fmt=fmt, content=False)
    if file is None:
        raise Http404
    # A file is megabytes: who already has this build gets a 304 without it being read.
    etag = f'"{file.pk}-{file.generated_at.timestamp():.6f}"'
    not_modified = get_conditional_response(
        request, etag=etag, last_modified=int(file.generated_at.timestamp())
    )
    if not_modified is not None:
        return not_modified
    response = HttpResponse(file.content, content_type=CONTENT_TYPES[fmt])
    response["ETag"] = etag
    response["Last-Modified"] = http_date(file.generated_at.timestamp())
    response["Content-Disposition"] = f'inline; filename="{territory.slug}-{dataset}.{fmt}"'
    response["Link"] = f'<{services.licence_of(territory)["url"]}>; rel="license"'
    return response
