"""The network's practice library, mounted at /pratiques/ by the root URLconf."""

from django.urls import path

from ensemble.practices import views

app_name = "practices"

urlpatterns = [
    path("", views.practice_list, name="list"),
    path("<int:pk>/", views.practice_detail, name="detail"),
    path("<int:pk>/modifier/", views.practice_edit, name="edit"),
    path("<int:pk>/publier/", views.practice_publish, name="publish"),
    path("<int:pk>/favori/", views.practice_bookmark, name="bookmark"),
]
