"""Access to contributions: the only way views and the API reach them (see consultations.access)."""

from django.db.models import Prefetch
from django.http import Http404

from ensemble.consultations.access import check_visible
from ensemble.consultations.models import Phase
from ensemble.contributions.models import Contribution


def contribution_get_visible(
    *, user, pk: int, consultation=None, territory=None, perm: str | None = None
):  # fmt: skip
    """The contribution with its consultation, territory and phases."""
    queryset = Contribution.objects.select_related(
        "consultation", "consultation__territory", "territory", "author", "answer",
        "merged_into", "neighbourhood",
    ).prefetch_related(
        Prefetch(
            "consultation__phases",
            queryset=Phase.objects.order_by("position", "starts_at", "pk"),
        )
    )  # fmt: skip
    if consultation is not None:
        queryset = queryset.filter(consultation=consultation)
    if territory is not None:
        queryset = queryset.filter(territory=territory)
    contribution = queryset.filter(pk=pk).first()
    if contribution is None:
        raise Http404
    check_visible(user, contribution, "contributions.view_contribution", perm)
    return contribution
