from django.conf import settings

from ensemble.territories.selectors import network_get


def platform(request):
    return {
        "network": network_get(),
        "territory": getattr(request, "territory", None),
        "LEAFLET_TILES_URL": getattr(settings, "LEAFLET_TILES_URL", ""),
    }
