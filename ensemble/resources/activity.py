"""Lines about the knowledge base in the activity feeds (registered from `registrations.py`):
a resource published; only lines about published resources show."""

from django.db.models import Q
from django.utils.translation import gettext_lazy

from ensemble.activity.services import activity_record
from ensemble.activity.sources import FeedSource
from ensemble.activity.verbs import ActivityVerb

RESOURCE_PUBLISHED = "resource_published"

VERB = ActivityVerb(RESOURCE_PUBLISHED, gettext_lazy("published a resource"))
FEED_SOURCE = FeedSource(
    key="resources",
    related=("resource__territory",),
    visible=lambda: Q(resource__isnull=True) | Q(resource__status="published"),
)


def resource_announce(*, resource, actor) -> None:
    activity_record(
        territory=resource.territory, verb=RESOURCE_PUBLISHED, actor=actor, resource=resource
    )
