"""Background work on contributions: telling many people at once, outside the request.

A popular contribution has thousands of supporters; the services enqueue these
tasks with `transaction.on_commit` so that the write is saved first and the
request does not wait for the fan-out. The helpers (who takes part in a
contribution, users in batches, the territory's language) serve the answers'
and results' tasks too.
"""

from collections.abc import Iterator

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from ensemble.consultations.models import Consultation
from ensemble.contributions.models import Contribution, ContributionFollow, Support
from ensemble.contributions.services.contributions import contributions_reindex
from ensemble.notifications.services import notify

BATCH_SIZE = 500
VIEW_CONTRIBUTION = "contributions.view_contribution"


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


def territory_language(territory) -> str:
    """Outside a request, titles and emails are written in the territory's first language."""
    return (territory.languages or [settings.LANGUAGE_CODE])[0]


def users_in_batches(
    ids: set[int], *, size: int = BATCH_SIZE, may_see: tuple[str, object] | None = None
) -> Iterator:
    """The active users of `ids`, loaded `size` at a time, in a stable order.

    With `may_see=(perm, obj)`, only those who have `perm` on `obj` now: a consultation
    switched to agents-only tells nothing more to its former participants."""
    ordered = sorted(ids)
    users = get_user_model().objects.filter(is_active=True).order_by("pk")
    for start in range(0, len(ordered), size):
        for user in users.filter(pk__in=ordered[start : start + size]):
            if may_see is None or user.has_perm(*may_see):
                yield user


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
    with translation.override(territory_language(source.territory)):
        return _merged_notify_people(source, recipients)


def _merged_notify_people(source: Contribution, recipients: set[int]) -> int:
    target = source.merged_into
    target.territory = source.territory
    title = _("“%(source)s” was merged into “%(target)s”") % {
        "source": source.title, "target": target.title,
    }  # fmt: skip
    body = _(
        "Your support, if you gave one, stays on the first contribution. "
        "Support the one it was merged into so that your voice counts there too."
    )
    sent = 0
    for user in users_in_batches(recipients, may_see=(VIEW_CONTRIBUTION, target)):
        if notify(
            user=user, kind="contribution_merged", title=title, body=body,
            url=target.get_absolute_url(), territory=source.territory,
        ):  # fmt: skip
            sent += 1
    return sent
