from django.urls import path

from . import feeds, views

app_name = "activity"

# Territory pages, mounted under /<territory_slug>/ by the root URLconf.
urlpatterns = [
    path("activite/", views.territory_feed, name="feed"),
    path("activite/atom/", feeds.TerritoryActivityFeed(), name="atom"),
]
