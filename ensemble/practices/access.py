"""Access to practices: the only way views and the API reach one (404 for a draft of others)."""

from ensemble.core.access import get_visible
from ensemble.practices.models import Practice

VIEW_PRACTICE = "practices.view_practice"


def practice_get_visible(*, user, pk, perm: str | None = None) -> Practice:
    queryset = Practice.objects.select_related(
        "territory", "contribution", "contribution__consultation", "replicated_from",
        "replicated_from__territory",
    ).prefetch_related("themes", "authors", "projects__territory")  # fmt: skip
    return get_visible(queryset, user=user, pk=pk, view_perm=VIEW_PRACTICE, perm=perm)
