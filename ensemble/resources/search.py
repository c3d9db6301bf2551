"""How resources are found by the search (registered from `registrations.py`)."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ensemble.resources.models import Resource
from ensemble.search.documents import (
    SUMMARY_LENGTH,
    Document,
    SearchProvider,
    join_text,
    reverse_or_empty,
)


class ResourceProvider(SearchProvider):
    """Published resources; a draft is never indexed."""

    kind = "resource"
    label = _("Resource")
    model = Resource
    position = 60

    def queryset(self) -> QuerySet[Resource]:
        return Resource.objects.published().prefetch_related("themes").order_by("pk")

    def document(self, resource: Resource) -> Document | None:
        if resource.status != Resource.Status.PUBLISHED:
            return None
        return Document(
            kind=self.kind,
            object_id=resource.pk,
            territory_id=resource.territory_id,
            title=resource.title,
            summary=(resource.summary or resource.body)[:SUMMARY_LENGTH],
            body=join_text(
                resource.get_kind_display(),
                resource.body,
                resource.funder,
                resource.address,
                *(theme.name for theme in resource.themes.all()),
            ),
        )

    def url(self, entry) -> str:
        return reverse_or_empty(
            "resources:detail", territory_slug=entry.territory.slug, pk=entry.object_id
        )
