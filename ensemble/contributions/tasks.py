"""Background work on contributions: telling many people at once, outside the request.

A popular contribution has thousands of supporters; the services enqueue these
tasks with `transaction.on_commit` so that the write is saved first and the
request does not wait for the fan-out. The helpers (who takes part in a
contribution, users in batches) serve the answers' and results' tasks too. Each
reader gets the sentence in their own language: the tasks store parameters.
"""

from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django_tasks import task

from ensemble.consultations.models import Consultation
from ensemble.contributions.models import Contribution, ContributionFollow, Support
from ensemble.contributions.services.contributions import contributions_reindex
from ensemble.notifications.services import deliver

BATCH_SIZE = 500


def contribution_people_ids(contribution: Contribution) -> set[int]:
    """Everyone who takes part in a contribution: author, coauthors, supporters, followers."""
    ids = set(contribution.coauthors.values_list("pk", flat=True))
    ids.update(Support.objects.filter(contribution=contribution).values_list("user_id", flat=True))
    ids.update(
        ContributionFollow.objects.filter(contribution=contribution).values_list(
            "user_id", flat=True
        )
    )
    if contribution.author_id:
        ids.add(contribution.author_id)
    return ids


def users_in_batches(ids: set[int], *, size: int = BATCH_SIZE) -> Iterator:
    """The active users of `ids`, loaded `size` at a time, in a stable order."""
    ordered = sorted(ids)
    users = get_user_model().objects.filter(is_active=True).order_by("pk")
    for start in range(0, len(ordered), size):
        yield from users.filter(pk__in=ordered[start : start + size])


@task()
def consultation_contributions_reindex(*, consultation_id: int) -> int:
    """Index the contributions of a consultation that residents may now find."""
    consultation = Consultation.objects.filter(pk=consultation_id).first()
    if consultation is None:
        return 0
    contributions_reindex(consultation=consultation)
    return consultation.contributions.count()


@task()
def contribution_merged_notify(*, source_id: int, actor_id: int | None = None) -> int:
    """Tell the supporters and followers of a merged duplicate where it went, each once.

    Their supports stay where they gave them: they are invited to support the other one.
    """
    source = (
        Contribution.objects.select_related("merged_into", "territory")
        .filter(pk=source_id, merged_into__isnull=False)
        .first()
    )
    if source is None:  # unmerged or deleted before the task ran
        return 0
    supporters = Support.objects.filter(contribution=source).values_list("user_id", flat=True)
    followers = ContributionFollow.objects.filter(contribution=source).values_list(
        "user_id", flat=True
    )
    recipients = set(supporters) | set(followers)
    recipients.discard(actor_id)
    return _merged_notify_people(source, recipients)


def _merged_notify_people(source: Contribution, recipients: set[int]) -> int:
    """Each reader gets the sentence in their own language (the kind writes it)."""
    target = source.merged_into
    target.territory = source.territory
    params = {"source": source.title, "target": target.title}
    sent = 0
    for user in users_in_batches(recipients):
        if deliver(
            user=user, kind="contribution_merged", params=params,
            url=target.get_absolute_url(), territory=source.territory,
            key=f"merged:{source.pk}:{target.pk}",
        ):  # fmt: skip
            sent += 1
    return sent
