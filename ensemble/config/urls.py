from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from ensemble.activity import views as activity_views
from ensemble.api.urls import api
from ensemble.core.media import serve_media
from ensemble.core.views import design_components, healthz
from ensemble.events import calendar_views as events_calendar_views
from ensemble.newsletters import views as newsletter_views
from ensemble.search import views as search_views

# The Django admin signs in through allauth (rate limits, second factor).
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),
    path("", include("ensemble.accounts.urls")),
    path("me/fil/", activity_views.my_feed, name="my_feed"),
    path("me/messages/", include("ensemble.messaging.urls")),
    path("me/notifications/", include("ensemble.notifications.urls")),
    path("me/lettres/", newsletter_views.my_newsletters, name="my_newsletters"),
    path("me/mises-en-relation/", include("ensemble.introductions.urls")),
    path("me/organisations/", include("ensemble.actors.invitation_urls")),
    path("me/inscriptions/", events_calendar_views.my_registrations, name="my_registrations"),
    path("recherche/", search_views.network_search, name="search"),
    path("reseau/console/", include("ensemble.console.urls")),
    path("", include("ensemble.privacy.urls")),
    path("", include("ensemble.stats.urls")),
    path("", include("ensemble.opendata.urls")),
    path("pratiques/", include("ensemble.practices.urls")),
    # The home pages: "" (network), "people/<pk>/" and "<territory_slug>/" (a
    # territory's home). After every fixed first segment above, which
    # "<territory_slug>/" would otherwise catch.
    # The design system's component page: staff or DEBUG only (docs/architecture.md).
    path("_composants/", design_components, name="design_components"),
    path("", include("ensemble.home.urls")),
    # Territory pages come last: the first path segment is the territory.
    path(
        "<slug:territory_slug>/",
        include(
            [
                path("", include("ensemble.territories.urls")),
                path("", include("ensemble.projects.urls")),
                path("", include("ensemble.actors.urls")),
                path("", include("ensemble.activity.urls")),
                path("", include("ensemble.search.urls")),
                path("", include("ensemble.maps.urls")),
                path("", include("ensemble.comments.urls")),
                path("", include("ensemble.moderation.urls")),
                path("", include("ensemble.matching.urls")),
                path("", include("ensemble.synthesis.urls")),
                path("", include("ensemble.consultations.urls")),
                path("", include("ensemble.contributions.urls")),
                path("", include("ensemble.answers.urls")),
                path("", include("ensemble.results.urls")),
                path("", include("ensemble.budgets.urls")),
                path("", include("ensemble.questionnaires.urls")),
                path("", include("ensemble.events.urls")),
                path("", include("ensemble.audit.urls")),
                path("", include("ensemble.sitepages.urls")),
                path("", include("ensemble.workbench.urls")),
                path("", include("ensemble.console.territory_urls")),
                path("", include("ensemble.resources.urls")),
                path("", include("ensemble.practices.territory_urls")),
                path("", include("ensemble.newsletters.urls")),
            ]
        ),
    ),
]

# Uploaded files: those of objects that may be hidden pass an access check
# (ensemble.core.media); the web server serves the others before Django.
urlpatterns.insert(0, path("media/<path:path>", serve_media, name="media"))
