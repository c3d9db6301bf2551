from django.urls import path

from . import views

app_name = "console_territory"

# Mounted under /<territory_slug>/ by the root URLconf.
urlpatterns = [
    path("console/organisations/", views.territory_organisations, name="organisations"),
    path("console/consultations/", views.consultation_defaults, name="consultation_defaults"),
]
