"""How the lines about organisations read in the activity feeds (registered from
`registrations.py`)."""

from django.db.models import Q
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ensemble.activity.sources import FeedSource
from ensemble.activity.verbs import ActivityVerb, default_sentence, link, verb_label

from .models import OrganisationMember


def organisation_sentence(activity, viewer=None) -> str:
    """ "Repair café joined as an organisation"."""
    if activity.organisation is None:
        return default_sentence(activity, viewer)
    return format_html(
        _("{subject} {verb}"), subject=link(activity.organisation), verb=verb_label(activity.verb)
    )


VERBS = (
    ActivityVerb(
        "organisation_created", gettext_lazy("joined as an organisation"),
        sentence=organisation_sentence,
    ),
)  # fmt: skip


def _followed(user, territory_ids) -> Q | None:
    """The organisations a person belongs to."""
    organisation_ids = list(
        OrganisationMember.objects.filter(user=user)
        .order_by()
        .values_list("organisation_id", flat=True)
    )
    return Q(organisation_id__in=organisation_ids) if organisation_ids else None


FEED_SOURCE = FeedSource(key="actors", related=("organisation__territory",), followed=_followed)
