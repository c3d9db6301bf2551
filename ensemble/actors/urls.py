from django.urls import path

from . import views, views_offers

app_name = "actors"

# Territory pages, mounted under /<territory_slug>/ by the root URLconf.
urlpatterns = [
    path("organisations/", views.directory, name="directory"),
    path("organisations/nouvelle/", views.create, name="create"),
    path("organisations/<int:pk>/", views.detail, name="detail"),
    path("organisations/<int:pk>/modifier/", views.edit, name="edit"),
    path("organisations/<int:pk>/verifier/", views.verify, name="verify"),
    path("organisations/<int:pk>/membres/", views.members, name="members"),
    path(
        "organisations/<int:pk>/membres/<int:member_pk>/retirer/",
        views.member_remove,
        name="member_remove",
    ),
    path("organisations/<int:pk>/quitter/", views.leave, name="leave"),
    path("organisations/<int:pk>/offres/", views_offers.organisation_offers, name="offers"),
    path(
        "organisations/<int:pk>/offres/<int:offer_pk>/",
        views_offers.organisation_offer_edit,
        name="offer_edit",
    ),
    path(
        "organisations/<int:pk>/offres/<int:offer_pk>/retirer/",
        views_offers.organisation_offer_deactivate,
        name="offer_deactivate",
    ),
    path("mes-offres/", views_offers.my_offers, name="my_offers"),
    path("mes-offres/<int:offer_pk>/", views_offers.my_offer_edit, name="my_offer_edit"),
    path(
        "mes-offres/<int:offer_pk>/retirer/",
        views_offers.my_offer_deactivate,
        name="my_offer_deactivate",
    ),
]
