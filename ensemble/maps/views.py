from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse

from . import selectors


def _tiles() -> tuple[str, str]:
    tiles = settings.LEAFLET_CONFIG.get("TILES") or ""
    if isinstance(tiles, str):
        return tiles, ""
    _name, url, options = tiles[0]
    return url, options.get("attribution", "")


def _kinds(request) -> tuple[str, ...]:
    """The kinds of place asked for (`?type=project&type=event`); all when none is valid."""
    asked = [kind for kind in request.GET.getlist("type") if kind in selectors.KINDS]
    return tuple(asked) or selectors.KINDS


def territory_map(request):
    territory = request.territory
    kinds = _kinds(request)
    page, places = selectors.place_page(
        territory=territory, user=request.user, kinds=kinds, page=request.GET.get("page")
    )
    query = "&".join(f"type={kind}" for kind in kinds) if kinds != selectors.KINDS else ""
    tiles_url, tiles_attribution = _tiles()
    has_centre = territory.map_latitude is not None and territory.map_longitude is not None
    return render(
        request,
        "maps/map.html",
        {
            "page": page,
            "places": places,
            "tiles_url": tiles_url,
            "tiles_attribution": tiles_attribution,
            "kinds": [
                {"value": kind, "label": selectors.KIND_LABELS[kind], "checked": kind in kinds}
                for kind in selectors.KINDS
            ],
            "query": query,
            # Plain decimal points for the script, whatever the language.
            "centre": (str(territory.map_latitude), str(territory.map_longitude))
            if has_centre
            else ("", ""),
        },
    )


def territory_points(request):
    """GeoJSON of the territory's places, at most POINTS_PER_PAGE a page; `next` links on."""
    territory = request.territory
    kinds = _kinds(request)
    page, places = selectors.place_page(
        territory=territory,
        user=request.user,
        kinds=kinds,
        page=request.GET.get("page"),
        per_page=selectors.POINTS_PER_PAGE,
    )
    features = [
        {
            "type": "Feature",
            "id": f"{place.kind}-{place.pk}",
            "geometry": {
                "type": "Point",
                "coordinates": [float(place.longitude), float(place.latitude)],
            },
            "properties": {
                "kind": place.kind,
                "kind_label": place.kind_label,
                "name": place.name,
                "neighbourhood": place.neighbourhood,
                "url": place.url,
            },
        }
        for place in places
    ]
    next_url = None
    if page.has_next():
        base = reverse("maps:points", kwargs={"territory_slug": territory.slug})
        types = "".join(f"&type={kind}" for kind in kinds if kinds != selectors.KINDS)
        next_url = f"{base}?page={page.next_page_number()}{types}"
    return JsonResponse(
        {
            "type": "FeatureCollection",
            "features": features,
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "next": next_url,
        },
        json_dumps_params={"ensure_ascii": False},
    )
