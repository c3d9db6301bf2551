"""What newsletters plug into notifications: the one-click unsubscribe of a letter."""

from django.utils.translation import gettext as _

from ensemble.notifications.unsubscribe import TopicHandler, handlers
from ensemble.territories.models import Territory

from .services import consent_withdraw


def _label(value: str) -> str:
    territory = Territory.objects.filter(pk=int(value) if value.isdigit() else 0).first()
    name = territory.name if territory else "?"
    return _("the newsletter of %(territory)s") % {"territory": name}


handlers.register(TopicHandler(prefix="newsletter", label=_label, stop=consent_withdraw))
