"""Writes of questionnaires: building one, and answering it.

A person answers once. Their response can be changed until the questionnaire
closes, unless it is anonymous: then nothing links the response to them, so
it cannot be found again to be changed (`Respondent` only says they answered).

Concurrent answers of one person are serialised by a lock on their row (as
supports and ballots are); the unique constraints are the last guard. The
results' counts (`Tally`) move in the same transaction, under the
questionnaire's lock (`tallies`).
"""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ensemble.consultations.models import Consultation
from ensemble.consultations.phases import Feature
from ensemble.core.access import require
from ensemble.core.exceptions import Conflict
from ensemble.core.validation import full_clean
from ensemble.questionnaires import tallies
from ensemble.questionnaires.kinds import empty, kind_of, registry
from ensemble.questionnaires.models import Answer, Question, Questionnaire, Respondent, Response
from ensemble.territories.models import Territory

QUESTION_FIELDS = frozenset(
    {
        "kind",
        "text",
        "help_text",
        "required",
        "options",
        "rows",
        "max_choices",
        "scale_max",
        "show_if",
        "show_if_value",
    }
)


ALREADY_ANSWERED = _lazy("You have already answered this anonymous questionnaire.")


def is_open(questionnaire: Questionnaire, now=None) -> bool:
    """A consultation's questionnaire: during its questionnaire phase; a poll: between its dates."""
    if not questionnaire.is_poll:
        return questionnaire.consultation.allows(Feature.RESPOND)
    now = now or timezone.now()
    return (questionnaire.opens_at is not None and questionnaire.opens_at <= now) and (
        questionnaire.closes_at is None or now < questionnaire.closes_at
    )


def _questions(questionnaire: Questionnaire, questions: list[dict]) -> list[Question]:
    built, errors = [], {}
    for position, data in enumerate(questions):
        if unknown := set(data) - QUESTION_FIELDS:
            errors[f"questions.{position}"] = [
                _("Unknown fields: %(f)s.") % {"f": ", ".join(unknown)}
            ]
            continue
        show_if = data.get("show_if")
        if show_if is not None and not (isinstance(show_if, int) and 0 <= show_if < position):
            errors[f"questions.{position}"] = [
                _("A question is shown depending on an earlier one.")
            ]
            continue
        if show_if is not None and not (data.get("show_if_value") or "").strip():
            errors[f"questions.{position}"] = [_("Give the answer that shows this question.")]
            continue
        question = Question(
            questionnaire=questionnaire,
            position=position,
            **{**data, "show_if": built[show_if] if show_if is not None else None},
        )
        try:
            if question.kind not in registry:
                raise ValidationError(_("Unknown kind of question."))
            full_clean(question, exclude=["questionnaire", "show_if"])
            kind_of(question).check_setup(question)
        except ValidationError as error:
            errors[f"questions.{position}"] = error.messages
        built.append(question)
    if errors:
        raise ValidationError(errors)
    return built


@transaction.atomic
def questionnaire_set(
    *,
    actor,
    territory: Territory,
    consultation: Consultation | None = None,
    title: str,
    introduction: str = "",
    is_anonymous: bool = False,
    opens_at=None,
    closes_at=None,
    questions: Iterable[dict] = (),
) -> Questionnaire:
    """Create or replace a consultation's questionnaire, or create a quick poll (no
    consultation). Its questions are replaced until the first response, never after."""
    if consultation is not None:
        require(actor, "consultations.change_consultation", consultation)
        territory = consultation.territory
        questionnaire = Questionnaire.objects.select_for_update().filter(
            consultation=consultation
        ).first() or Questionnaire(consultation=consultation, territory=territory)
    else:
        require(actor, "questionnaires.add_poll", territory)
        questionnaire = Questionnaire(territory=territory)
    if questionnaire.pk and questionnaire.responses.exists():
        raise Conflict(_("People have answered: the questionnaire can no longer change."))
    questionnaire.title = (title or "").strip()
    questionnaire.introduction = introduction or ""
    questionnaire.is_anonymous = is_anonymous
    questionnaire.opens_at, questionnaire.closes_at = opens_at, closes_at
    questionnaire.created_by = questionnaire.created_by or actor
    full_clean(questionnaire, exclude=["consultation", "created_by"])
    if consultation is None and opens_at is None:
        raise ValidationError({"opens_at": _("A quick poll needs an opening date.")})
    questionnaire.save()
    questionnaire.questions.all().delete()
    for question in _questions(questionnaire, list(questions)):
        question.save()  # in order: the question it depends on is saved before it
    return questionnaire


def visible_questions(questionnaire: Questionnaire, rows_by_question: dict) -> list[Question]:
    """The questions shown for these answers: a conditional one only when its condition holds."""
    shown, values = [], {}
    for question in questionnaire.questions.all():
        condition = question.show_if_id
        if condition is not None and question.show_if_value not in values.get(condition, set()):
            continue
        shown.append(question)
        values[question.pk] = kind_of(question).shown_values(rows_by_question.get(question.pk, []))
    return shown


def _parse(questionnaire: Questionnaire, answers: dict) -> dict[int, list[dict]]:
    """{question pk: Answer rows} of the shown questions; errors named `q_<pk>`."""
    questions = {q.pk: q for q in questionnaire.questions.all()}
    if unknown := {str(k) for k in answers} - {str(pk) for pk in questions}:
        raise ValidationError(
            {"answers": _("Unknown questions: %(ids)s.") % {"ids": ", ".join(sorted(unknown))}}
        )
    raw = {int(k): v for k, v in answers.items()}
    rows, errors = {}, {}
    for pk, question in questions.items():
        if empty(raw.get(pk)):
            continue
        try:
            rows[pk] = kind_of(question).answer_rows(question, raw[pk])
        except ValidationError as error:
            errors[f"q_{pk}"] = error.messages
    shown = visible_questions(questionnaire, rows)
    for question in shown:
        if question.required and not rows.get(question.pk) and f"q_{question.pk}" not in errors:
            errors[f"q_{question.pk}"] = [_("This question needs an answer.")]
    if errors:
        raise ValidationError(errors)
    shown_pks = {q.pk for q in shown}
    return {pk: items for pk, items in rows.items() if pk in shown_pks and items}


def _lock_person(user) -> None:
    list(
        get_user_model().objects.select_for_update(no_key=True).filter(pk=user.pk).values_list("pk")
    )


def response_submit(*, user, questionnaire: Questionnaire, answers: dict) -> Response:
    """Answer the questionnaire (`answers`: {question id: value}); answering again replaces
    one's response while it is open, except an anonymous one (Conflict, 409)."""
    if not user.has_perm("questionnaires.respond", questionnaire):
        raise PermissionDenied(_("You may not answer this questionnaire."))
    if not is_open(questionnaire):
        raise Conflict(_("This questionnaire is not open."))
    if questionnaire.is_anonymous and questionnaire.respondents.filter(user=user).exists():
        raise Conflict(ALREADY_ANSWERED)  # before checking the answers: they cannot count
    rows = _parse(questionnaire, answers)
    with transaction.atomic():
        _lock_person(user)
        tallies.lock(questionnaire.pk)
        removed = []
        if questionnaire.is_anonymous:
            try:
                with transaction.atomic():
                    Respondent.objects.create(questionnaire=questionnaire, user=user)
            except IntegrityError:
                raise Conflict(
                    _("You have already answered this anonymous questionnaire.")
                ) from None
            response = Response.objects.create(questionnaire=questionnaire)
            new = True
        else:
            response = (
                Response.objects.select_for_update()
                .filter(questionnaire=questionnaire, user=user)
                .first()
            )
            new = response is None
            if new:
                response = Response.objects.create(questionnaire=questionnaire, user=user)
            else:
                removed = tallies.items_of(response)
                response.answers.all().delete()
            response.updated_at = timezone.now()
            response.save(update_fields=["updated_at"])
        added = [
            Answer(response=response, question_id=pk, **item)
            for pk, items in rows.items()
            for item in items
        ]
        Answer.objects.bulk_create(added)
        tallies.count_in(added=[_item(answer) for answer in added], removed=removed)
        if new:
            Questionnaire.objects.filter(pk=questionnaire.pk).update(
                responses_count=F("responses_count") + 1
            )
    return response


def _item(answer: Answer) -> dict:
    return {
        "question_id": answer.question_id,
        "row": answer.row,
        "choice": answer.choice,
        "rank": answer.rank,
        "number": answer.number,
    }


def response_withdraw(*, user, questionnaire: Questionnaire) -> None:
    """Take one's response back while the questionnaire is open: its answers stop counting.
    An anonymous response cannot be found again: Conflict (409), as when there is none."""
    if questionnaire.is_anonymous:
        raise Conflict(_("An anonymous response cannot be taken back."))
    if not is_open(questionnaire):
        raise Conflict(_("This questionnaire is not open."))
    with transaction.atomic():
        _lock_person(user)
        tallies.lock(questionnaire.pk)
        response = Response.objects.filter(questionnaire=questionnaire, user=user).first()
        if response is None:
            raise Conflict(_("You have not answered this questionnaire."))
        removed = tallies.items_of(response)
        response.delete()
        tallies.count_in(removed=removed)
        Questionnaire.objects.filter(pk=questionnaire.pk).update(
            responses_count=F("responses_count") - 1
        )


@transaction.atomic
def question_add(*, actor, questionnaire: Questionnaire, data: dict) -> Question:
    """Add a question at the end (before the first response only)."""
    require(actor, "questionnaires.manage_questionnaire", questionnaire)
    if questionnaire.responses.exists():
        raise Conflict(_("People have answered: the questionnaire can no longer change."))
    if unknown := set(data) - QUESTION_FIELDS:
        raise ValidationError({"__all__": _("Unknown fields: %(f)s.") % {"f": ", ".join(unknown)}})
    show_if = data.get("show_if")
    if show_if is not None and show_if.questionnaire_id != questionnaire.pk:
        raise ValidationError({"show_if": _("Choose a question of this questionnaire.")})
    if show_if is not None and not (data.get("show_if_value") or "").strip():
        raise ValidationError({"show_if_value": _("Give the answer that shows this question.")})
    last = questionnaire.questions.order_by("-position").values_list("position", flat=True).first()
    question = Question(questionnaire=questionnaire, position=(last or 0) + 1, **data)
    if question.kind not in registry:
        raise ValidationError({"kind": _("Unknown kind of question.")})
    full_clean(question, exclude=["questionnaire"])
    try:
        kind_of(question).check_setup(question)
    except ValidationError as error:
        raise ValidationError({"options": error.messages}) from None
    question.save()
    return question


@transaction.atomic
def question_delete(*, actor, question: Question) -> None:
    questionnaire = question.questionnaire
    require(actor, "questionnaires.manage_questionnaire", questionnaire)
    if questionnaire.responses.exists():
        raise Conflict(_("People have answered: the questionnaire can no longer change."))
    question.delete()
