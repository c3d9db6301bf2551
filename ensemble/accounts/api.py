from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import HttpError

from ensemble.core.api.auth import authenticated
from ensemble.core.api.ratelimit import rate_limit
from ensemble.core.api.schemas import responses
from ensemble.territories.selectors import user_territory_list

from . import services, tokens
from .models import User
from .predicates import has_verified_email
from .schemas import MeIn, MeOut, TokenIn, TokenInfoOut, TokenOut

router = Router(tags=["accounts"])


@router.post("/auth/token", response=responses(TokenOut, 201), auth=None)
def token_create(request, payload: TokenIn):
    """A token for these credentials; an account with a second factor sends its `code`.

    Failures count with the web login's (per address and per account): 429 past them."""
    rate_limit(request, "token", rate="10/m")
    user = tokens.api_token_sign_in(
        request=request, email=payload.email, password=payload.password, code=payload.code
    )
    return Status(201, {"token": tokens.api_token_create(user=user, name=payload.name)})


@router.get("/auth/tokens", response=responses(list[TokenInfoOut]), auth=authenticated)
def token_list(request):
    """My live tokens (never their keys); `current` is the one of this request."""
    current = getattr(request.user, "api_token_id", None)
    return [
        {**TokenInfoOut.from_orm(token).dict(), "current": token.pk == current}
        for token in tokens.api_token_list(user=request.user)
    ]


@router.delete("/auth/tokens/{int:token_id}", response=responses(None, 204), auth=authenticated)
def token_delete(request, token_id: int):
    if not tokens.api_token_revoke_by_id(user=request.user, pk=token_id):
        raise Http404
    return Status(204, None)


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
        "kinds": user.kinds or [user.kind],
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
