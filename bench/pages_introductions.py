"""Introductions and notifications pages measured by `make bench`.

Worst case: the person who received the most introductions (or notifications);
without scale data for introductions these measure the empty lists.
"""

from registry import Request, page


def _busiest_recipient(data):
    from django.db.models import Count

    from ensemble.introductions.models import Introduction

    row = (
        Introduction.objects.filter(to_user__isnull=False)
        .values("to_user")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    if row is None:
        return data.member()
    from ensemble.accounts.models import User

    return User.objects.get(pk=row["to_user"])


def _busiest_notified(data):
    from django.db.models import Count

    from ensemble.accounts.models import User
    from ensemble.notifications.models import Notification

    row = Notification.objects.values("user").annotate(n=Count("pk")).order_by("-n").first()
    return User.objects.get(pk=row["user"]) if row else data.member()


@page("my introductions, received")
def _(data):
    return Request("/me/mises-en-relation/", data.session_headers(_busiest_recipient(data)))


@page("my introductions, API")
def _(data):
    return Request("/api/v1/me/introductions", data.token_headers(_busiest_recipient(data)))


@page("my notifications")
def _(data):
    return Request("/me/notifications/", data.session_headers(_busiest_notified(data)))


@page("my notifications, API")
def _(data):
    return Request("/api/v1/me/notifications", data.token_headers(_busiest_notified(data)))
