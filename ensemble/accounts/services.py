"""Writes on people: accounts, profiles (API tokens: `tokens.py`)."""

import secrets

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ensemble.search.indexing import index_object
from ensemble.territories.services import residence_move

from .avatars import avatar_process
from .models import User
from .tokens import (  # noqa: F401 - the token services, where callers find them
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
)


@transaction.atomic
def user_create(
    *, email: str, password: str | None, display_name: str, verified: bool = False,
    is_superuser: bool = False,
) -> User:  # fmt: skip
    email = User.objects.normalize_email(email).lower()
    user = User(email=email, display_name=display_name, is_superuser=is_superuser,
                is_staff=is_superuser)  # fmt: skip
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    index_object(user)
    return user


@transaction.atomic
def user_signup_complete(*, user: User, display_name: str, avatar=None) -> User:
    """What the sign-up form adds to the account allauth just created: the name shown to
    others and an avatar already re-encoded by the form (a bad image created nothing)."""
    user.display_name = display_name
    if avatar is not None:
        user.avatar.save(f"{user.pk}-{secrets.token_hex(4)}.webp", avatar, save=False)
    user.save(update_fields=["display_name", "avatar"])
    index_object(user)
    return user


@transaction.atomic
def user_set_verified(*, user: User) -> None:
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"primary": True, "verified": True}
    )


PROFILE_FIELDS = {
    "display_name", "bio", "kind", "kinds", "skills", "neighbourhood", "profile_visibility",
    "contactable", "language",
}  # fmt: skip


@transaction.atomic
def profile_update(*, user: User, data: dict, interests=None, avatar=None) -> User:
    """Update a profile; the avatar is re-encoded before anything is saved."""
    unknown = set(data) - PROFILE_FIELDS
    if unknown:
        raise ValidationError({field: _("This field cannot be changed.") for field in unknown})
    processed_avatar = avatar_process(avatar) if avatar else None
    if "skills" in data:
        data["skills"] = _normalise_skills(data["skills"])
    _set_kinds(user, data)
    if "neighbourhood" in data:  # counted among the members living there
        residence_move(user=user, neighbourhood=data.pop("neighbourhood"))
    for field, value in data.items():
        setattr(user, field, value)
    user.full_clean(exclude=["password"])
    if processed_avatar is not None:
        if user.avatar:
            user.avatar.delete(save=False)
        user.avatar.save(f"{user.pk}-{secrets.token_hex(4)}.webp", processed_avatar, save=False)
    user.save()
    if interests is not None:
        user.interests.set(interests)
    index_object(user)
    return user


def _set_kinds(user: User, data: dict) -> None:
    """`kinds` (several) and `kind` (the first of them) stay one: either may be sent."""
    if "kinds" in data:
        kinds = list(dict.fromkeys(data.pop("kinds") or []))
        unknown = [kind for kind in kinds if kind not in User.Kind.values]
        if unknown:
            raise ValidationError({"kinds": _("Unknown choice: %(kinds)s.") % {
                "kinds": ", ".join(map(str, unknown))}})  # fmt: skip
        data["kinds"] = kinds
        data.setdefault("kind", kinds[0] if kinds else User.Kind.OTHER)
    elif "kind" in data:
        data["kinds"] = [data["kind"], *(k for k in user.kinds if k != data["kind"])]


def _normalise_skills(skills) -> list[str]:
    if isinstance(skills, str):
        skills = skills.split(",")
    cleaned, seen = [], set()
    for skill in skills or []:  # null in a PATCH clears the list
        skill = " ".join(str(skill).split())[:60]
        if skill and skill.lower() not in seen:
            seen.add(skill.lower())
            cleaned.append(skill)
    if len(cleaned) > 30:
        raise ValidationError({"skills": _("List at most 30 skills.")})
    return cleaned
