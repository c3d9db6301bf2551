"""What introductions plug into the platform: their notification kinds."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ensemble.notifications.kinds import Channel
from ensemble.notifications.kinds import register as register_kind


def _answered(params: dict) -> dict:
    if params.get("accepted"):
        text = _("%(person)s accepted: “%(need)s”")
    else:
        text = _("%(person)s declined: “%(need)s”")
    return {"text": text % {"person": params["person"], "need": params["need"]}}


register_kind(
    "introduction_requested", _("Someone asks to be introduced to you"),
    text=_("%(person)s (%(project)s) would like to be introduced to you"),
    body=format_lazy("{}\n\n%(message)s", _("Their need: %(need)s")),
    channel=Channel.IMMEDIATE,
)  # fmt: skip
register_kind(
    "introduction_answered", _("An answer to your introduction request"),
    text="%(text)s", params=_answered, channel=Channel.IMMEDIATE,
)  # fmt: skip
register_kind(
    "help_offered", _("Someone offers help on one of your needs"),
    text=_("%(helper)s offers help: %(need)s"), channel=Channel.IMMEDIATE,
)  # fmt: skip

# What this app holds about a person, for its export and the erasure of its account.
from ensemble.core.personal_data import register as register_personal_data  # noqa: E402

from . import personal_data  # noqa: E402

register_personal_data(personal_data.introductions)
