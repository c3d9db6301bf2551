from django.urls import path

from . import views

app_name = "workbench"

# Mounted under /<territory_slug>/ by the root URLconf.
urlpatterns = [
    path("atelier-agents/", views.queue, name="queue"),
    path("atelier-agents/attribuer/", views.queue_assign, name="queue_assign"),
    path("atelier-agents/contributions/<int:pk>/", views.contribution_desk, name="contribution"),
    path(
        "atelier-agents/contributions/<int:pk>/attribuer/",
        views.contribution_assign,
        name="contribution_assign",
    ),
    path(
        "atelier-agents/contributions/<int:pk>/notes/",
        views.contribution_note,
        name="contribution_note",
    ),
    path(
        "atelier-agents/contributions/<int:pk>/brouillon/",
        views.contribution_draft,
        name="contribution_draft",
    ),
    path(
        "atelier-agents/contributions/<int:pk>/publier/",
        views.contribution_publish,
        name="contribution_publish",
    ),
    path("console/services/", views.departments, name="departments"),
    path("console/services/<int:pk>/", views.department_change, name="department_change"),
]
