"""Digests: once a day or once a week, what is new for this person, in one email.

A digest gathers the person's notifications that wait for it (the kinds they
want "in a daily/weekly digest", still unread) and what the higher apps add
through `sources` (new projects and needs near their interests, upcoming
events: the personal home registers them). Nothing new, no email. Each person
gets at most one digest per frequency and period (`Digest`), so running the
command twice, or two workers at once, sends nothing twice.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ensemble.accounts.languages import user_language
from ensemble.core.registry import Registry

from . import selectors
from .emails import person_email_send_later
from .kinds import Channel
from .links import absolute
from .models import Digest, Notification

NEWS_KIND = "news_for_you"
PERIODS = {Channel.DAILY: timedelta(days=1), Channel.WEEKLY: timedelta(days=7)}


@dataclass(frozen=True)
class DigestItem:
    title: str
    url: str
    meta: str = ""
    territory: object = None


@dataclass(frozen=True)
class DigestBlock:
    title: str
    items: list[DigestItem]


@dataclass(frozen=True)
class DigestSource:
    """A higher app's part of the digests: `collect(user, since)` → blocks (empty ones dropped)."""

    key: str
    collect: Callable[..., list[DigestBlock]]


sources: Registry[DigestSource] = Registry("digest sources", key=lambda source: source.key)


@dataclass
class DigestContent:
    notifications: list[Notification] = field(default_factory=list)
    blocks: list[DigestBlock] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.notifications) + sum(len(block.items) for block in self.blocks)


def period_of(frequency: str, now: datetime) -> str:
    day = timezone.localtime(now).date()
    if frequency == Channel.DAILY:
        return day.isoformat()
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def since_for(user, frequency: str, now: datetime) -> datetime:
    """The last digest of this frequency, or one period ago (never before they joined)."""
    last = (
        Digest.objects.filter(user=user, frequency=frequency)
        .order_by("-sent_at")
        .values_list("sent_at", flat=True)
        .first()
    )
    return last or max(user.date_joined, now - PERIODS[frequency])


def digest_content(user, frequency: str, *, now: datetime) -> DigestContent:
    content = DigestContent(
        notifications=list(
            Notification.objects.digest_pending()
            .unread()
            .filter(user=user, channel=frequency)
            .select_related("territory")
            .order_by("created_at", "pk")
        )
    )
    if selectors.preferences(user=user).get(NEWS_KIND) == frequency:
        since = since_for(user, frequency, now)
        for source in sources:
            content.blocks += [block for block in source.collect(user, since) if block.items]
    return content


def digest_send(user, frequency: str, *, now: datetime | None = None, dry_run: bool = False) -> int:
    """Send this person's digest if there is anything new; how many items it held (0: none)."""
    now = now or timezone.now()
    period = period_of(frequency, now)
    if Digest.objects.filter(user=user, frequency=frequency, period=period).exists():
        return 0
    with translation.override(user_language(user)):
        content = digest_content(user, frequency, now=now)
    if not content.size or dry_run:
        return content.size
    try:
        with transaction.atomic():
            Digest.objects.create(user=user, frequency=frequency, period=period, items=content.size)
            _send(user, frequency, content)
            Notification.objects.filter(pk__in=[n.pk for n in content.notifications]).update(
                digested_at=now
            )
    except IntegrityError:  # another run sent this period's digest in the meantime
        return 0
    return content.size


def _send(user, frequency: str, content: DigestContent) -> None:
    with translation.override(user_language(user)):
        if frequency == Channel.DAILY:
            subject = _("Your daily digest: %(count)s new") % {"count": content.size}
        else:
            subject = _("Your weekly digest: %(count)s new") % {"count": content.size}
        notifications = [
            {"text": n.text, "body": n.body_text, "url": absolute(n.url, n.territory),
             "territory": n.territory}
            for n in content.notifications
        ]  # fmt: skip
    blocks = [
        DigestBlock(
            title=block.title,
            items=[
                DigestItem(
                    item.title, absolute(item.url, item.territory), item.meta, item.territory
                )
                for item in block.items
            ],
        )
        for block in content.blocks
    ]
    person_email_send_later(
        user=user, subject=subject, template="notifications/email/digest",
        context={"notifications": notifications, "blocks": blocks, "frequency": frequency},
        topic=f"digest:{frequency}",
    )  # fmt: skip


def recipients(frequency: str):
    """Active people with a confirmed address who may want this digest, in pk order.

    The weekly digest is the default of several kinds: everyone may get it. The
    daily one only goes to people who chose it for at least one kind.
    """
    from allauth.account.models import EmailAddress

    people = get_user_model().objects.filter(
        is_active=True,
        pk__in=EmailAddress.objects.filter(verified=True, primary=True).values("user_id"),
    )
    if frequency == Channel.DAILY:
        people = people.filter(notification_preferences__channel=Channel.DAILY).distinct()
    return people.order_by("pk")


def batch_size() -> int:
    return max(1, settings.ENSEMBLE_EMAIL_BATCH_SIZE)


NEWS_LABEL = gettext_lazy("What is new for you: projects, needs and events")
