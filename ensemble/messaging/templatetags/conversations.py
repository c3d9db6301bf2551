"""`{% load conversations %}{{ conversation|others_names:request.user }}`: who else is in it."""

from django import template

register = template.Library()


@register.filter
def others_names(conversation, user) -> str:
    """The names of the other participants, comma-separated, never a dangling comma
    (reads the prefetched `participants`: no query of its own)."""
    viewer_id = getattr(user, "pk", None)
    return ", ".join(
        seat.user.display_name
        for seat in conversation.participants.all()
        if seat.user_id != viewer_id
    )
