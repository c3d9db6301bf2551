"""Access to resources: the only way views and the API reach one (404 for what one may not see)."""

from ensemble.core.access import get_visible
from ensemble.resources.models import Resource

VIEW_RESOURCE = "resources.view_resource"


def resource_get_visible(*, user, pk, territory=None, perm: str | None = None) -> Resource:
    queryset = Resource.objects.select_related("territory").prefetch_related(
        "themes", "attachments", "projects"
    )
    return get_visible(
        queryset, user=user, pk=pk, view_perm=VIEW_RESOURCE, perm=perm, territory=territory
    )
