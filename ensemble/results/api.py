"""The API of consultations: results follow-up."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import paginate

from ensemble.consultations.access import consultation_get_visible
from ensemble.contributions.models import Contribution
from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.core.api.schemas import ErrorOut
from ensemble.projects.models import Project
from ensemble.results import selectors, services
from ensemble.results.models import Result
from ensemble.results.schemas import ResultDetailOut, ResultIn, ResultOut, ResultPatch, ResultStatus

router = Router(tags=["consultations"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
MANAGE = "results.manage_results"


def _unknown(field: str, missing) -> ValidationError:
    ids = ", ".join(str(pk) for pk in sorted(missing))
    return ValidationError({field: _("Unknown in this consultation: %(ids)s.") % {"ids": ids}})


def _contributions(consultation, ids: list[int]) -> list[Contribution]:
    """Looked up in this consultation only: another one's ids are unknown, never described."""
    found = list(Contribution.objects.filter(consultation=consultation, pk__in=ids))
    if missing := set(ids) - {c.pk for c in found}:
        raise _unknown("contributions", missing)
    return found


def _projects(consultation, ids: list[int]) -> list[Project]:
    found = list(Project.objects.filter(territory_id=consultation.territory_id, pk__in=ids))
    if missing := set(ids) - {p.pk for p in found}:
        raise _unknown("projects", missing)
    return found


def _parent(consultation, pk: int | None) -> Result | None:
    if pk is None:
        return None
    parent = Result.objects.filter(consultation=consultation, pk=pk).first()
    if parent is None:
        raise _unknown("parent", [pk])
    return parent


def _result(request, result_id: int, perm: str | None = None):
    """The result and its consultation, if the person may see it (404 otherwise)."""
    consultation_id = (
        Result.objects.filter(pk=result_id).values_list("consultation_id", flat=True).first()
    )
    if consultation_id is None:
        raise Http404
    consultation = consultation_get_visible(user=request.user, pk=consultation_id, perm=perm)
    return consultation, selectors.result_get(consultation=consultation, pk=result_id, full=True)


@router.get("/consultations/{int:consultation_id}/results", response=list[ResultOut])
@paginate(PageNumber)
def result_list(request, consultation_id: int, status: ResultStatus | None = None):
    consultation = consultation_get_visible(user=request.user, pk=consultation_id)
    return selectors.result_api_list(consultation=consultation, status=status)


@router.post(
    "/consultations/{int:consultation_id}/results",
    response={201: ResultDetailOut, **ERRORS},
    auth=authenticated,
)
def result_create(request, consultation_id: int, payload: ResultIn):
    consultation = consultation_get_visible(user=request.user, pk=consultation_id, perm=MANAGE)
    data = payload.dict()
    result = services.result_create(
        author=request.user, consultation=consultation, title=data["title"],
        description=data["description_markdown"], parent=_parent(consultation, data["parent"]),
        status=data["status"], progress=data["progress"], starts_on=data["starts_on"],
        ends_on=data["ends_on"], contributions=_contributions(consultation, data["contributions"]),
        projects=_projects(consultation, data["projects"]),
    )  # fmt: skip
    return Status(201, selectors.result_get(consultation=consultation, pk=result.pk, full=True))


@router.get("/results/{int:result_id}", response={200: ResultDetailOut, 404: ErrorOut})
def result_detail(request, result_id: int):
    return _result(request, result_id)[1]


@router.patch(
    "/results/{int:result_id}", response={200: ResultDetailOut, **ERRORS}, auth=authenticated
)
@transaction.atomic
def result_patch(request, result_id: int, payload: ResultPatch):
    """Edit a result; `status` or `progress` add a timeline entry and notify its followers."""
    consultation, result = _result(request, result_id, perm=MANAGE)
    data = payload.dict(exclude_unset=True)
    status, progress = data.pop("status", None), data.pop("progress", None)
    update_title, update_body = data.pop("update_title", None), data.pop("update_body", "")
    if "description_markdown" in data:
        data["description"] = data.pop("description_markdown")
    if "parent" in data:
        data["parent"] = _parent(consultation, data["parent"])
    if "contributions" in data:
        data["contributions"] = _contributions(consultation, data["contributions"] or [])
    if "projects" in data:
        data["projects"] = _projects(consultation, data["projects"] or [])
    if data:
        result = services.result_update(author=request.user, result=result, data=data)
    if status is not None or progress is not None:
        result.refresh_from_db()
        new_progress = result.progress if progress is None else progress
        services.result_progress(
            author=request.user, result=result, status=status or result.status,
            progress=progress,
            title=update_title or _("Progress: %(progress)s%%") % {"progress": new_progress},
            body=update_body,
        )  # fmt: skip
    return selectors.result_get(consultation=consultation, pk=result_id, full=True)
