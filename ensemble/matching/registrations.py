"""What matching plugs into the platform: its notification kind, and alerts when a need
is published (projects calls its listeners without knowing matching)."""

from django.utils.translation import gettext_lazy as _

from ensemble.notifications.kinds import register as register_kind
from ensemble.projects.hooks import NeedListener, need_listeners

from .services import need_published

register_kind("matching_new_need", _("A new need matches what you offer"))
need_listeners.register(NeedListener(key="matching", published=need_published))
