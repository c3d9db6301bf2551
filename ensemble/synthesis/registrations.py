"""What synthesis plugs into the apps below it (autodiscovered by core at start-up)."""

from django.utils.translation import gettext_lazy as _

from ensemble.contributions.hooks import (
    CreationFollower,
    SimilarFinder,
    creation_followers,
    similar_finders,
)
from ensemble.notifications.kinds import Channel
from ensemble.notifications.kinds import register as register_kind

from .selectors import similar_ids_to_text
from .services import contribution_arrived


def _theme_answered(params: dict) -> dict:
    return {"text": _("The theme “%(title)s” got an answer") % {"title": params["title"]}}


register_kind(
    "theme_answered", _("A theme of contributions you take part in is answered"),
    text="%(text)s", params=_theme_answered, channel=Channel.WEEKLY,
)  # fmt: skip
creation_followers.register(CreationFollower(key="synthesis", created=contribution_arrived))
similar_finders.register(SimilarFinder(key="meaning", find=similar_ids_to_text))
