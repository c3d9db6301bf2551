"""Background work on answers: telling the people of an answered contribution."""

from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from ensemble.answers.models import Answer
from ensemble.contributions.models import AnswerState
from ensemble.contributions.tasks import (
    VIEW_CONTRIBUTION,
    contribution_people_ids,
    territory_language,
    users_in_batches,
)
from ensemble.notifications.services import notify


@task()
def answer_notify(*, answer_id: int) -> int:
    """Tell the people of the answered contribution, each once, the answerer left out.

    Returns the number of people notified.
    """
    answer = (
        Answer.objects.select_related("contribution__territory", "contribution__consultation")
        .filter(pk=answer_id)
        .first()
    )
    if answer is None:  # deleted with its contribution before the task ran
        return 0
    contribution = answer.contribution
    recipients = contribution_people_ids(contribution)
    recipients.discard(answer.author_id)
    with translation.override(territory_language(contribution.territory)):
        return _answer_notify_people(answer, recipients)


def _answer_notify_people(answer: Answer, recipients: set[int]) -> int:
    contribution = answer.contribution
    if answer.version > 1:
        title = _("The answer to “%(title)s” was revised: %(state)s")
    else:
        title = _("“%(title)s” got an answer: %(state)s")
    title = title % {"title": contribution.title, "state": AnswerState(answer.state).label}
    url = f"{contribution.get_absolute_url()}#answer-{answer.version}"
    sent = 0
    for user in users_in_batches(recipients, may_see=(VIEW_CONTRIBUTION, contribution)):
        if notify(
            user=user, kind="contribution_answered", title=title, body=answer.explanation,
            url=url, territory=contribution.territory,
        ):  # fmt: skip
            sent += 1
    return sent
