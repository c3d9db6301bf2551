"""What introductions plug into the platform: their notification kinds."""

from django.utils.translation import gettext_lazy as _

from ensemble.notifications.kinds import register as register_kind

register_kind("introduction_requested", _("Someone asks to be introduced to you"))
register_kind("introduction_answered", _("An answer to your introduction request"))
register_kind("help_offered", _("Someone offers help on one of your needs"))
