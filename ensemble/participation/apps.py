"""The former `participation` app, kept for its migrations only.

Its code was split into `consultations`, `contributions`, `answers` and
`results` (issue 9); their models keep the `participation_*` tables. A fresh
database still gets those tables from migrations 0001 and 0002 here, and a
database migrated before the split goes through 0003, which hands the models
over to the new apps in the migration state only (no table is copied). Keep
this app in INSTALLED_APPS, with no models and no code.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "ensemble.participation"
    label = "participation"
    verbose_name = _("Consultations")
