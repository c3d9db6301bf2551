"""Event pages, mounted under /<territory_slug>/ by the root URLconf."""

from django.urls import path

from ensemble.events import views

app_name = "events"

urlpatterns: list = [
    path("evenements/<int:pk>/", views.event_detail, name="detail"),
    path("evenements/<int:pk>/modifier/", views.event_edit, name="edit"),
    path("evenements/<int:pk>/annuler/", views.event_cancel, name="cancel"),
    path("evenements/<int:pk>/inscription/", views.event_register, name="register"),
    path("evenements/<int:pk>.ics", views.event_ics, name="ics"),
]
