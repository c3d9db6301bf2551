"""Consultation pages, mounted under /<territory_slug>/ by the root URLconf.

Addresses are in French: consultations/<pk>/, …/charte/, …/phases/.
"""

from ensemble.consultations.views import consultations

app_name = "consultations"

urlpatterns = [*consultations.urlpatterns]
