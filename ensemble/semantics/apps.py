from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SemanticsConfig(AppConfig):
    name = "ensemble.semantics"
    label = "semantics"
    verbose_name = _("Meaning of texts")
