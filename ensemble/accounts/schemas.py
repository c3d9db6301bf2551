from datetime import datetime

from ninja import Schema
from pydantic import Field


class TokenIn(Schema):
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=4096)
    code: str | None = Field(
        None, max_length=64,
        description="The second factor's code (authenticator app or recovery code), "
        "required when the account has one.",
    )  # fmt: skip
    name: str = Field("", max_length=60, description="What the token is for (shown in my list).")


class TokenOut(Schema):
    token: str


class TokenInfoOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None
    current: bool = False


class MembershipOut(Schema):
    territory: str
    territory_name: str
    role: str


class MeOut(Schema):
    id: int
    email: str
    display_name: str
    bio: str
    kind: str
    kinds: list[str] = []
    skills: list[str]
    interests: list[str]
    neighbourhood: str | None
    profile_visibility: str
    contactable: bool
    email_verified: bool
    avatar_url: str | None
    memberships: list[MembershipOut]
    is_network_admin: bool
    language: str = ""


class MeIn(Schema):
    """`PATCH /me`: only the fields sent change."""

    display_name: str | None = Field(None, min_length=1, max_length=80)
    bio: str | None = Field(None, max_length=1000)
    kind: str | None = None
    kinds: list[str] | None = None
    skills: list[str] | None = None
    profile_visibility: str | None = None
    contactable: bool | None = None
    language: str | None = Field(None, max_length=10)
