from django.urls import path

from . import views

app_name = "territories"

# Mounted under /<territory_slug>/ by the root URLconf; the territory home page
# itself is `home:home` (ensemble.home).
urlpatterns = [
    path("theme.css", views.theme_css, name="theme_css"),
    path("rejoindre/", views.territory_join, name="join"),
    path("quitter/", views.territory_leave, name="leave"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("console/", views.console_settings, name="console_settings"),
    path("console/quartiers/", views.console_neighbourhood_add, name="console_neighbourhood_add"),
    path(
        "console/quartiers/<int:pk>/",
        views.console_neighbourhood_change,
        name="console_neighbourhood_change",
    ),
    path("console/thematiques/", views.console_theme_add, name="console_theme_add"),
    path("console/thematiques/<int:pk>/", views.console_theme_change, name="console_theme_change"),
    path("console/membres/", views.console_members, name="console_members"),
    path("console/membres/inviter/", views.console_member_invite, name="console_member_invite"),
    path(
        "console/membres/<int:pk>/retirer/",
        views.console_member_remove,
        name="console_member_remove",
    ),
]
