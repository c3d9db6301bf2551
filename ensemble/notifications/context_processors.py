"""The unread notifications count in the header: lazy, nothing for anonymous visitors."""

from functools import cache


def unread(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from .selectors import unread_count

    @cache
    def count() -> int:  # called by the template that shows it, once
        return unread_count(user=user)

    return {"notifications_unread": count}
