"""Consultation pages, mounted under /<territory_slug>/ by the root URLconf.

Each views module declares its own `urlpatterns`; addresses are in French:
consultations/<pk>/, …/contributions/<pk>/, …/journal/, …/resultats/…
"""

from .views import answers, consultations, contributions, make_project, results, supports

app_name = "participation"

urlpatterns = [
    *consultations.urlpatterns,
    *contributions.urlpatterns,
    *answers.urlpatterns,
    *results.urlpatterns,
    *make_project.urlpatterns,
    *supports.urlpatterns,
]
