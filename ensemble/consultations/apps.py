"""Consultations: processes with phases, a versioned charter, participants and workshops."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "ensemble.consultations"
    label = "consultations"
    verbose_name = _("Consultations")
