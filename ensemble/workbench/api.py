"""The workbench's API, for the territory's agents only: for anyone else it does not exist."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import paginate

from ensemble.accounts.models import User
from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.core.api.schemas import responses
from ensemble.territories.selectors import territory_get

from . import selectors, services
from .access import contribution_get_for_agents
from .models import Department
from .schemas import AssignmentIn, AssignmentOut, NoteIn, NoteOut, QueueItemOut

router = Router(tags=["workbench"])


@router.get("/territories/{slug}/workbench", response=responses(list[QueueItemOut]),
            auth=authenticated)  # fmt: skip
@paginate(PageNumber)
def queue(request, slug: str):
    """Contributions waiting for an answer, overdue first (the territory's agents)."""
    territory = territory_get(slug=slug)
    if not request.user.has_perm("workbench.view_queue", territory):
        raise Http404
    return selectors.queue(territory=territory, filters={"user": request.user})


@router.get("/contributions/{pk}/notes", response=responses(list[NoteOut]), auth=authenticated)
def note_list(request, pk: int):
    contribution = contribution_get_for_agents(user=request.user, pk=pk)
    return list(selectors.note_list(contribution=contribution))


@router.post("/contributions/{pk}/notes", response=responses(NoteOut, 201), auth=authenticated)
def note_create(request, pk: int, payload: NoteIn):
    contribution = contribution_get_for_agents(user=request.user, pk=pk)
    note = services.note_add(actor=request.user, contribution=contribution, body=payload.body)
    return Status(201, note)


@router.put("/contributions/{pk}/assignment", response=responses(AssignmentOut),
            auth=authenticated)  # fmt: skip
def assignment_set(request, pk: int, payload: AssignmentIn):
    contribution = contribution_get_for_agents(user=request.user, pk=pk)
    agent = department = None
    if payload.agent is not None:
        agent = User.objects.filter(pk=payload.agent).first()
        if agent is None:
            raise ValidationError({"agent": _("Choose public agents of the territory.")})
    if payload.department is not None:
        department = Department.objects.filter(
            pk=payload.department, territory=contribution.territory
        ).first()
        if department is None:
            raise ValidationError({"department": _("Choose a department of the territory.")})
    return services.contribution_assign(
        actor=request.user, contribution=contribution, agent=agent, department=department
    )
