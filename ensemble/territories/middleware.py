"""Resolve `request.territory` from the URL prefix or from a custom domain."""

from django.http import Http404

from .selectors import territory_for_domain, territory_get
from .validators import RESERVED_SLUGS


class CustomDomainMiddleware:
    """Serve a territory's custom domain as that territory at `/`.

    `https://participer.ville.fr/projets/` is answered as `/<slug>/projets/`;
    the platform's own paths (`/accounts/`, `/api/`, `/static/`…) and links
    that already carry the slug are left as they are.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.territory_domain = None
        territory = territory_for_domain(request.get_host())
        if territory is not None:
            request.territory_domain = territory
            first_segment = request.path_info.lstrip("/").split("/", 1)[0]
            if first_segment != territory.slug and first_segment not in RESERVED_SLUGS:
                request.path_info = f"/{territory.slug}{request.path_info}"
        return self.get_response(request)


class TerritoryMiddleware:
    """Views under `/<territory_slug>/` get `request.territory`, never the raw slug."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.territory = None
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.pop("territory_slug", None)
        if slug is None:
            return None
        territory = territory_get(slug=slug)
        domain_territory = getattr(request, "territory_domain", None)
        if domain_territory is not None and domain_territory.pk != territory.pk:
            # A city's domain serves that city only.
            raise Http404("No such territory")
        request.territory = territory
        return None
