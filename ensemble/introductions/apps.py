from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntroductionsConfig(AppConfig):
    name = "ensemble.introductions"
    label = "introductions"
    verbose_name = _("Introductions")

    def ready(self) -> None:
        from ensemble.notifications.kinds import register

        register("introduction_requested", _("Someone asks to be introduced to you"))
        register("introduction_answered", _("An answer to your introduction request"))
        register("help_offered", _("Someone offers help on one of your needs"))
