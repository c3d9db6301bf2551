"""The API of consultations: consultations, their phases and their charter."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Status

from ensemble.consultations.access import consultation_get_visible
from ensemble.consultations.figures import figure_of, set_page_figures
from ensemble.consultations.models import Consultation, Phase
from ensemble.consultations.schemas import (
    CharterIn,
    CharterOut,
    CharterVersionOut,
    ConsultationIn,
    ConsultationOut,
    ConsultationPage,
    ConsultationPatch,
    PhaseIn,
    PhaseOut,
    PhasePatch,
)
from ensemble.consultations.selectors import consultations as selectors
from ensemble.consultations.services import charter as charter_services
from ensemble.consultations.services import consultations as services
from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageParams, page_of
from ensemble.core.api.schemas import ErrorOut
from ensemble.territories.selectors import territory_get
from ensemble.territories.validation import neighbourhoods_from_slugs, themes_from_slugs

router = Router(tags=["consultations"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
CHANGE = "consultations.change_consultation"


class ListFilters(PageParams):
    state: str | None = Field(None, pattern="^(open|finished)$")


def _detail(request, pk: int, perm: str | None = None) -> Consultation:
    consultation = consultation_get_visible(user=request.user, pk=pk, perm=perm)
    consultation.indicators = figure_of(consultation, "indicators")
    return consultation


@router.get("/territories/{slug}/consultations", response={200: ConsultationPage, 422: ErrorOut})
def consultation_list(request, slug: str, filters: Query[ListFilters]):
    """The consultations the caller may see; `median_days_to_answer` is given on the detail only."""
    territory = territory_get(slug=slug)
    consultations = selectors.consultation_list(
        territory=territory, user=request.user, state=filters.state
    )
    page = page_of(consultations, page=filters.page, page_size=filters.page_size)
    page["items"] = list(page["items"])
    set_page_figures(page["items"])  # the cheap indicators of a list (registered by contributions)
    return page


@router.post(
    "/territories/{slug}/consultations", response={201: ConsultationOut, **ERRORS},
    auth=authenticated,
)  # fmt: skip
def consultation_create(request, slug: str, payload: ConsultationIn):
    territory = territory_get(slug=slug)
    if not request.user.has_perm("consultations.add_consultation", territory):
        raise PermissionDenied
    data = payload.dict()
    consultation = services.consultation_create(
        author=request.user, territory=territory, title=data["title"],
        question=data["question"], description=data["description_markdown"],
        themes=themes_from_slugs(territory, data["themes"]),
        neighbourhoods=neighbourhoods_from_slugs(territory, data["neighbourhoods"]),
        visibility=data["visibility"], status=data["status"], blueprint=data["blueprint"],
        charter_body=data["charter"], answer_within_days=data["answer_within_days"],
        supports_per_person=data["supports_per_person"],
        explanation_min_length=data["explanation_min_length"],
    )  # fmt: skip
    return Status(201, _detail(request, consultation.pk))


@router.get("/consultations/{int:consultation_id}", response={200: ConsultationOut, 404: ErrorOut})
def consultation_detail(request, consultation_id: int):
    return _detail(request, consultation_id)


@router.patch(
    "/consultations/{int:consultation_id}", response={200: ConsultationOut, **ERRORS},
    auth=authenticated,
)  # fmt: skip
@transaction.atomic
def consultation_patch(request, consultation_id: int, payload: ConsultationPatch):
    consultation = consultation_get_visible(user=request.user, pk=consultation_id, perm=CHANGE)
    data = payload.dict(exclude_unset=True)
    status = data.pop("status", None)
    if "description_markdown" in data:
        data["description"] = data.pop("description_markdown") or ""
    for field in ("title", "question", "visibility", "explanation_min_length"):
        if field in data and data[field] is None:
            raise ValidationError({field: _("This field cannot be empty.")})
    if "themes" in data:
        data["themes"] = themes_from_slugs(consultation.territory, data["themes"] or [])
    if "neighbourhoods" in data:
        data["neighbourhoods"] = neighbourhoods_from_slugs(
            consultation.territory, data["neighbourhoods"] or []
        )
    if data:
        services.consultation_update(actor=request.user, consultation=consultation, data=data)
    if status == Consultation.Status.PUBLISHED:
        services.consultation_publish(actor=request.user, consultation=consultation)
    elif status == Consultation.Status.DRAFT and consultation.status != status:
        raise ValidationError({"status": _("A published consultation cannot become a draft.")})
    return _detail(request, consultation.pk)


def _charter(consultation: Consultation) -> dict:
    return {
        "current_version": consultation.charter_version,
        "answer_within_days": consultation.answer_within_days,
        "versions": list(selectors.charter_version_list(consultation=consultation)),
    }


@router.get(
    "/consultations/{int:consultation_id}/charter", response={200: CharterOut, 404: ErrorOut}
)
def charter_detail(request, consultation_id: int):
    """The charter in force and every earlier version: the public changelog."""
    return _charter(consultation_get_visible(user=request.user, pk=consultation_id))


@router.post(
    "/consultations/{int:consultation_id}/charter", response={201: CharterVersionOut, **ERRORS},
    auth=authenticated,
)  # fmt: skip
def charter_publish(request, consultation_id: int, payload: CharterIn):
    consultation = consultation_get_visible(user=request.user, pk=consultation_id, perm=CHANGE)
    version = charter_services.charter_publish(
        author=request.user, consultation=consultation, **payload.dict()
    )
    return Status(201, version)


@router.post(
    "/consultations/{int:consultation_id}/phases", response={201: PhaseOut, **ERRORS},
    auth=authenticated,
)  # fmt: skip
def phase_create(request, consultation_id: int, payload: PhaseIn):
    consultation = consultation_get_visible(user=request.user, pk=consultation_id, perm=CHANGE)
    return Status(
        201, services.phase_add(actor=request.user, consultation=consultation, **payload.dict())
    )


def _phase(request, phase_id: int) -> Phase:
    """The phase of a consultation the caller may change (404 if they may not even see it)."""
    consultation_id = get_object_or_404(
        Phase.objects.values_list("consultation_id", flat=True), pk=phase_id
    )
    consultation = consultation_get_visible(user=request.user, pk=consultation_id, perm=CHANGE)
    phase = get_object_or_404(Phase, pk=phase_id, consultation=consultation)
    phase.consultation = consultation
    return phase


@router.patch("/phases/{int:phase_id}", response={200: PhaseOut, **ERRORS}, auth=authenticated)
def phase_patch(request, phase_id: int, payload: PhasePatch):
    phase = _phase(request, phase_id)
    data = payload.dict(exclude_unset=True)
    for field in ("kind", "starts_at"):
        if field in data and data[field] is None:
            raise ValidationError({field: _("This field cannot be empty.")})
    for field in ("title", "description"):
        if field in data and data[field] is None:
            data[field] = ""
    return services.phase_update(actor=request.user, phase=phase, data=data)


@router.delete("/phases/{int:phase_id}", response={204: None, **ERRORS}, auth=authenticated)
def phase_delete(request, phase_id: int):
    services.phase_delete(actor=request.user, phase=_phase(request, phase_id))
    return Status(204, None)
