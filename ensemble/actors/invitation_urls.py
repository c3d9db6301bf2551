from django.urls import path

from . import views_invitations

# A person's invitations to organisations, mounted under /me/organisations/ (any territory).
urlpatterns = [
    path("invitations/", views_invitations.my_invitations, name="organisation_invitations"),
    path(
        "invitations/<int:pk>/accepter/",
        views_invitations.invitation_accept,
        name="organisation_invitation_accept",
    ),
    path(
        "invitations/<int:pk>/refuser/",
        views_invitations.invitation_decline,
        name="organisation_invitation_decline",
    ),
]
