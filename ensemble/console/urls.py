from django.urls import path

from . import views

app_name = "console"

# The network console, at /reseau/console/.
urlpatterns = [
    path("", views.network_dashboard, name="network"),
    path("ouvrir/", views.territory_open_page, name="territory_open"),
    path("territoires/<int:pk>/activation/", views.territory_activation, name="activation"),
]
