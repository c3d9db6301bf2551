"""Contributions to a consultation: problems and ideas, supports, follows, moderation."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    name = "ensemble.contributions"
    label = "contributions"
    verbose_name = _("Contributions")
