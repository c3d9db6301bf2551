"""The practice library in the API: the network's practices (`?q=` and filters), one sheet,
writing them (agents and admins of the territory, its authors), bookmarks."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from ensemble.contributions.models import Contribution
from ensemble.core.access import require
from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.core.api.schemas import responses
from ensemble.practices import selectors, services
from ensemble.practices.access import practice_get_visible
from ensemble.practices.models import Practice
from ensemble.practices.schemas import PracticeIn, PracticeListOut, PracticeOut, PracticePatch
from ensemble.projects.models import Project
from ensemble.territories.selectors import territory_get, theme_list

router = Router(tags=["practices"])


class PracticeFilters(Schema):
    q: str | None = None
    theme: str | None = None
    country: str | None = None
    territory: str | None = None
    territory_size: str | None = None
    cost_range: str | None = None
    bookmarked: bool = False
    mine: bool = False


@router.get("/practices", response=list[PracticeListOut])
@paginate(PageNumber)
def practice_list(request, filters: Query[PracticeFilters]):
    """Published practices of the whole network, newest first; `mine=true`: the sheets I
    write, drafts included."""
    return selectors.practice_list(
        user=request.user, filters={k: v for k, v in filters.dict().items() if v}
    )


def _data(territory, data: dict) -> dict:
    for field in ("summary", "results", "cost", "cost_range", "territory_size", "partners",
                  "contact", "replication_notes"):  # fmt: skip
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
    if data.get("contribution") is not None:
        data["contribution"] = Contribution.objects.filter(pk=data["contribution"]).first()
        if data["contribution"] is None:
            raise ValidationError({"contribution": _("Unknown contribution in this territory.")})
    if data.get("replicated_from") is not None:
        data["replicated_from"] = Practice.objects.filter(pk=data["replicated_from"]).first()
        if data["replicated_from"] is None:
            raise ValidationError({"replicated_from": _("Unknown published practice.")})
    return data


@router.post("/practices", response=responses(PracticeOut, 201), auth=authenticated)
def practice_create(request, payload: PracticeIn):
    data = payload.dict(exclude_unset=True)
    territory = territory_get(slug=data.pop("territory"))
    require(request.user, "practices.add_practice", territory)
    data = _data(territory, data)
    status = data.pop("status", "draft")
    practice = services.practice_create(
        actor=request.user, territory=territory, publish=status == "published", **data
    )
    return Status(201, practice_get_visible(user=request.user, pk=practice.pk))


@router.get("/practices/{int:practice_id}", response=responses(PracticeOut))
def practice_detail(request, practice_id: int):
    return practice_get_visible(user=request.user, pk=practice_id)


@router.patch("/practices/{int:practice_id}", response=responses(PracticeOut),
              auth=authenticated)  # fmt: skip
def practice_patch(request, practice_id: int, payload: PracticePatch):
    practice = practice_get_visible(
        user=request.user, pk=practice_id, perm="practices.change_practice"
    )
    data = _data(practice.territory, payload.dict(exclude_unset=True))
    status = data.pop("status", None)
    services.practice_update(actor=request.user, practice=practice, data=data)
    if status:
        services.practice_set_status(actor=request.user, practice=practice, status=status)
    return practice_get_visible(user=request.user, pk=practice.pk)


@router.post("/practices/{int:practice_id}/bookmark", response=responses(None, 204),
             auth=authenticated)  # fmt: skip
def bookmark_add(request, practice_id: int):
    practice = practice_get_visible(user=request.user, pk=practice_id)
    services.bookmark_add(user=request.user, practice=practice)
    return Status(204, None)


@router.delete("/practices/{int:practice_id}/bookmark", response=responses(None, 204),
               auth=authenticated)  # fmt: skip
def bookmark_remove(request, practice_id: int):
    practice = practice_get_visible(user=request.user, pk=practice_id)
    services.bookmark_remove(user=request.user, practice=practice)
    return Status(204, None)
