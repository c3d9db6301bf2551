from django.urls import path

from . import views

app_name = "home"

# Mounted at the root by the root URLconf, after every fixed first segment
# ("admin/", "recherche/", …): "<territory_slug>/" would otherwise catch them.
urlpatterns = [
    path("", views.network_home, name="network_home"),
    path("people/<int:pk>/", views.profile_detail, name="profile"),
    path("me/", views.personal_home, name="personal"),
    path("<slug:territory_slug>/", views.territory_home, name="home"),
]
