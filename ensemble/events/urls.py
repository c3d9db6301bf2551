"""Event pages, mounted under /<territory_slug>/ by the root URLconf."""

from django.urls import path

from ensemble.events import calendar_views, views

app_name = "events"

urlpatterns: list = [
    path("agenda/", calendar_views.calendar_list, name="calendar"),
    path("agenda/mois/", calendar_views.calendar_month, name="month_current"),
    path("agenda/mois/<int:year>/<int:month>/", calendar_views.calendar_month, name="month"),
    path("agenda/nouveau/", calendar_views.event_create, name="create"),
    path("evenements.ics", calendar_views.calendar_ics, name="calendar_ics"),
    path("evenements/<int:pk>/", views.event_detail, name="detail"),
    path("evenements/<int:pk>/modifier/", views.event_edit, name="edit"),
    path("evenements/<int:pk>/annuler/", views.event_cancel, name="cancel"),
    path("evenements/<int:pk>/inscription/", views.event_register, name="register"),
    path("evenements/<int:pk>/presences/", views.event_attendance, name="attendance"),
    path("evenements/<int:pk>.ics", views.event_ics, name="ics"),
]
