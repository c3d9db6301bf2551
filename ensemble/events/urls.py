"""Event pages, mounted under /<territory_slug>/ by the root URLconf."""

app_name = "events"

urlpatterns: list = []
