import rules
from allauth.account.models import EmailAddress


@rules.predicate
def has_verified_email(user) -> bool:
    """Contributing needs a verified address (memoised for the request)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if "_has_verified_email" not in user.__dict__:
        user.__dict__["_has_verified_email"] = EmailAddress.objects.filter(
            user=user, verified=True
        ).exists()
    return user.__dict__["_has_verified_email"]


@rules.predicate
def is_self(user, other) -> bool:
    return getattr(user, "is_authenticated", False) and other is not None and user.pk == other.pk
