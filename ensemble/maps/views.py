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


def territory_map(request):
    territory = request.territory
    page, places = selectors.place_page(territory=territory, page=request.GET.get("page"))
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
            # Plain decimal points for the script, whatever the language.
            "centre": (str(territory.map_latitude), str(territory.map_longitude))
            if has_centre
            else ("", ""),
        },
    )


def territory_points(request):
    """GeoJSON of the territory's places, at most POINTS_PER_PAGE a page; `next` links on."""
    territory = request.territory
    page, places = selectors.place_page(
        territory=territory,
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
        next_url = f"{base}?page={page.next_page_number()}"
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
