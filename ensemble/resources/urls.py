"""Knowledge base pages, mounted under /<territory_slug>/ by the root URLconf."""

from django.urls import path

from ensemble.resources import views

app_name = "resources"

urlpatterns = [
    path("ressources/", views.resource_list, name="list"),
    path("ressources/nouvelle/", views.resource_create, name="create"),
    path("ressources/<int:pk>/", views.resource_detail, name="detail"),
    path("ressources/<int:pk>/modifier/", views.resource_edit, name="edit"),
    path("ressources/<int:pk>/statut/", views.resource_status, name="status"),
    path("ressources/<int:pk>/fichiers/", views.attachment_add, name="attachment_add"),
    path(
        "ressources/<int:pk>/fichiers/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment",
    ),
]
