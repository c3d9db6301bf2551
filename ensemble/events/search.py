"""How events are found by the search (registered from `registrations.py`)."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ensemble.events import policies
from ensemble.events.models import Event
from ensemble.search.documents import (
    SUMMARY_LENGTH,
    Document,
    SearchProvider,
    join_text,
    reverse_or_empty,
)


class EventProvider(SearchProvider):
    """The calendar's own events, not cancelled.

    Events that another app owns (a consultation's workshops, see `policies`)
    are found through their owner: their visibility follows it (a consultation
    that becomes internal), which an index entry could not follow.
    """

    kind = "event"
    label = _("Event")
    model = Event
    position = 50

    def queryset(self) -> QuerySet[Event]:
        return (
            policies.with_relations(Event.objects.filter(is_cancelled=False))
            .select_related("neighbourhood")
            .prefetch_related("themes")
            .order_by("pk")
        )

    def document(self, event: Event) -> Document | None:
        if event.is_cancelled or policies.policy_for(event) is not None:
            return None
        return Document(
            kind=self.kind,
            object_id=event.pk,
            territory_id=event.territory_id,
            title=event.title,
            summary=event.description[:SUMMARY_LENGTH],
            body=join_text(
                event.get_kind_display(),
                event.description,
                event.address,
                event.neighbourhood.name if event.neighbourhood else "",
                *(theme.name for theme in event.themes.all()),
            ),
        )

    def url(self, entry) -> str:
        return reverse_or_empty(
            "events:detail", territory_slug=entry.territory.slug, pk=entry.object_id
        )
