"""Access to consultations: the only way views and the API reach them.

Each function returns the object only if the person may see it, scoped by the
territory of the URL when there is one, and raises Http404 otherwise: an
internal consultation, or one of another territory, does not exist for them.
With `perm`, a person who may see it but not do that gets PermissionDenied.
"""

from django.db.models import Prefetch
from django.http import Http404

from ensemble.consultations.models import Consultation, Phase
from ensemble.core.access import check_visible


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
    check_visible(user, consultation, view_perm="consultations.view_consultation", perm=perm)
    return consultation
