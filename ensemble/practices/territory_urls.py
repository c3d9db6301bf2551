"""Writing a practice sheet of a territory, mounted under /<territory_slug>/."""

from django.urls import path

from ensemble.practices import views

app_name = "practices_territory"

urlpatterns = [path("pratiques/nouvelle/", views.practice_create, name="create")]
