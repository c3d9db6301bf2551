"""Result pages, mounted under /<territory_slug>/ by the root URLconf (…/resultats/…)."""

from ensemble.results import views

app_name = "results"

urlpatterns = views.urlpatterns
