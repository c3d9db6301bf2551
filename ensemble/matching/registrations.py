"""What matching plugs into the platform: its notification kind, and alerts when a need
is published (projects calls its listeners without knowing matching)."""

from django.utils.translation import gettext_lazy as _

from ensemble.notifications.kinds import register as register_kind
from ensemble.projects.hooks import NeedListener, need_listeners

from .services import need_published

register_kind("matching_new_need", _("A new need matches what you offer"))
need_listeners.register(NeedListener(key="matching", published=need_published))

# What this app holds about a person, for its export and the erasure of its account.
from ensemble.core.personal_data import register as register_personal_data  # noqa: E402

from . import personal_data  # noqa: E402

register_personal_data(personal_data.alerts)
