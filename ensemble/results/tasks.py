"""Background work on results: telling the people of the linked contributions."""

from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from ensemble.contributions.models import Contribution, ContributionFollow, Support
from ensemble.contributions.tasks import territory_language, users_in_batches
from ensemble.notifications.services import notify
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
    result = update.result
    recipients = results_people_ids(result_ids)
    recipients.discard(update.author_id)
    with translation.override(territory_language(result.territory)):
        return _result_notify_people(update, recipients)


def _result_notify_people(update, recipients: set[int]) -> int:
    result = update.result
    title = _("“%(title)s” progresses: %(progress)s%% — %(update)s") % {
        "title": result.title, "progress": update.progress, "update": update.title,
    }  # fmt: skip
    sent = 0
    may_see = ("consultations.view_consultation", result.consultation)
    for user in users_in_batches(recipients, may_see=may_see):
        if notify(
            user=user, kind="result_progressed", title=title, body=update.body,
            url=result.get_absolute_url(), territory=result.territory,
        ):  # fmt: skip
            sent += 1
    return sent
