"""What answers plug into the apps below them (autodiscovered by core at start-up)."""

from django.utils.translation import gettext_lazy as _

from ensemble.notifications.kinds import register as register_kind

register_kind("contribution_answered", _("A contribution you take part in is answered"))
