"""Background work on results: telling the people of the linked contributions."""

from django_tasks import task

from ensemble.contributions.models import Contribution, ContributionFollow, Support
from ensemble.contributions.tasks import users_in_batches
from ensemble.notifications.services import deliver
from ensemble.results.models import ResultUpdate


def results_people_ids(result_ids: list[int]) -> set[int]:
    """Everyone who takes part in the contributions linked to these results (4 queries)."""
    contributions = Contribution.objects.filter(results__in=result_ids)
    ids = set(contributions.exclude(author=None).values_list("author_id", flat=True))
    ids.update(contributions.values_list("coauthors", flat=True))
    ids.update(
        Support.objects.filter(contribution__in=contributions).values_list("user_id", flat=True)
    )
    ids.update(
        ContributionFollow.objects.filter(contribution__in=contributions).values_list(
            "user_id", flat=True
        )
    )
    ids.discard(None)
    return ids


@task()
def result_progressed_notify(*, update_id: int, result_ids: list[int]) -> int:
    """Tell the people of the contributions linked to a result (and to the parents whose
    progress followed), each once, the author of the update left out.

    Returns the number of people notified.
    """
    update = (
        ResultUpdate.objects.select_related("result__territory", "result__consultation")
        .filter(pk=update_id)
        .first()
    )
    if update is None:  # deleted with its result before the task ran
        return 0
    recipients = results_people_ids(result_ids)
    recipients.discard(update.author_id)
    return _result_notify_people(update, recipients)


def _result_notify_people(update, recipients: set[int]) -> int:
    """Each reader gets the sentence in their own language (the kind writes it)."""
    result = update.result
    params = {"title": result.title, "progress": update.progress, "update": update.title}
    sent = 0
    for user in users_in_batches(recipients):
        if deliver(
            user=user, kind="result_progressed", params=params, body=update.body,
            url=result.get_absolute_url(), territory=result.territory,
            key=f"result_update:{update.pk}",
        ):  # fmt: skip
            sent += 1
    return sent
