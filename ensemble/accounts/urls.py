from django.urls import path

from . import token_views, views

app_name = "accounts"

urlpatterns = [
    path("me/profile/", views.profile_edit, name="profile_edit"),
    path("me/tokens/", token_views.token_list, name="tokens"),
    path("me/tokens/<int:pk>/revoke/", token_views.token_revoke, name="token_revoke"),
]
