from django.urls import path

from . import views

app_name = "privacy"

# Mounted at the root: "me/donnees/…" and the network's "privacy/".
urlpatterns = [
    path("me/donnees/", views.my_data, name="my_data"),
    path("me/donnees/export/", views.export_start, name="export_start"),
    path("me/donnees/export/<str:token>/", views.export_download, name="export_download"),
    path("privacy/", views.privacy_notice, name="notice"),
]
