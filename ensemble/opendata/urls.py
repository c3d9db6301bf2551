from django.urls import path, re_path

from . import views

app_name = "opendata"

# Mounted at the root: "<territory_slug>/opendata/…".
urlpatterns = [
    path("<slug:territory_slug>/opendata/", views.territory_opendata, name="territory"),
    re_path(
        r"^(?P<territory_slug>[-\w]+)/opendata/(?P<dataset>[a-z_]+)\.(?P<fmt>csv|json)$",
        views.dataset_download,
        name="dataset",
    ),
]
