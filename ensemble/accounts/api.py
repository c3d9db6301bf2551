from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import HttpError

from ensemble.core.api.auth import authenticated
from ensemble.core.api.ratelimit import rate_limit
from ensemble.core.api.schemas import responses
from ensemble.territories.selectors import user_territory_list

from . import services
from .models import User
from .predicates import has_verified_email
from .schemas import MeIn, MeOut, TokenIn, TokenOut

router = Router(tags=["accounts"])


@router.post("/auth/token", response=responses(TokenOut, 201), auth=None)
def token_create(request, payload: TokenIn):
    rate_limit(request, "token", rate="10/m")
    user = authenticate(request, email=payload.email.lower(), password=payload.password)
    if user is None:
        raise HttpError(400, _("Wrong email or password."))
    return Status(201, {"token": services.api_token_create(user=user)})


@router.delete("/auth/token", response=responses(None, 204), auth=authenticated)
def token_revoke(request):
    header = request.headers.get("Authorization", "")
    if not request.auth_via_token:
        raise HttpError(400, _("Send the token to revoke in the Authorization header."))
    services.api_token_revoke(key=header[7:].strip())
    return Status(204, None)


@router.get("/me", response=responses(MeOut), auth=authenticated)
def me(request):
    user = request.user
    return {
        "id": user.pk,
        "email": user.email,
        "display_name": user.display_name,
        "bio": user.bio,
        "kind": user.kind,
        "skills": user.skills or [],
        "interests": [theme.slug for theme in user.interests.all()],
        "neighbourhood": user.neighbourhood.slug if user.neighbourhood_id else None,
        "profile_visibility": user.profile_visibility,
        "contactable": user.contactable,
        "email_verified": has_verified_email(user),
        "avatar_url": request.build_absolute_uri(user.avatar.url) if user.avatar else None,
        "memberships": [
            {"territory": m.territory.slug, "territory_name": m.territory.name, "role": m.role}
            for m in user_territory_list(user=user)
        ],
        "is_network_admin": user.is_superuser,
        "language": user.language,
    }


@router.patch("/me", response=responses(MeOut), auth=authenticated)
def me_update(request, payload: MeIn):
    """Change profile fields, and `language` (the interface after login and every email)."""
    data = payload.dict(exclude_unset=True)
    services.profile_update(user=User.objects.get(pk=request.user.pk), data=data)
    request.user = User.objects.get(pk=request.user.pk)
    return me(request)
