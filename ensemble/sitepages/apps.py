from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitepagesConfig(AppConfig):
    name = "ensemble.sitepages"
    label = "sitepages"
    verbose_name = _("Territory pages")
