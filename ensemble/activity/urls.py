from django.urls import path  # noqa: F401

app_name = "activity"

# Territory pages, mounted under /<territory_slug>/ by the root URLconf.
urlpatterns: list = []
