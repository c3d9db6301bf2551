"""How organisations are found by the search (registered from `registrations.py`)."""

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from ensemble.search.documents import (
    SUMMARY_LENGTH,
    Document,
    SearchProvider,
    join_text,
    reverse_or_empty,
)

from .models import Offer, Organisation


class OrganisationProvider(SearchProvider):
    """Organisations, with the text of their active offers; found in their partner
    territories too."""

    kind = "organisation"
    label = _("Organisation")
    model = Organisation
    position = 20

    def queryset(self) -> QuerySet[Organisation]:
        return (
            Organisation.objects.select_related("neighbourhood")
            .prefetch_related(
                "themes", "other_territories", Prefetch("offers", queryset=Offer.objects.active())
            )
            .order_by("pk")
        )

    def document(self, organisation: Organisation) -> Document | None:
        offers = [
            join_text(offer.title, offer.skill)
            for offer in organisation.offers.all()
            if offer.is_active
        ]
        return Document(
            kind=self.kind,
            object_id=organisation.pk,
            territory_id=organisation.territory_id,
            title=organisation.name,
            summary=(organisation.summary or organisation.description)[:SUMMARY_LENGTH],
            body=join_text(
                organisation.description,
                organisation.address,
                organisation.neighbourhood.name if organisation.neighbourhood else "",
                *(theme.name for theme in organisation.themes.all()),
                *offers,
            ),
            territory_ids=tuple(territory.pk for territory in organisation.other_territories.all()),
        )

    def url(self, entry) -> str:
        return reverse_or_empty(
            "actors:detail", territory_slug=entry.territory.slug, pk=entry.object_id
        )
