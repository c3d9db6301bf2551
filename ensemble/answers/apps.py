"""Answers to contributions and the decision journal of a consultation."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnswersConfig(AppConfig):
    name = "ensemble.answers"
    label = "answers"
    verbose_name = _("Answers")
