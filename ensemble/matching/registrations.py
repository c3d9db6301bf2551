"""What matching plugs into the platform: its notification kind, and alerts when a need
is published (projects calls its listeners without knowing matching)."""

from django.utils.translation import gettext_lazy as _

from ensemble.notifications.kinds import Channel
from ensemble.notifications.kinds import register as register_kind
from ensemble.projects.hooks import NeedListener, need_listeners
from ensemble.territories.vocabulary import theme_label

from .services import need_published


def _need_matches(params: dict) -> dict:
    """The themes are the network's words: named in the reader's language."""
    themes = ", ".join(
        theme_label(slug=slug, name=name, network=network)
        for slug, name, network in params.get("themes") or []
    )
    if themes:
        text = _("A new need in %(themes)s matches what you offer: %(title)s")
    else:
        text = _("A new need matches what you offer: %(title)s")
    return {"text": text % {"title": params["title"], "themes": themes}}


register_kind(
    "matching_new_need", _("A new need matches what you offer"), text="%(text)s",
    params=_need_matches, channel=Channel.IMMEDIATE,
)  # fmt: skip
need_listeners.register(NeedListener(key="matching", published=need_published))

# What this app holds about a person, for its export and the erasure of its account.
from ensemble.core.personal_data import register as register_personal_data  # noqa: E402

from . import personal_data  # noqa: E402

register_personal_data(personal_data.alerts)
