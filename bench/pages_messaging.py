"""Bench pages of private messages (imported by bench/run.py).

Scale data has no messages yet: the first run gives the member a conversation
(with 60 messages) if they have none, so the pages measure something.
"""

from registry import Request, page


def _conversation(data):
    from django.test import override_settings

    from ensemble.messaging import services
    from ensemble.messaging.models import Conversation

    user = data.member()
    conversation = Conversation.objects.filter(participants__user=user).order_by("pk").first()
    if conversation is None:
        other = data.admin()
        conversation = services.conversation_open(opened_by=other, participants=[user])
        # Faster than people write: past the per-minute limit of messages.
        with override_settings(ENSEMBLE_MESSAGES_PER_MINUTE=1000):
            for number in range(60):
                sender = other if number % 2 else user
                services.message_send(
                    sender=sender, conversation=conversation, body=f"Message {number}"
                )
    return user, conversation


@page("messages inbox (member)")
def _(data):
    user = _conversation(data)[0]
    return Request("/me/messages/", data.session_headers(user))


@page("messages conversation (member)")
def _(data):
    user, conversation = _conversation(data)
    return Request(f"/me/messages/{conversation.pk}/", data.session_headers(user))


@page("api conversations (member)")
def _(data):
    user = _conversation(data)[0]
    return Request("/api/v1/conversations", data.token_headers(user))
