from django.urls import path

from . import views

app_name = "sitepages"

# Mounted under /<territory_slug>/ by the root URLconf.
urlpatterns = [
    path("pages/<slug:address>/", views.page_detail, name="page"),
    path("console/pages/", views.console_pages, name="console"),
    path("console/pages/<slug:address>/", views.console_page_edit, name="edit"),
]
