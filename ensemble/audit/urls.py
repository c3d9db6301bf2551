from django.urls import path

from . import views

app_name = "audit"

# Mounted under /<territory_slug>/ by the root URLconf.
urlpatterns = [
    path("console/journal/", views.audit_log, name="log"),
    path("console/journal.csv", views.audit_log_csv, name="log_csv"),
]
