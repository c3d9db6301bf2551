from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("lues/", views.notification_read_all, name="read_all"),
    path("<int:pk>/lue/", views.notification_read, name="read"),
    path("desabonnement/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
]
