"""Projects in the API: directory, detail, create, patch, needs, follow, replicate."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.core.api.schemas import responses
from ensemble.territories.selectors import territory_get
from ensemble.territories.validation import neighbourhood_from_slug, themes_from_slugs

from . import selectors, services
from .access import need_get_visible, project_get_visible
from .models import Project
from .origins import origins
from .schemas import (
    FollowOut,
    NeedIn,
    NeedKind,
    NeedOut,
    NeedPatch,
    ProjectIn,
    ProjectListOut,
    ProjectOut,
    ProjectPatch,
    ReplicateIn,
    StageIn,
)

router = Router(tags=["projects"])


class ProjectFilters(Schema):
    theme: str | None = None
    stage: StageIn | None = None
    neighbourhood: str | None = None
    need_kind: NeedKind | None = None
    q: str | None = None
    open_needs: bool = False
    sort: str = "newest"


def _detail(request, pk: int) -> Project:
    return project_get_visible(user=request.user, pk=pk, full=True)


@router.get("/territories/{slug}/projects", response=responses(list[ProjectListOut]))
@paginate(PageNumber)
def project_list(request, slug: str, filters: Query[ProjectFilters]):
    territory = territory_get(slug=slug)
    data = filters.dict()
    data["open_needs_only"] = data.pop("open_needs")
    sort = data.pop("sort")
    return selectors.project_list(territory=territory, filters=data, sort=sort)


@router.post(
    "/territories/{slug}/projects", response=responses(ProjectOut, 201), auth=authenticated
)
def project_create(request, slug: str, payload: ProjectIn):
    territory = territory_get(slug=slug)
    data = payload.dict()
    project = services.project_create(
        actor=request.user, territory=territory, title=data["title"], summary=data["summary"],
        description=data["description_markdown"], stage=data["stage"],
        themes=themes_from_slugs(territory, data["themes"]),
        neighbourhood=neighbourhood_from_slug(territory, data["neighbourhood"]),
        address=data["address"], latitude=data["latitude"], longitude=data["longitude"],
        is_replicable=data["is_replicable"], publish=data["status"] == "published",
        origin_contribution=_origin_contribution(request, territory, data["origin_contribution"]),
    )  # fmt: skip
    return Status(201, _detail(request, project.pk))


def _origin_contribution(request, territory, pk: int | None):
    """The contribution a new project is born from; one the person cannot see is unknown."""
    if pk is None:
        return None
    try:
        return origins.get("contribution").get_visible(
            user=request.user, pk=pk, territory=territory
        )
    except Http404:
        raise ValidationError(
            {"origin_contribution": _("Unknown contribution in this territory.")}
        ) from None


@router.get("/projects/{int:project_id}", response=responses(ProjectOut))
def project_detail(request, project_id: int):
    return _detail(request, project_id)


@router.patch("/projects/{int:project_id}", response=responses(ProjectOut), auth=authenticated)
def project_patch(request, project_id: int, payload: ProjectPatch):
    project = project_get_visible(user=request.user, pk=project_id)
    data = payload.dict(exclude_unset=True)
    status = data.pop("status", None)
    if "description_markdown" in data:
        data["description"] = data.pop("description_markdown")
    if "themes" in data:
        data["themes"] = themes_from_slugs(project.territory, data["themes"] or [])
    if "neighbourhood" in data:
        data["neighbourhood"] = neighbourhood_from_slug(project.territory, data["neighbourhood"])
    services.project_edit(actor=request.user, project=project, data=data, status=status)
    return _detail(request, project.pk)


@router.post(
    "/projects/{int:project_id}/needs", response=responses(NeedOut, 201), auth=authenticated
)
def need_create(request, project_id: int, payload: NeedIn):
    project = project_get_visible(user=request.user, pk=project_id)
    need = services.need_create(actor=request.user, project=project, **payload.dict())
    return Status(201, need)


@router.patch("/needs/{int:need_id}", response=responses(NeedOut), auth=authenticated)
def need_patch(request, need_id: int, payload: NeedPatch):
    need = need_get_visible(user=request.user, pk=need_id)
    data = payload.dict(exclude_unset=True)
    status = data.pop("status", None)
    return services.need_edit(actor=request.user, need=need, data=data, status=status)


@router.post("/projects/{int:project_id}/follow", response=responses(FollowOut), auth=authenticated)
def project_follow(request, project_id: int):
    project = project_get_visible(user=request.user, pk=project_id)
    services.project_follow(user=request.user, project=project)
    project.refresh_from_db(fields=["followers_count"])
    return {"following": True, "followers_count": project.followers_count}


@router.delete(
    "/projects/{int:project_id}/follow", response=responses(None, 204), auth=authenticated
)
def project_unfollow(request, project_id: int):
    project = project_get_visible(user=request.user, pk=project_id)
    services.project_unfollow(user=request.user, project=project)
    return Status(204, None)


@router.post(
    "/projects/{int:project_id}/replicate",
    response=responses(ProjectOut, 201),
    auth=authenticated,
)
def project_replicate(request, project_id: int, payload: ReplicateIn):
    source = project_get_visible(user=request.user, pk=project_id)
    try:
        territory = territory_get(slug=payload.territory)
    except Http404:  # an unknown slug is bad input here, not a missing page
        raise ValidationError({"territory": _("Unknown territory.")}) from None
    copy = services.project_replicate(actor=request.user, source=source, territory=territory)
    return Status(201, _detail(request, copy.pk))
