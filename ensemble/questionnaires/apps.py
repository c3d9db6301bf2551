"""Questionnaires: a consultation's questionnaire phase, or a quick poll on a territory's home."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionnairesConfig(AppConfig):
    name = "ensemble.questionnaires"
    label = "questionnaires"
    verbose_name = _("Questionnaires")
