"""Access to conversations and messages: the only way views and the API reach them.

A conversation exists only for its participants: anyone else (anonymous people,
moderators, network admins) gets Http404, never a 403 that would confirm it. With
`perm`, a participant who may not do that (report their own message…) gets
PermissionDenied. The queryset itself keeps the person's own conversations, so that
not even a superuser (whom `has_perm` grants everything) reads private messages.
Conversations are network level; `territory`, when given, keeps
those about a project or an organisation of that territory.
"""

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from ensemble.core.access import get_visible

from .models import Conversation, Message, Participant

VIEW_CONVERSATION = "messaging.view_conversation"
VIEW_MESSAGE = "messaging.view_message"


def _participants() -> Prefetch:
    seats = Participant.objects.select_related("user").order_by("user__display_name", "pk")
    return Prefetch("participants", queryset=seats)


def _in_territory(queryset: QuerySet, territory, prefix: str = "") -> QuerySet:
    if territory is None:
        return queryset
    return queryset.filter(
        Q(**{f"{prefix}project__territory": territory})
        | Q(**{f"{prefix}organisation__territory": territory})
    )


def conversation_get_visible(*, user, pk, territory=None, perm: str | None = None) -> Conversation:
    """The conversation with its participants (prefetched) if `user` takes part in it."""
    if not getattr(user, "is_authenticated", False):
        raise Http404("No such conversation")
    conversations = (
        Conversation.objects.filter(participants__user=user)
        .select_related("project__territory", "organisation__territory")
        .prefetch_related(_participants())
    )
    return get_visible(
        _in_territory(conversations, territory), user=user, pk=pk,
        view_perm=VIEW_CONVERSATION, perm=perm,
    )  # fmt: skip


def message_get_visible(*, user, pk, territory=None, perm: str | None = None) -> Message:
    """The message (with its conversation and participants) if `user` takes part in it."""
    if not getattr(user, "is_authenticated", False):
        raise Http404("No such message")
    messages = (
        Message.objects.filter(conversation__participants__user=user)
        .select_related("conversation__project__territory", "conversation__organisation__territory")
        .prefetch_related(
            Prefetch("conversation__participants", queryset=Participant.objects.all())
        )
    )
    return get_visible(
        _in_territory(messages, territory, "conversation__"), user=user, pk=pk,
        view_perm=VIEW_MESSAGE, perm=perm,
    )  # fmt: skip
