"""Bench pages of the notification centre and the personal home (imported by bench/run.py).

Scale data has no notifications: the first run gives the member 120 of them
over ten days (written as a worker would, through `deliver`), so the centre
measures a full page grouped by day.
"""

from registry import Request, page


def _member_with_notifications(data):
    from datetime import timedelta

    from django.utils import timezone

    from ensemble.notifications import services
    from ensemble.notifications.models import Notification

    user = data.member()
    if not Notification.objects.filter(user=user).exists():
        for number in range(120):
            services.deliver(
                user=user, kind="contribution_merged", key=f"bench:{number}",
                params={"source": f"Idée {number}", "target": f"Idée {number + 1}"},
                url=f"/{data.territory().slug}/", territory=data.territory(), email=False,
            )  # fmt: skip
        now = timezone.now()
        for day, notification in enumerate(Notification.objects.filter(user=user)):
            notification.created_at = now - timedelta(days=day % 10)
            notification.save(update_fields=["created_at"])
    return user


@page("notification centre (member)")
def _(data):
    user = _member_with_notifications(data)
    return Request("/me/notifications/", data.session_headers(user))


@page("personal home (member)")
def _(data):
    return Request("/me/", data.session_headers(data.member()))


@page("api notifications (member)")
def _(data):
    user = _member_with_notifications(data)
    return Request("/api/v1/me/notifications", data.token_headers(user))
