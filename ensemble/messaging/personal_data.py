"""What messaging holds about a person: the messages they wrote stay in their
correspondents' conversations, from "deleted participant"; their blocks are removed."""

from django.utils.translation import gettext_lazy as _

from ensemble.core.personal_data import PersonalData, rows

from .models import Block, Message, Participant

messages = PersonalData(
    key="messages",
    label=_("Messages you wrote"),
    retention=_("as long as the conversation; kept for your correspondents after deletion"),
    on_erasure=_("kept for the people you wrote to, shown from a deleted participant"),
    export=lambda user: {
        "conversations": rows(
            Participant.objects.filter(user=user),
            "conversation_id",
            "conversation__subject",
            "joined_at",
            "archived",
        ),
        "messages": rows(
            Message.objects.filter(sender=user), "id", "conversation_id", "body", "created_at"
        ),
    },
)
blocks = PersonalData(
    key="blocks",
    label=_("People you blocked"),
    retention=_("until you unblock them"),
    on_erasure=_("removed"),
    export=lambda user: rows(Block.objects.filter(blocker=user), "blocked_id", "created_at"),
    erase=lambda user: Block.objects.filter(blocker=user).delete(),
)
