"""Questionnaire pages, mounted under /<territory_slug>/ by the root URLconf."""

from ensemble.questionnaires import views

app_name = "questionnaires"

urlpatterns = views.urlpatterns
