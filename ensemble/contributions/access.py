"""Access to contributions: the only way views and the API reach them (see consultations.access)."""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _

from ensemble.consultations.models import Phase
from ensemble.contributions.models import Contribution
from ensemble.core.access import check_visible
from ensemble.territories.models import Territory

# What callers read of a contribution besides its consultation (the API: its answer…).
RELATED = ("author", "answer", "merged_into", "neighbourhood")


def contribution_get_visible(
    *, user, pk: int, consultation=None, territory=None, perm: str | None = None,
    related: tuple[str, ...] = RELATED,
):  # fmt: skip
    """The contribution with its consultation, territory and phases, and the `related`
    objects joined (the page reads them in its kept parts only: it joins none).

    The territory in hand (the request's) is given to the contribution and its consultation
    rather than joined twice: PostgreSQL takes longer to plan each join than to run them.
    """
    in_hand = territory if isinstance(territory, Territory) else None
    joined = ["consultation", *related]
    if in_hand is None:
        joined += ["consultation__territory", "territory"]
    queryset = Contribution.objects.select_related(*joined).prefetch_related(
        Prefetch(
            "consultation__phases",
            queryset=Phase.objects.order_by("position", "starts_at", "pk"),
        )
    )  # fmt: skip
    if consultation is not None:
        queryset = queryset.filter(consultation=consultation)
    if territory is not None:
        queryset = queryset.filter(territory=territory)
    try:
        # get(), not first(): no ORDER BY, which Django takes long to compile over the
        # columns of the joined rows.
        contribution = queryset.get(pk=pk)
    except Contribution.DoesNotExist:
        raise Http404 from None
    if in_hand is not None:
        contribution.territory = in_hand
        if contribution.consultation.territory_id == in_hand.pk:
            contribution.consultation.territory = in_hand
    check_visible(user, contribution, view_perm="contributions.view_contribution", perm=perm)
    return contribution


def merge_target_get_visible(*, user, source, pk) -> Contribution:
    """The contribution `source` would be merged into: one of the same consultation that
    `user` may see. Anything else is an error on the `target` field (the form and the API
    name it), never a 404 that would lose what the moderator typed."""
    try:
        return contribution_get_visible(user=user, pk=int(pk), consultation=source.consultation)
    except (Http404, TypeError, ValueError):
        raise ValidationError(
            {"target": _("No contribution of this consultation has this number.")}
        ) from None
