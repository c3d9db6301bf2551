"""Reads of answers: a contribution's history and the consultation's decision journal."""

from django.db.models import QuerySet

from ensemble.answers.models import Answer
from ensemble.consultations.models import Consultation
from ensemble.contributions.models import AnswerState, Contribution


def _with_relations(queryset: QuerySet[Answer]) -> QuerySet[Answer]:
    return queryset.select_related(
        "author", "contribution", "contribution__territory", "consultation__territory"
    )


def answer_history(*, contribution: Contribution) -> QuerySet[Answer]:
    """Every version of a contribution's answer, newest first."""
    return _with_relations(contribution.answers.all()).order_by("-version")


def journal(consultation: Consultation, state: str | None = None) -> QuerySet[Answer]:
    """The decision journal: every answer version of the consultation, newest first.

    `state` keeps one state only (an unknown state is ignored: the whole journal).
    Answers to hidden contributions stay out of the public journal: the
    denormalised `is_public`, without joining the contributions, so that the
    page and its count walk the partial indexes `answer_journal(_state)`.
    """
    answers = Answer.objects.filter(consultation=consultation, is_public=True)
    if state and state in AnswerState.values:
        answers = answers.filter(state=state)
    return _with_relations(answers).order_by("-created_at", "-pk")
