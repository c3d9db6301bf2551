"""Background work of notifications: one delivery per person, digests."""

from django.contrib.auth import get_user_model
from django_tasks import task

from ensemble.territories.models import Territory

from . import services


@task()
def notification_deliver(
    *, user_id: int, kind: str, key: str, title: str = "", url: str = "", body: str = "",
    territory_id: int | None = None, email: bool = True, params: dict | None = None,
) -> bool:  # fmt: skip
    """Write one notification and send its email; nothing new when retried (`key`)."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return False
    territory = Territory.objects.filter(pk=territory_id).first() if territory_id else None
    notification = services.deliver(
        user=user, kind=kind, key=key, title=title, url=url, body=body,
        territory=territory, email=email, params=params,
    )  # fmt: skip
    return notification is not None


@task()
def digests_send(*, frequency: str) -> int:
    """The periodic job (a timer runs `send_digests`): one batch task per group of people."""
    from .digests import batch_size, recipients

    ids = list(recipients(frequency).values_list("pk", flat=True))
    size = batch_size()
    for start in range(0, len(ids), size):
        digest_batch_send.enqueue(frequency=frequency, user_ids=ids[start : start + size])
    return len(ids)


@task()
def digest_batch_send(*, frequency: str, user_ids: list[int]) -> int:
    """Send the digests of these people; how many were sent."""
    from .digests import digest_send

    sent = 0
    for user in get_user_model().objects.filter(pk__in=user_ids, is_active=True).order_by("pk"):
        if digest_send(user, frequency):
            sent += 1
    return sent
