"""Participatory budgets: an envelope, costed projects, ballots, winners within the envelope."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    name = "ensemble.budgets"
    label = "budgets"
    verbose_name = _("Participatory budgets")
