from ninja import Body, Router
from ninja.pagination import paginate

from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.core.api.schemas import responses

from . import selectors, services
from .schemas import NotificationOut, ReadIn, ReadOut

router = Router(tags=["notifications"])


@router.get("/me/notifications", response=responses(list[NotificationOut]), auth=authenticated)
@paginate(PageNumber)
def notification_list(request, unread: bool = False):
    return selectors.notification_list(user=request.user, unread_only=unread).select_related(
        "territory"
    )


@router.post("/me/notifications/read", response=responses(ReadOut), auth=authenticated)
def notification_read(request, payload: ReadIn):
    """Mark the given notifications (or all with {"all": true}) as read."""
    if payload.all:
        marked = services.mark_all_read(user=request.user)
    else:
        marked = services.notifications_mark_read(user=request.user, ids=payload.ids or [])
    return {"marked": marked, "unread": selectors.unread_count(user=request.user)}


@router.get("/me/notification-preferences", response=responses(dict[str, str]), auth=authenticated)
def preferences_read(request):
    """Every kind → `immediately`, `daily`, `weekly` or `never` (its default until chosen)."""
    return selectors.preferences(user=request.user)


@router.put("/me/notification-preferences", response=responses(dict[str, str]), auth=authenticated)
def preferences_write(request, payload: Body[dict[str, str]]):
    """Set the channel of the kinds sent; the key `"*"` sets every kind that offers it."""
    services.preferences_update(
        user=request.user, channel_by_kind=services.preferences_expand(payload)
    )
    return selectors.preferences(user=request.user)
