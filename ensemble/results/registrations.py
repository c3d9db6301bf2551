"""What results plug into the apps below them (autodiscovered by core at start-up)."""

from django.utils.translation import gettext_lazy as _

from ensemble.notifications.kinds import register as register_kind

register_kind("result_progressed", _("A result you follow makes progress"))
