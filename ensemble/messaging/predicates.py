"""Who someone is to a conversation or a message (the object is named by each predicate)."""

import rules
from django.contrib.contenttypes.models import ContentType

from ensemble.moderation.models import Report
from ensemble.territories.predicates import is_territory_moderator

from .models import Conversation, Message, Participant


def _takes_part(user, conversation_id: int, conversation: Conversation | None = None) -> bool:
    """Among the participants; no query when they were prefetched (see access.py)."""
    if not getattr(user, "is_authenticated", False):
        return False
    cache = getattr(conversation, "_prefetched_objects_cache", {})
    if "participants" in cache:
        return any(seat.user_id == user.pk for seat in cache["participants"])
    return Participant.objects.filter(conversation_id=conversation_id, user=user).exists()


@rules.predicate
def is_conversation_participant(user, conversation: Conversation) -> bool:
    return conversation is not None and _takes_part(user, conversation.pk, conversation)


@rules.predicate
def is_message_participant(user, message: Message) -> bool:
    if message is None:
        return False
    conversation = message.conversation if "conversation" in message._state.fields_cache else None
    return _takes_part(user, message.conversation_id, conversation)


@rules.predicate
def is_message_sender(user, message: Message) -> bool:
    return message is not None and user.is_authenticated and message.sender_id == user.pk


@rules.predicate
def is_message_visible(user, message: Message) -> bool:
    return message is not None and not message.is_hidden


@rules.predicate
def moderates_a_report_on_message(user, message: Message) -> bool:
    """Moderators see a private message only through a report made in their territory."""
    if message is None or not getattr(user, "is_authenticated", False):
        return False
    territories = (
        Report.objects.filter(
            content_type=ContentType.objects.get_for_model(Message), object_id=message.pk
        )
        .select_related("territory")
        .distinct()
    )
    return any(is_territory_moderator(user, report.territory) for report in territories)
