"""How practices are found by the search (registered from `registrations.py`).

A practice belongs to the territory where it runs, and the whole network reads
it: the network search finds it from anywhere.
"""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ensemble.practices.models import Practice
from ensemble.search.documents import (
    SUMMARY_LENGTH,
    Document,
    SearchProvider,
    join_text,
    reverse_or_empty,
)


class PracticeProvider(SearchProvider):
    """Published practices; a draft is never indexed."""

    kind = "practice"
    label = _("Practice")
    model = Practice
    position = 70

    def queryset(self) -> QuerySet[Practice]:
        return Practice.objects.published().prefetch_related("themes").order_by("pk")

    def document(self, practice: Practice) -> Document | None:
        if practice.status != Practice.Status.PUBLISHED:
            return None
        return Document(
            kind=self.kind,
            object_id=practice.pk,
            territory_id=practice.territory_id,
            title=practice.title,
            summary=(practice.summary or practice.problem)[:SUMMARY_LENGTH],
            body=join_text(
                practice.problem,
                practice.solution,
                practice.results,
                practice.partners,
                *(theme.name for theme in practice.themes.all()),
            ),
        )

    def url(self, entry) -> str:
        return reverse_or_empty("practices:detail", pk=entry.object_id)
