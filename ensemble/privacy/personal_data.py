"""What the identity layer holds about a person (accounts and territories sit below the
personal data registry's users, so privacy registers them): profile, addresses, sign-in
methods, API tokens and memberships. All of it is erased with the account."""

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.utils.translation import gettext_lazy as _

from ensemble.accounts.models import ApiToken
from ensemble.core.personal_data import PersonalData, rows
from ensemble.territories.models import Membership


def _profile(user) -> dict:
    return {
        "id": user.pk,
        "email": user.email,
        "display_name": user.display_name,
        "bio": user.bio,
        "kind": user.kind,
        "kinds": user.kinds,
        "skills": user.skills,
        "interests": [theme.slug for theme in user.interests.all()],
        "neighbourhood": user.neighbourhood.slug if user.neighbourhood_id else None,
        "profile_visibility": user.profile_visibility,
        "contactable": user.contactable,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "avatar": user.avatar.name if user.avatar else None,
    }


profile = PersonalData(
    key="profile",
    label=_("Your profile: address, name, bio, skills, interests, neighbourhood, avatar"),
    retention=_("as long as your account"),
    on_erasure=_("erased; your address can be used for a new account"),
    export=_profile,
)
sign_in = PersonalData(
    key="sign_in",
    label=_("Your email addresses, linked sign-in services and API tokens"),
    retention=_("as long as your account (API tokens until you revoke them)"),
    on_erasure=_("erased; every session and API token stops working"),
    export=lambda user: {
        "email_addresses": rows(
            EmailAddress.objects.filter(user=user), "email", "verified", "primary"
        ),
        "linked_services": rows(SocialAccount.objects.filter(user=user), "provider", "date_joined"),
        "api_tokens": rows(
            ApiToken.objects.filter(user=user), "prefix", "created_at", "last_used_at"
        ),
    },
)
memberships = PersonalData(
    key="memberships",
    label=_("The territories you joined and your role in each"),
    retention=_("until you leave the territory"),
    on_erasure=_("removed"),
    export=lambda user: rows(
        Membership.objects.filter(user=user),
        "territory__slug",
        "territory__name",
        "role",
        "created_at",
    ),
)
