from django.urls import path

from . import languages, onboarding, views

app_name = "accounts"

urlpatterns = [
    path("me/profile/", views.profile_edit, name="profile_edit"),
    path("me/langue/", languages.language_set, name="language"),
    path("me/bienvenue/", onboarding.onboarding, name="onboarding"),
]
