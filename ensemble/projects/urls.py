from django.urls import path  # noqa: F401

app_name = "projects"

# Territory pages, mounted under /<territory_slug>/ by the root URLconf.
urlpatterns: list = []
