"""Contribution pages, mounted under /<territory_slug>/ by the root URLconf.

Each views module declares its own `urlpatterns`; addresses are in French:
consultations/<pk>/contributions/<pk>/, …/ateliers/, evenements/<pk>/compte-rendu/.
"""

from ensemble.contributions.views import contributions, make_project, supports, workshops

app_name = "contributions"

urlpatterns = [
    *contributions.urlpatterns,
    *make_project.urlpatterns,
    *supports.urlpatterns,
    *workshops.urlpatterns,
]
