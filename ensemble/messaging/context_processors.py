"""The unread count in the header: one COUNT query, nothing for anonymous visitors."""

from functools import cache


def unread(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from .selectors import unread_total

    # A callable: templates call it when they show the header, once (cached);
    # pages that never show it (API, errors) run no query.
    @cache
    def count() -> int:
        return unread_total(user)

    return {"messages_unread": count}
