"""Answer pages and the decision journal, mounted under /<territory_slug>/ by the root URLconf."""

from ensemble.answers import views

app_name = "answers"

urlpatterns = views.urlpatterns
