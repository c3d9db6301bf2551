"""Opening conversations, sending messages, reading, blocking and reporting.

Reports of a private message go to the moderators of the territory of the project or
organisation the conversation is with; a conversation between people has no territory
(messaging is network level), so the report goes to the reporter's first territory
(the oldest membership): the moderators who know the reporter's community.
"""

import hashlib
from datetime import timedelta

import rules
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.accounts.predicates import has_verified_email
from ensemble.actors.models import OrganisationMember
from ensemble.core.exceptions import LimitReached
from ensemble.core.limits import limit_guard, lock_rows
from ensemble.moderation.services import reason_clean, report_create
from ensemble.notifications.services import notify
from ensemble.projects.models import ProjectMember
from ensemble.territories.models import Membership

from .models import BODY_MAX_LENGTH, Block, Conversation, Message, Participant
from .selectors import (
    organisation_is_contactable,
    person_is_contactable,
    project_is_contactable,
)


class ConversationLimitReached(LimitReached):
    """A new account opened too many conversations today (429 on the page and in the API)."""


class MessageRateLimited(LimitReached):
    """Too many messages in the last minute (429 on the page and in the API)."""


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def participants_key(user_ids) -> str:
    ids = ",".join(str(pk) for pk in sorted(set(user_ids)))
    return hashlib.sha1(ids.encode(), usedforsecurity=False).hexdigest()


def _team_ids(*, project=None, organisation=None) -> set[int]:
    ids: set[int] = set()
    if project is not None:
        ids |= set(ProjectMember.objects.filter(project=project).values_list("user_id", flat=True))
    if organisation is not None:
        ids |= set(
            OrganisationMember.objects.filter(organisation=organisation).values_list(
                "user_id", flat=True
            )
        )
    return ids


def is_blocked(*, blocker_ids, blocked_id: int) -> bool:
    return Block.objects.filter(blocker_id__in=list(blocker_ids), blocked_id=blocked_id).exists()


def conversation_find(*, opened_by, participants, project=None, organisation=None):
    """The conversation between these people about this object, if there is one."""
    ids = (
        {opened_by.pk}
        | {p.pk for p in participants}
        | _team_ids(project=project, organisation=organisation)
    )
    return Conversation.objects.filter(
        participants_key=participants_key(ids), project=project, organisation=organisation
    ).first()


def _new_conversations_limit(user) -> int | None:
    """How many conversations a day `user` may open (None: no limit, not a new account)."""
    new_for = timedelta(days=_setting("ENSEMBLE_MESSAGE_NEW_ACCOUNT_DAYS", 7))
    if user.date_joined < timezone.now() - new_for:
        return None
    return _setting("ENSEMBLE_MESSAGE_NEW_ACCOUNT_DAILY_CONVERSATIONS", 5)


def _opened_today(user) -> int:
    since = timezone.now() - timedelta(days=1)
    return Conversation.objects.filter(created_by=user, created_at__gte=since).count()


def new_conversations_left(*, user) -> int | None:
    """How many conversations a new account may still open today (None: no limit)."""
    limit = _new_conversations_limit(user)
    return None if limit is None else max(0, limit - _opened_today(user))


def _lock_people(opened_by, participants) -> None:
    """Serialise the conversation writes of these people (see `ensemble.core.limits`): one
    conversation per pair, and the limits of new accounts and of messages, stay exact."""
    ids = {opened_by.pk} | {person.pk for person in participants}
    lock_rows(get_user_model().objects.filter(pk__in=ids))


@transaction.atomic
def conversation_open(
    *, opened_by, participants: list, subject: str = "", project=None, organisation=None
) -> Conversation:
    """Open (or reuse) the conversation between `opened_by` and `participants`; the team of
    `project` and the members of `organisation` take part too."""
    ids = {p.pk for p in participants} | _team_ids(project=project, organisation=organisation)
    ids.add(opened_by.pk)
    if len(ids) < 2:
        raise ValidationError({"participants": [_("A conversation needs someone else.")]})
    others = ids - {opened_by.pk}
    if is_blocked(blocker_ids=others, blocked_id=opened_by.pk):
        raise ValidationError(
            {"participants": [_("Someone in this conversation does not accept your messages.")]}
        )
    _lock_people(opened_by, participants)
    key = participants_key(ids)
    existing = Conversation.objects.filter(
        participants_key=key, project=project, organisation=organisation
    ).first()
    if existing is not None:
        Participant.objects.filter(conversation=existing, user_id__in=ids).update(archived=False)
        return existing
    conversation = Conversation(
        subject=(subject or "").strip()[:200], project=project, organisation=organisation,
        created_by=opened_by, participants_key=key,
    )  # fmt: skip
    conversation.full_clean()
    conversation.save()
    Participant.objects.bulk_create(
        [Participant(conversation=conversation, user_id=pk) for pk in sorted(ids)]
    )
    return conversation


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": [_("Write a message.")]})
    if len(body) > BODY_MAX_LENGTH:
        raise ValidationError(
            {"body": [_("At most %(max)d characters.") % {"max": BODY_MAX_LENGTH}]}
        )
    return body


def _notify(*, message: Message, recipients: list[Participant]) -> None:
    conversation = message.conversation
    now = timezone.now()
    window = timedelta(minutes=_setting("ENSEMBLE_MESSAGE_EMAIL_THROTTLE_MINUTES", 15))
    sender_name = message.sender.display_name
    emailed = []
    for participant in recipients:
        email = participant.last_emailed_at is None or participant.last_emailed_at <= now - window
        notify(
            user=participant.user, kind="message", params={"name": sender_name},
            body=message.body[:300], url=conversation.get_absolute_url(),
            territory=conversation.about.territory if conversation.about else None,
            email=email, key=f"message:{message.pk}",
        )  # fmt: skip
        if email:
            emailed.append(participant.pk)
    if emailed:
        Participant.objects.filter(pk__in=emailed).update(last_emailed_at=now)


@transaction.atomic
def message_send(*, sender, conversation: Conversation, body: str) -> Message:
    """Post a message; the other participants are notified (emails throttled)."""
    seats = list(Participant.objects.filter(conversation=conversation).select_related("user"))
    if not any(seat.user_id == sender.pk for seat in seats):
        raise PermissionDenied
    others = [seat for seat in seats if seat.user_id != sender.pk]
    other_ids = [seat.user_id for seat in others]
    if is_blocked(blocker_ids=other_ids, blocked_id=sender.pk):
        raise ValidationError(_("You cannot write in this conversation: you have been blocked."))
    if Block.objects.filter(blocker=sender, blocked_id__in=other_ids).exists():
        raise ValidationError(_("You blocked this person: unblock them to write to them."))
    body = _clean_body(body)
    since = timezone.now() - timedelta(minutes=1)
    limit_guard(
        lock=get_user_model().objects.filter(pk=sender.pk),
        used=lambda: Message.objects.filter(sender=sender, created_at__gte=since).count(),
        limit=_setting("ENSEMBLE_MESSAGES_PER_MINUTE", 10),
        error=MessageRateLimited(
            {"body": [_("You are sending messages too fast: please wait a minute and try again.")]}
        ),
    )
    message = Message(conversation=conversation, sender=sender, body=body)
    message.full_clean()
    message.save()
    Conversation.objects.filter(pk=conversation.pk).update(
        last_message_at=message.created_at, messages_count=F("messages_count") + 1
    )
    conversation.last_message_at = message.created_at
    # Writing is reading; a new message brings the conversation back to every inbox.
    Participant.objects.filter(conversation=conversation).update(archived=False)
    Participant.objects.filter(conversation=conversation, user=sender).update(
        last_read_at=message.created_at
    )
    _notify(message=message, recipients=[seat for seat in others if seat.user.is_active])
    return message


def conversation_start(
    *, opened_by, subject: str, body: str, to_user=None, to_organisation=None, to_project=None
) -> Conversation:
    """A new message to a person, an organisation or a project's team, with every refusal
    the pages need."""
    if not has_verified_email(opened_by):
        raise ValidationError({"body": [_("Confirm your email address before contacting people.")]})
    _clean_body(body)
    if to_user is not None:
        if not person_is_contactable(viewer=opened_by, person=to_user):
            raise ValidationError({"to_user": [_("This person cannot be contacted.")]})
        participants, organisation = [to_user], None
    elif to_project is not None:
        if not project_is_contactable(viewer=opened_by, project=to_project):
            raise ValidationError({"to_project": [_("This project's team cannot be contacted.")]})
        participants, organisation = [], None
    else:
        if to_organisation is None or not organisation_is_contactable(
            viewer=opened_by, organisation=to_organisation
        ):
            raise ValidationError(
                {"to_organisation": [_("This organisation cannot be contacted.")]}
            )
        participants, organisation = [], to_organisation
    with transaction.atomic():
        _lock_people(opened_by, participants)
        existing = conversation_find(
            opened_by=opened_by, participants=participants, organisation=organisation,
            project=to_project,
        )  # fmt: skip
        if existing is None:
            limit_guard(
                lock=get_user_model().objects.filter(pk=opened_by.pk),
                used=lambda: _opened_today(opened_by),
                limit=_new_conversations_limit(opened_by),
                error=ConversationLimitReached(
                    _(
                        "New accounts may start only a few conversations a day. "
                        "Try again tomorrow, or answer in an existing conversation."
                    )
                ),
            )
        conversation = existing or conversation_open(
            opened_by=opened_by, participants=participants, subject=subject,
            organisation=organisation, project=to_project,
        )  # fmt: skip
        message_send(sender=opened_by, conversation=conversation, body=body)
    return conversation


def conversation_mark_read(*, user, conversation: Conversation) -> None:
    updated = Participant.objects.filter(conversation=conversation, user=user).update(
        last_read_at=timezone.now()
    )
    if not updated:
        raise PermissionDenied


def conversation_archive(*, user, conversation: Conversation, archived: bool = True) -> None:
    Participant.objects.filter(conversation=conversation, user=user).update(archived=archived)


def person_block(*, blocker, blocked) -> Block:
    if blocker.pk == blocked.pk:
        raise ValidationError({"blocked": [_("You cannot block yourself.")]})
    block, _created = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
    return block


def person_unblock(*, blocker, blocked) -> None:
    Block.objects.filter(blocker=blocker, blocked=blocked).delete()


def message_report(*, reporter, message: Message, reason: str, details: str = ""):
    """Report a message to moderators (see the module docstring for which territory)."""
    if message.conversation.about is None:
        membership = (
            Membership.objects.filter(user=reporter).select_related("territory")
            .order_by("created_at", "pk").first()
        )  # fmt: skip
        if membership is None:
            raise ValidationError(
                {"reason": [_("Join a territory to report a message to its moderators.")]}
            )
        message.territory = membership.territory
    return report_create(reporter=reporter, target=message, reason=reason, details=details)


def message_hide(*, actor, target: Message, reason: str) -> Message:
    """Called when moderators uphold a report (moderation checked who they are)."""
    if not rules.has_perm("messaging.hide_message", actor, target):
        raise PermissionDenied
    target.is_hidden = True
    target.hidden_reason = reason_clean(reason)
    target.save(update_fields=["is_hidden", "hidden_reason"])
    return target
