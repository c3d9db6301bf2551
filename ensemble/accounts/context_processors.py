"""Whether the person still has to confirm their address: lazy, nothing for visitors."""

from .predicates import has_verified_email


def unverified_email(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unverified_email": lambda: not has_verified_email(user)}
