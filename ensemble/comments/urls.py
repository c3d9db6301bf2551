from django.urls import path  # noqa: F401

app_name = "comments"

# Territory pages, mounted under /<territory_slug>/ by the root URLconf.
urlpatterns: list = []
