from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ensemble.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created
        from django.db.models.signals import pre_save

        from . import registry, versions

        registry.autodiscover()
        connection_created.connect(versions.install, dispatch_uid="ensemble-data-version")
        pre_save.connect(_normalise_text, dispatch_uid="ensemble.core.normalise_text")


def _normalise_text(sender, instance, raw=False, **kwargs) -> None:
    """Whatever path writes a row (a service, the admin, a command), a one-line field keeps
    no line break and no field keeps a control character (`ensemble.core.text`)."""
    if not raw:
        from .text import normalise_model_text

        normalise_model_text(instance)
