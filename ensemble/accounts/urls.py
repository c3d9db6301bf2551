from django.urls import path

from . import languages, onboarding, token_views, views

app_name = "accounts"

urlpatterns = [
    path("me/profile/", views.profile_edit, name="profile_edit"),
    path("me/langue/", languages.language_set, name="language"),
    path("me/bienvenue/", onboarding.onboarding, name="onboarding"),
    path("me/tokens/", token_views.token_list, name="tokens"),
    path("me/tokens/<int:pk>/revoke/", token_views.token_revoke, name="token_revoke"),
]
