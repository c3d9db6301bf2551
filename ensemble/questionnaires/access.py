"""Access to questionnaires: the only way views and the API reach them."""

from django.db.models import Prefetch
from django.http import Http404

from ensemble.consultations.access import consultation_get_visible
from ensemble.core.access import check_visible
from ensemble.questionnaires.models import Question, Questionnaire

VIEW = "questionnaires.view_questionnaire"


def _questionnaires():
    return Questionnaire.objects.select_related("territory").prefetch_related(
        Prefetch("questions", queryset=Question.objects.order_by("position", "pk"))
    )


def questionnaire_of_consultation(*, user, consultation_pk: int, territory=None, perm=None):
    """The consultation's questionnaire (its consultation and phases loaded), or 404."""
    consultation = consultation_get_visible(user=user, pk=consultation_pk, territory=territory)
    questionnaire = _questionnaires().filter(consultation=consultation).first()
    if questionnaire is None:
        raise Http404
    questionnaire.consultation = consultation
    check_visible(user, questionnaire, view_perm=VIEW, perm=perm)
    return questionnaire


def poll_get_visible(*, user, pk: int, territory, perm=None):
    """A quick poll of `territory`, or 404."""
    poll = _questionnaires().filter(territory=territory, consultation__isnull=True, pk=pk).first()
    if poll is None:
        raise Http404
    check_visible(user, poll, view_perm=VIEW, perm=perm)
    return poll
