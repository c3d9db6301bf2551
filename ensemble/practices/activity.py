"""Lines about the practice library in the feeds (registered from `registrations.py`): a
practice published, in the feed of the territory where it runs; drafts never show."""

from django.db.models import Q
from django.utils.translation import gettext_lazy

from ensemble.activity.services import activity_record
from ensemble.activity.sources import FeedSource
from ensemble.activity.verbs import ActivityVerb

PRACTICE_PUBLISHED = "practice_published"

VERB = ActivityVerb(PRACTICE_PUBLISHED, gettext_lazy("published a practice sheet"))
FEED_SOURCE = FeedSource(
    key="practices",
    related=("practice",),
    visible=lambda: Q(practice__isnull=True) | Q(practice__status="published"),
)


def practice_announce(*, practice, actor) -> None:
    activity_record(
        territory=practice.territory, verb=PRACTICE_PUBLISHED, actor=actor, practice=practice
    )
