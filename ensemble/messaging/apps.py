from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "ensemble.messaging"
    label = "messaging"
    verbose_name = _("Messaging")

    def ready(self) -> None:
        from ensemble.moderation import registry
        from ensemble.notifications import kinds

        from . import selectors, services
        from .models import Message

        kinds.register("message", _("A new private message"))
        registry.register(
            Message,
            excerpt=selectors.message_excerpt,
            url=selectors.message_moderation_url,
            hide=services.message_hide,
            queryset=selectors.messages_for_moderation,
        )
