from django.urls import path

from . import views, views_media, views_team

app_name = "projects"

# Territory pages, mounted under /<territory_slug>/ by the root URLconf.
urlpatterns = [
    path("projets/", views.project_list, name="list"),
    path("projets/nouveau/", views.project_create, name="create"),
    path("projets/<int:pk>/", views.project_detail, name="detail"),
    path("projets/<int:pk>/modifier/", views.project_edit, name="edit"),
    path("projets/<int:pk>/statut/", views.project_status, name="status"),
    path("projets/<int:pk>/archiver/", views.project_archive, name="archive"),
    path("projets/<int:pk>/restaurer/", views.project_restore, name="restore"),
    path("projets/<int:pk>/suivre/", views.project_follow, name="follow"),
    path("projets/<int:pk>/essaimer/", views.project_replicate, name="replicate"),
    path("projets/<int:pk>/besoins/", views.need_create, name="need_create"),
    path("projets/<int:pk>/besoins/<int:need_pk>/", views.need_edit, name="need_edit"),
    path("projets/<int:pk>/besoins/<int:need_pk>/statut/", views.need_status, name="need_status"),
    path("projets/<int:pk>/actualites/nouvelle/", views.update_create, name="update_create"),
    path("projets/<int:pk>/images/", views_media.images, name="images"),
    path("projets/<int:pk>/images/retirer/", views_media.image_remove, name="image_remove"),
    path("projets/<int:pk>/liens/", views_media.links, name="links"),
    path("projets/<int:pk>/liens/retirer/", views_media.link_remove, name="link_remove"),
    path("projets/<int:pk>/partenaires/", views_media.partners, name="partners"),
    path(
        "projets/<int:pk>/partenaires/retirer/", views_media.partner_remove, name="partner_remove"
    ),
    path("projets/<int:pk>/equipe/", views_team.team, name="team"),
    path("projets/<int:pk>/equipe/retirer/", views_team.team_remove, name="team_remove"),
    path("projets/<int:pk>/equipe/transmettre/", views_team.team_transfer, name="team_transfer"),
    path("projets/<int:pk>/equipe/quitter/", views_team.team_leave, name="team_leave"),
    path(
        "projets/invitations/<str:token>/", views_team.invitation_accept, name="invitation_accept"
    ),
    path("mes-projets/", views.my_projects, name="mine"),
]
