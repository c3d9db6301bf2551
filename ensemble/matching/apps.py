from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "ensemble.matching"
    label = "matching"
    verbose_name = _("Matching")

    def ready(self):
        try:
            from ensemble.notifications.kinds import register
        except ImportError:  # pragma: no cover - notifications not installed
            return
        register("matching_new_need", _("A new need matches what you offer"))
