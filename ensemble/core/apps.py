from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ensemble.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from . import registry, versions

        registry.autodiscover()
        connection_created.connect(versions.install, dispatch_uid="ensemble-data-version")
