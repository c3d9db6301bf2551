"""Results of a consultation: what accepted contributions became."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "ensemble.results"
    label = "results"
    verbose_name = _("Results")
