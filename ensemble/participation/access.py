"""Access to consultations and contributions: the only way views and the API reach them.

Each function returns the object only if the person may see it, scoped by the
territory of the URL when there is one, and raises Http404 otherwise: an
internal consultation, or one of another territory, does not exist for them.
With `perm`, a person who may see it but not do that gets PermissionDenied.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404

from .models import Consultation, Contribution, Phase


def _check(user, obj, view_perm: str, perm: str | None):
    if not user.has_perm(view_perm, obj):
        raise Http404
    if perm and not user.has_perm(perm, obj):
        raise PermissionDenied


def consultation_get_visible(*, user, pk: int, territory=None, perm: str | None = None):
    """The consultation with its territory and phases (prefetched: `allows()` costs no query)."""
    queryset = Consultation.objects.select_related("territory").prefetch_related(
        Prefetch("phases", queryset=Phase.objects.order_by("position", "starts_at", "pk"))
    )
    if territory is not None:
        queryset = queryset.filter(territory=territory)
    consultation = queryset.filter(pk=pk).first()
    if consultation is None:
        raise Http404
    _check(user, consultation, "participation.view_consultation", perm)
    return consultation


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
    _check(user, contribution, "participation.view_contribution", perm)
    return contribution
