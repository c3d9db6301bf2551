"""The one way to check access, shared by every app's `access.py`, services and views.

* `require(user, perm, obj)`: services and views refuse with PermissionDenied (403).
* `get_visible(queryset, user=…, pk=…, view_perm=…, perm=…)`: the building block of
  each app's `<entity>_get_visible()` (Zulip's `access_stream_by_id`): an object the
  person may not see does not exist for them (404, never a 403 that confirms it);
  one they see but may not act on gives 403.
* `login_first(request)`: pages that need an account send an anonymous person to the
  login page and back, instead of a 403 they cannot act on.

A refusal says why when an app knows a reason the person can fix: apps register a
`RefusalReason` in `refusal_reasons` (accounts: "confirm your email address"); the first
that explains a refusal gives its message to the PermissionDenied, which the 403 page and
the API's error show.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from ensemble.core.registry import Registry


@dataclass(frozen=True)
class RefusalReason:
    """`explain(user, perm, obj)`: a message saying what the person can do, or ""."""

    key: str
    explain: Callable[..., str]


refusal_reasons: Registry[RefusalReason] = Registry("refusal_reasons", label=lambda r: r.key)


def refusal_message(user, perm: str, obj=None) -> str:
    """Why `user` is refused `perm` on `obj`, when a registered reason can tell; else ""."""
    for reason in refusal_reasons:
        message = reason.explain(user, perm, obj)
        if message:
            return str(message)
    return ""


def require(user, perm: str, obj=None) -> None:
    """Refuse (PermissionDenied) unless `user` has `perm` on `obj`."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied(refusal_message(user, perm, obj))


def check_visible(user, obj, *, view_perm: str, perm: str | None = None) -> None:
    """404 for what `user` may not see; with `perm`, 403 for what they see but may not do."""
    if not user.has_perm(view_perm, obj):
        raise Http404
    if perm:
        require(user, perm, obj)


def get_visible(
    queryset: QuerySet, *, user, pk, view_perm: str, perm: str | None = None, territory=None
) -> Model:
    """The object `pk` of `queryset` (of `territory` when given) if `user` may see it."""
    if territory is not None:
        queryset = queryset.filter(territory=territory)
    try:
        obj = queryset.filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        obj = None
    if obj is None:
        raise Http404
    check_visible(user, obj, view_perm=view_perm, perm=perm)
    return obj


def login_first(request):
    """A redirect to the login page for an anonymous person, or None."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None
