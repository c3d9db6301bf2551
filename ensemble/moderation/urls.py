from django.urls import path

from . import views

app_name = "moderation"

# Territory pages, mounted under /<territory_slug>/ by the root URLconf.
urlpatterns = [
    path("moderation/", views.report_queue, name="queue"),
    path("moderation/signalements/<int:pk>/", views.report_resolve, name="resolve"),
]
