"""The API of questionnaires: the questions, my answers, the results; agents set the questions."""

from ninja import Router, Status

from ensemble.consultations.access import consultation_get_visible
from ensemble.core.api.auth import authenticated
from ensemble.core.api.schemas import responses
from ensemble.questionnaires import selectors, services
from ensemble.questionnaires.access import questionnaire_of_consultation
from ensemble.questionnaires.schemas import (
    QuestionnaireIn,
    QuestionnaireOut,
    ResponseIn,
    ResultsOut,
)

router = Router(tags=["questionnaires"])
PATH = "/consultations/{int:consultation_id}"


def _my_answers(response) -> dict | None:
    if response is None:
        return None
    answers = {}
    for answer in sorted(response.answers.all(), key=lambda a: (a.rank or 0, a.pk)):
        key = str(answer.question_id)
        value = answer.text or answer.choice
        if answer.number is not None and not answer.choice:
            value = str(answer.number)
        if answer.row:
            answers.setdefault(key, {})[answer.row] = answer.choice
        else:
            answers.setdefault(key, []).append(value)
    return answers


def _out(request, questionnaire) -> dict:
    response = selectors.response_get(user=request.user, questionnaire=questionnaire)
    return {
        "id": questionnaire.pk,
        "title": questionnaire.title,
        "introduction": questionnaire.introduction,
        "is_anonymous": questionnaire.is_anonymous,
        "is_open": services.is_open(questionnaire),
        "responses_count": questionnaire.responses_count,
        "questions": list(questionnaire.questions.all()),
        "my_answers": _my_answers(response),
    }


@router.get(f"{PATH}/questionnaire", response=responses(QuestionnaireOut))
def questionnaire_detail(request, consultation_id: int):
    questionnaire = questionnaire_of_consultation(
        user=request.user, consultation_pk=consultation_id
    )
    return _out(request, questionnaire)


@router.put(f"{PATH}/questionnaire", response=responses(QuestionnaireOut), auth=authenticated)
def questionnaire_put(request, consultation_id: int, payload: QuestionnaireIn):
    """Agents set the questionnaire and its questions (refused, 409, once people answered)."""
    consultation = consultation_get_visible(
        user=request.user, pk=consultation_id, perm="consultations.change_consultation"
    )
    services.questionnaire_set(
        actor=request.user,
        territory=consultation.territory,
        consultation=consultation,
        title=payload.title,
        introduction=payload.introduction_markdown,
        is_anonymous=payload.is_anonymous,
        questions=[q.dict() for q in payload.questions],
    )
    return _out(
        request,
        questionnaire_of_consultation(user=request.user, consultation_pk=consultation_id),
    )


@router.post(f"{PATH}/responses", response=responses(QuestionnaireOut, 201), auth=authenticated)
def response_create(request, consultation_id: int, payload: ResponseIn):
    """Answer (again: replaces one's answers while open); 409 for a second anonymous answer.
    Errors name the question as `q_<id>`."""
    questionnaire = questionnaire_of_consultation(
        user=request.user, consultation_pk=consultation_id
    )
    services.response_submit(
        user=request.user, questionnaire=questionnaire, answers=payload.answers
    )
    questionnaire.refresh_from_db(fields=["responses_count"])
    return Status(201, _out(request, questionnaire))


@router.delete(f"{PATH}/responses/mine", response=responses(QuestionnaireOut), auth=authenticated)
def response_withdraw(request, consultation_id: int):
    """Take one's response back while open; 409 for an anonymous one, or none."""
    questionnaire = questionnaire_of_consultation(
        user=request.user, consultation_pk=consultation_id
    )
    services.response_withdraw(user=request.user, questionnaire=questionnaire)
    questionnaire.refresh_from_db(fields=["responses_count"])
    return _out(request, questionnaire)


@router.get(f"{PATH}/questionnaire/results", response=responses(ResultsOut))
def questionnaire_results(request, consultation_id: int):
    questionnaire = questionnaire_of_consultation(
        user=request.user, consultation_pk=consultation_id
    )
    return {
        "responses_count": questionnaire.responses_count,
        "questions": [
            {
                "question": r.question.pk,
                "text": r.question.text,
                "kind": r.question.kind,
                "answered": r.answered,
                "bars": [vars(b) for b in r.bars],
                "matrix": [{"row": row, "bars": [vars(b) for b in bars]} for row, bars in r.matrix],
                "mean": float(r.numbers["mean"]) if r.numbers else None,
                "min": float(r.numbers["low"]) if r.numbers else None,
                "max": float(r.numbers["high"]) if r.numbers else None,
                "texts": r.texts,
            }
            for r in selectors.question_results(questionnaire=questionnaire)
        ],
    }
