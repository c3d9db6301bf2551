from django.urls import path

from . import views

app_name = "search"

# Territory pages, mounted under /<territory_slug>/ by the root URLconf.
urlpatterns = [
    path("recherche/", views.territory_search, name="territory_search"),
]
