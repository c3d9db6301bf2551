from django.urls import path

from . import views

app_name = "maps"

# Territory pages, mounted under /<territory_slug>/ by the root URLconf.
urlpatterns = [
    path("carte/", views.territory_map, name="map"),
    path("carte/points.json", views.territory_points, name="points"),
]
