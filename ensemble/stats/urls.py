from django.urls import path

from . import views

app_name = "stats"

# Mounted at the root: "stats/" (the network) and "<territory_slug>/stats/".
urlpatterns = [
    path("stats/", views.network_stats, name="network"),
    path("<slug:territory_slug>/stats/", views.territory_stats, name="territory"),
]
