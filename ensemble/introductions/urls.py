from django.urls import path

from . import views

app_name = "introductions"

urlpatterns = [
    path("", views.introduction_list, name="list"),
    path("demander/", views.introduction_request, name="request"),
    path("aider/", views.help_offer, name="help"),
    path("<int:pk>/repondre/", views.introduction_answer, name="answer"),
    path("<int:pk>/retirer/", views.introduction_withdraw, name="withdraw"),
    path("<int:pk>/utile/", views.introduction_helped, name="helped"),
]
