from ensemble.territories.selectors import network_get


def platform(request):
    return {
        "network": network_get(),
        "territory": getattr(request, "territory", None),
    }
