"""Background work on answers: telling the people of an answered contribution."""

from django_tasks import task

from ensemble.answers.models import Answer
from ensemble.contributions.tasks import contribution_people_ids, users_in_batches
from ensemble.notifications.services import deliver


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
    return _answer_notify_people(answer, recipients)


def _answer_notify_people(answer: Answer, recipients: set[int]) -> int:
    """Each reader gets the sentence in their own language (the kind writes it)."""
    contribution = answer.contribution
    params = {"title": contribution.title, "state": answer.state, "revised": answer.version > 1}
    url = f"{contribution.get_absolute_url()}#answer-{answer.version}"
    sent = 0
    for user in users_in_batches(recipients):
        if deliver(
            user=user, kind="contribution_answered", params=params, body=answer.explanation,
            url=url, territory=contribution.territory, key=f"answer:{answer.pk}:{answer.version}",
        ):  # fmt: skip
            sent += 1
    return sent
