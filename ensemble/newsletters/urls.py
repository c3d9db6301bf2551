from django.urls import path

from . import views

app_name = "newsletters"

# Mounted under /<territory_slug>/ by the root URLconf.
urlpatterns = [
    path("console/lettres/", views.newsletter_list, name="list"),
    path("console/lettres/<int:pk>/", views.newsletter_edit, name="edit"),
    path("console/lettres/<int:pk>/essai/", views.newsletter_test, name="test"),
    path("console/lettres/<int:pk>/envoyer/", views.newsletter_send, name="send"),
]
