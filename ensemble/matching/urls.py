from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path(
        "projets/<int:pk>/besoins/<int:need_pk>/candidats/",
        views.need_matches,
        name="need_matches",
    ),
    path(
        "organisations/<int:pk>/opportunites/",
        views.organisation_opportunities,
        name="organisation_opportunities",
    ),
    path("mes-opportunites/", views.my_opportunities, name="my_opportunities"),
    path("alertes/", views.alerts, name="alerts"),
]
