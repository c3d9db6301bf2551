"""Pages of the synthesis, mounted under /<territory_slug>/ by the root URLconf."""

from django.urls import path

from . import views

app_name = "synthesis"

THEME = "consultations/<int:pk>/themes/<int:theme_pk>/"

urlpatterns = [
    path("consultations/<int:pk>/themes/", views.themes, name="themes"),
    path("consultations/<int:pk>/themes/calculer/", views.themes_compute, name="themes_compute"),
    path("consultations/<int:pk>/themes/publier/", views.synthesis_publish, name="publish"),
    path(f"{THEME}modifier/", views.theme_edit, name="theme_edit"),
    path(f"{THEME}fusionner/", views.theme_merge, name="theme_merge"),
    path(f"{THEME}scinder/", views.theme_split, name="theme_split"),
    path(f"{THEME}deplacer/", views.theme_move, name="theme_move"),
    path(f"{THEME}repondre/", views.theme_answer, name="theme_answer"),
    path("consultations/<int:pk>/synthese/", views.synthesis, name="synthesis"),
    path("consultations/<int:pk>/synthese/rapport/", views.report, name="report"),
]
