"""What actors plug into the platform: their activity lines, organisations in the search."""

from ensemble.activity.sources import register as register_feed_source
from ensemble.activity.verbs import register as register_verb
from ensemble.search.documents import register as register_search

from . import activity
from .search import OrganisationProvider

for verb in activity.VERBS:
    register_verb(verb)
register_feed_source(activity.FEED_SOURCE)
register_search(OrganisationProvider())

# An invitation to join an organisation (or to own it), told in the reader's language.
from django.utils.translation import gettext_lazy as _  # noqa: E402

from ensemble.notifications.kinds import Channel  # noqa: E402
from ensemble.notifications.kinds import register as register_kind  # noqa: E402

from .models import OrganisationMember  # noqa: E402


def _invitation(params: dict) -> dict:
    role = OrganisationMember.Role(params["role"])
    if role == OrganisationMember.Role.OWNER:
        text = _("%(person)s invites you to become an owner of “%(organisation)s”")
    else:
        text = _("%(person)s invites you to join “%(organisation)s”")
    return {"text": text % {"person": params["person"], "organisation": params["organisation"]}}


register_kind(
    "organisation_invitation", _("An invitation to join an organisation"),
    text="%(text)s", params=_invitation, channel=Channel.IMMEDIATE,
)  # fmt: skip

# What this app holds about a person, for its export and the erasure of its account.
from ensemble.core.personal_data import register as register_personal_data  # noqa: E402

from . import personal_data  # noqa: E402

register_personal_data(personal_data.organisations)
