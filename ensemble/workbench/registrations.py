"""What the workbench plugs into the apps below it (autodiscovered at start-up)."""

from django.utils.translation import gettext_lazy as _

from ensemble.notifications.kinds import register as register_kind

register_kind("contribution_assigned", _("A contribution is assigned to you or your department"))
