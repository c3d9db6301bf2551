from django.urls import path

from . import views

app_name = "messaging"

# Network pages, mounted at /me/messages/ by the root URLconf.
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("archives/", views.inbox, {"archived": True}, name="archived"),
    path("nouveau/", views.conversation_new, name="new"),
    path("<int:pk>/", views.conversation_detail, name="conversation"),
    path("<int:pk>/archiver/", views.conversation_archive, name="archive"),
    path("messages/<int:pk>/signaler/", views.message_report, name="report"),
    path("personnes/<int:pk>/bloquer/", views.person_block, name="block"),
    path("personnes/<int:pk>/debloquer/", views.person_unblock, name="unblock"),
]
