"""Who someone is to a message (the object is the message)."""

import rules

from ensemble.territories.predicates import is_territory_moderator

from .models import Message, Participant


@rules.predicate
def is_message_participant(user, message: Message) -> bool:
    if message is None or not getattr(user, "is_authenticated", False):
        return False
    return Participant.objects.filter(conversation_id=message.conversation_id, user=user).exists()


@rules.predicate
def is_message_sender(user, message: Message) -> bool:
    return message is not None and user.is_authenticated and message.sender_id == user.pk


@rules.predicate
def is_message_visible(user, message: Message) -> bool:
    return message is not None and not message.is_hidden


@rules.predicate
def moderates_a_report_on_message(user, message: Message) -> bool:
    """Moderators see a private message only through a report made in their territory."""
    from django.contrib.contenttypes.models import ContentType

    from ensemble.moderation.models import Report

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
