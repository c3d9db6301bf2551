"""The API of consultations: answers to contributions and the decision journal."""

from ninja import Query, Router, Status
from ninja.pagination import paginate

from ensemble.answers import selectors
from ensemble.answers.models import Answer
from ensemble.answers.schemas import AnswerIn, AnswerOut, DecisionFilters
from ensemble.answers.services import answer_create
from ensemble.consultations.access import consultation_get_visible
from ensemble.contributions.access import contribution_get_visible
from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.core.api.schemas import ErrorOut

router = Router(tags=["consultations"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


@router.post(
    "/contributions/{int:contribution_id}/answer", response={201: AnswerOut, **ERRORS},
    auth=authenticated,
)  # fmt: skip
def contribution_answer(request, contribution_id: int, payload: AnswerIn):
    """Answer a contribution (or revise its answer); the explanation is mandatory."""
    contribution = contribution_get_visible(
        user=request.user, pk=contribution_id, perm="answers.answer_contribution"
    )
    answer = answer_create(author=request.user, contribution=contribution, **payload.dict())
    return Status(201, answer)


@router.get(
    "/contributions/{int:contribution_id}/answers",
    response={200: list[AnswerOut], 404: ErrorOut},
)  # fmt: skip
@paginate(PageNumber)
def contribution_answers(request, contribution_id: int):
    """Every version of the contribution's answer, newest first."""
    contribution = contribution_get_visible(user=request.user, pk=contribution_id)
    if not request.user.has_perm("contributions.read_contribution", contribution):
        return Answer.objects.none()  # hidden by moderation: only its reason is public
    return selectors.answer_history(contribution=contribution)


@router.get(
    "/consultations/{int:consultation_id}/decisions",
    response={200: list[AnswerOut], 404: ErrorOut},
)  # fmt: skip
@paginate(PageNumber)
def consultation_decisions(request, consultation_id: int, filters: Query[DecisionFilters]):
    """The public decision journal: every answer with its explanation, newest first."""
    consultation = consultation_get_visible(user=request.user, pk=consultation_id)
    return selectors.journal(consultation, state=filters.state)
