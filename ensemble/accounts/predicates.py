import rules
from allauth.account.models import EmailAddress
from django.utils.functional import LazyObject

from .models import User


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


def refused_for_unconfirmed_email(user, perm: str, obj=None) -> bool:
    """Whether confirming the address is what `user` lacks for `perm` on `obj`: the rule
    is asked again as if the address were confirmed (the memo of `has_verified_email`)."""
    if not getattr(user, "is_authenticated", False):
        return False
    # `request.user` is a lazy wrapper: the rules see (and memoise on) the person inside.
    person = user._wrapped if isinstance(user, LazyObject) else user
    if not isinstance(person, User) or has_verified_email(person):
        return False
    person.__dict__["_has_verified_email"] = True
    try:
        return person.has_perm(perm, obj)
    finally:
        person.__dict__["_has_verified_email"] = False
