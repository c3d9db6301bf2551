from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "ensemble.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from ensemble.notifications.kinds import register as register_kind

        register_kind("registration_confirmed", _("A place frees up for you at an event"))
        register_kind("event_cancelled", _("An event you registered for is cancelled"))
