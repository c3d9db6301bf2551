from django.urls import path

from . import views

app_name = "comments"

# Territory pages, mounted under /<territory_slug>/ by the root URLconf.
urlpatterns = [
    path("commentaires/<slug:kind>/<int:object_id>/", views.comment_add, name="add"),
    path("commentaires/<int:pk>/repondre/", views.comment_reply, name="reply"),
    path("commentaires/<int:pk>/modifier/", views.comment_edit, name="edit"),
    path("commentaires/<int:pk>/supprimer/", views.comment_delete, name="delete"),
    path("commentaires/<int:pk>/signaler/", views.comment_report, name="report"),
    path("commentaires/<int:pk>/masquer/", views.comment_hide, name="hide"),
    path("commentaires/<int:pk>/afficher/", views.comment_unhide, name="unhide"),
]
