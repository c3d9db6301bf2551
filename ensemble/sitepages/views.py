"""A territory's pages: read by everyone, published by its admins from the console."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from ensemble.core.decorators import territory_permission_required
from ensemble.core.markdown import render_markdown
from ensemble.core.views import service_form

from . import selectors, services
from .forms import ACCESSIBILITY_FIELDS, PageForm
from .models import KIND_BY_ADDRESS, PAGE_ADDRESSES, PageKind


def _kind(address: str) -> str:
    kind = KIND_BY_ADDRESS.get(address)
    if kind is None:
        raise Http404
    return kind


def page_detail(request, address: str):
    territory, kind = request.territory, _kind(address)
    current = selectors.page_current(territory=territory, kind=kind)
    if current is None:
        title, body = selectors.page_default(territory=territory, kind=kind)
    else:
        title, body = current.title, current.body
    return render(request, "sitepages/page.html", {
        "kind": kind, "title": title, "body_html": render_markdown(body), "current": current,
        "versions": selectors.page_versions(territory=territory, kind=kind)[:20],
        "can_publish": request.user.has_perm("sitepages.publish_page", territory),
    })  # fmt: skip


@territory_permission_required("sitepages.publish_page")
def console_pages(request):
    return render(request, "sitepages/console_pages.html", {
        "pages": [{**page, "address": PAGE_ADDRESSES[page["kind"]]}
                  for page in selectors.pages_overview(territory=request.territory)],
    })  # fmt: skip


@territory_permission_required("sitepages.publish_page")
def console_page_edit(request, address: str):
    territory, kind = request.territory, _kind(address)
    current = selectors.page_current(territory=territory, kind=kind)
    if current is None:
        title, body = selectors.page_default(territory=territory, kind=kind)
        initial = {"title": title, "body": body}
        if kind == PageKind.ACCESSIBILITY:
            initial["conformity"] = "none"
    else:
        initial = {"title": current.title, "body": current.body,
                   **{name: getattr(current, name) for name in ACCESSIBILITY_FIELDS}}  # fmt: skip
    form = PageForm(request.POST or None, initial=initial, kind=kind)
    return service_form(
        request, form,
        lambda data: services.page_publish(actor=request.user, territory=territory, kind=kind,
                                           **data),
        template="sitepages/console_page_form.html",
        context={"kind": kind, "label": PageKind(kind).label, "current": current},
        success_message=_("The new version is published."),
        success_url=reverse("sitepages:page", kwargs={"territory_slug": territory.slug,
                                                      "address": address}),
    )  # fmt: skip
