"""How contributions are found by the search (registered by `ParticipationConfig.ready()`)."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ensemble.consultations.models import public_q
from ensemble.contributions.models import Contribution
from ensemble.search.documents import (
    SUMMARY_LENGTH,
    Document,
    SearchProvider,
    join_text,
    reverse_or_empty,
)


class ContributionProvider(SearchProvider):
    """Open contributions of published public consultations.

    Contributions of internal (`agents`) or draft consultations, hidden ones
    and merged ones are not indexed at all: the index is what residents may
    find, and "who is an agent of which territory" is not something an entry's
    visibility can say. Agents find internal contributions on their pages.
    """

    kind = "contribution"
    label = _("Contribution")
    model = Contribution
    position = 40

    def queryset(self) -> QuerySet[Contribution]:
        return (
            Contribution.objects.open()
            .filter(public_q("consultation__"))
            .select_related("consultation", "neighbourhood")
            .prefetch_related("themes")
            .order_by("pk")
        )

    def document(self, contribution: Contribution) -> Document | None:
        consultation = contribution.consultation
        if (
            contribution.is_hidden
            or contribution.merged_into_id is not None
            or not consultation.is_public
        ):
            return None
        return Document(
            kind=self.kind,
            object_id=contribution.pk,
            territory_id=contribution.territory_id,
            title=contribution.title,
            summary=contribution.body[:SUMMARY_LENGTH],
            body=join_text(
                contribution.body,
                contribution.address,
                contribution.neighbourhood.name if contribution.neighbourhood else "",
                *(theme.name for theme in contribution.themes.all()),
                consultation.title,
            ),
        )

    def url(self, entry) -> str:
        # A short address that redirects to the contribution's page: no query per result.
        return reverse_or_empty(
            "contributions:contribution_goto", territory_slug=entry.territory.slug,
            pk=entry.object_id,
        )  # fmt: skip
