"""The knowledge base in the API: a territory's resources, one resource, writing them
(agents and admins, the same services as the pages), attachments."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import File, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from ensemble.core.access import require
from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.core.api.schemas import responses
from ensemble.projects.access import need_get_visible
from ensemble.projects.models import Project
from ensemble.resources import selectors, services
from ensemble.resources.access import resource_get_visible
from ensemble.resources.schemas import (
    AttachmentOut,
    ResourceIn,
    ResourceListOut,
    ResourceOut,
    ResourcePatch,
)
from ensemble.territories.selectors import territory_get, theme_list

router = Router(tags=["resources"])


class ResourceFilters(Schema):
    kind: str | None = None
    theme: str | None = None
    q: str | None = None
    open: bool = False
    archived: bool = False
    need_kind: str | None = None
    drafts: bool = False


@router.get("/territories/{slug}/resources", response=list[ResourceListOut])
@paginate(PageNumber)
def resource_list(request, slug: str, filters: Query[ResourceFilters]):
    """Published resources; `open=true`: funding calls still open (soonest deadline first),
    `archived=true`: those past their deadline (left out otherwise); `drafts=true` for agents."""
    return selectors.resource_list(
        territory=territory_get(slug=slug), user=request.user,
        filters={key: value for key, value in filters.dict().items() if value},
    )  # fmt: skip


def _data(territory, data: dict) -> dict:
    if "body_markdown" in data:
        data["body"] = data.pop("body_markdown") or ""
    for field in ("summary", "funder", "amount", "address", "opening_hours", "phone", "email",
                  "website", "need_kind"):  # fmt: skip
        if field in data and data[field] is None:
            data[field] = ""
    if "themes" in data:
        themes = {theme.slug: theme for theme in theme_list(territory=territory)}
        if any(slug not in themes for slug in data["themes"] or []):
            raise ValidationError({"themes": _("Unknown theme in this territory.")})
        data["themes"] = [themes[slug] for slug in data["themes"] or []]
    if "projects" in data:
        ids = set(data["projects"] or [])
        projects = list(Project.objects.filter(territory=territory, pk__in=ids))
        if len(projects) != len(ids):
            raise ValidationError({"projects": _("Unknown project in this territory.")})
        data["projects"] = projects
    return data


@router.post("/territories/{slug}/resources", response=responses(ResourceOut, 201),
             auth=authenticated)  # fmt: skip
def resource_create(request, slug: str, payload: ResourceIn):
    territory = territory_get(slug=slug)
    require(request.user, "resources.add_resource", territory)
    data = _data(territory, payload.dict(exclude_unset=True))
    status = data.pop("status", "draft")
    resource = services.resource_create(
        actor=request.user, territory=territory, publish=status == "published", **data
    )
    return Status(201, resource_get_visible(user=request.user, pk=resource.pk))


@router.get("/resources/{int:resource_id}", response=responses(ResourceOut))
def resource_detail(request, resource_id: int):
    return resource_get_visible(user=request.user, pk=resource_id)


@router.patch("/resources/{int:resource_id}", response=responses(ResourceOut),
              auth=authenticated)  # fmt: skip
def resource_patch(request, resource_id: int, payload: ResourcePatch):
    resource = resource_get_visible(
        user=request.user, pk=resource_id, perm="resources.change_resource"
    )
    data = _data(resource.territory, payload.dict(exclude_unset=True))
    status = data.pop("status", None)
    services.resource_update(actor=request.user, resource=resource, data=data)
    if status:
        services.resource_set_status(actor=request.user, resource=resource, status=status)
    return resource_get_visible(user=request.user, pk=resource.pk)


@router.post("/resources/{int:resource_id}/attachments", response=responses(AttachmentOut, 201),
             auth=authenticated)  # fmt: skip
def attachment_add(request, resource_id: int, file: File[UploadedFile]):
    """Attach a file (multipart, field `file`): PDF, images, office documents; sniffed."""
    resource = resource_get_visible(
        user=request.user, pk=resource_id, perm="resources.change_resource"
    )
    attachment = services.attachment_add(actor=request.user, resource=resource, uploaded=file)
    return Status(201, attachment)


@router.get("/needs/{int:need_id}/resources", response=list[ResourceListOut])
@paginate(PageNumber)
def need_resources(request, need_id: int):
    """What the knowledge base offers for a need: for a "funding" need, the open funding calls."""
    return selectors.resources_for_need(need_get_visible(user=request.user, pk=need_id))
