from datetime import datetime
from decimal import Decimal

from ninja import Field, Schema

from ensemble.actors.predicates import sees_contact_details
from ensemble.core.markdown import render_markdown


class OfferOut(Schema):
    id: int
    kind: str
    kind_label: str
    title: str
    description: str
    skill: str
    availability: str
    is_active: bool
    territory: str
    organisation: int | None = Field(None, alias="organisation_id")
    user: int | None = Field(None, alias="user_id")

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_territory(obj) -> str:
        # Offers of an organisation stand in its territory, already loaded with it.
        if obj.organisation_id and "organisation" in obj._state.fields_cache:
            return obj.organisation.territory.slug
        return obj.territory.slug


class OrganisationOfferOut(Schema):
    id: int
    kind: str
    kind_label: str
    title: str
    description: str
    skill: str
    availability: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())


class OrganisationListOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    summary: str
    territory: str
    territories: list[str]
    is_verified: bool
    neighbourhood: str | None
    themes: list[str]
    offers: list[OrganisationOfferOut]
    members_count: int
    offers_count: int
    projects_count: int
    logo_url: str | None
    url: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_territory(obj) -> str:
        return obj.territory.slug

    @staticmethod
    def resolve_territories(obj) -> list[str]:
        # The list prefetches nothing of the partner territories: the detail gives them all.
        cache = getattr(obj, "_prefetched_objects_cache", {})
        others = (
            [t.slug for t in obj.other_territories.all()] if "other_territories" in cache else []
        )
        return [obj.territory.slug, *others]

    @staticmethod
    def resolve_neighbourhood(obj) -> str | None:
        return obj.neighbourhood.slug if obj.neighbourhood_id else None

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [theme.slug for theme in obj.themes.all()]

    @staticmethod
    def resolve_offers(obj):
        return list(obj.offers.all())

    @staticmethod
    def resolve_logo_url(obj, context) -> str | None:
        return context["request"].build_absolute_uri(obj.logo.url) if obj.logo else None

    @staticmethod
    def resolve_url(obj, context) -> str:
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class OrganisationMemberOut(Schema):
    id: int
    display_name: str
    role: str


class OrganisationProjectOut(Schema):
    id: int
    title: str
    territory: str


class OrganisationOut(OrganisationListOut):
    description_markdown: str
    description_html: str
    address: str
    latitude: Decimal | None
    longitude: Decimal | None
    website: str
    contact_email: str | None
    phone: str | None
    contactable: bool
    verified_at: datetime | None
    created_at: datetime
    members: list[OrganisationMemberOut]
    projects: list[OrganisationProjectOut]

    @staticmethod
    def resolve_description_markdown(obj) -> str:
        return obj.description

    @staticmethod
    def resolve_description_html(obj) -> str:
        return render_markdown(obj.description)

    @staticmethod
    def resolve_contact_email(obj, context) -> str | None:
        # As on the page: for confirmed members of its territory (`sees_contact_details`).
        if sees_contact_details(context["request"].user, obj.territory):
            return obj.contact_email
        return None

    @staticmethod
    def resolve_phone(obj, context) -> str | None:
        if sees_contact_details(context["request"].user, obj.territory):
            return obj.phone
        return None

    @staticmethod
    def resolve_members(obj) -> list[dict]:
        return [
            {"id": m.user_id, "display_name": m.user.display_name, "role": m.role}
            for m in obj.memberships.all()
        ]

    @staticmethod
    def resolve_projects(obj) -> list[dict]:
        return [
            {"id": p.pk, "title": p.title, "territory": p.territory.slug}
            for p in obj.projects.all()
        ]


class OrganisationIn(Schema):
    name: str
    kind: str
    summary: str = ""
    description_markdown: str = ""
    neighbourhood: str | None = None
    themes: list[str] = []
    territories: list[str] = Field(
        [], description="Other territories of the network where it also acts (slugs)."
    )
    address: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    website: str = ""
    contact_email: str = ""
    phone: str = ""
    contactable: bool = True


class OrganisationPatch(Schema):
    name: str | None = None
    kind: str | None = None
    summary: str | None = None
    description_markdown: str | None = None
    neighbourhood: str | None = None
    themes: list[str] | None = None
    territories: list[str] | None = None
    address: str | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    website: str | None = None
    contact_email: str | None = None
    phone: str | None = None
    contactable: bool | None = None


class OfferIn(Schema):
    kind: str
    title: str
    description: str = ""
    skill: str = ""
    availability: str = ""


class OfferPatch(Schema):
    kind: str | None = None
    title: str | None = None
    description: str | None = None
    skill: str | None = None
    availability: str | None = None
    is_active: bool | None = None


class OrganisationInvitationOut(Schema):
    id: int
    organisation: int = Field(..., alias="organisation_id")
    organisation_name: str = Field(..., alias="organisation.name")
    territory: str = Field(..., alias="organisation.territory.slug")
    role: str
    invited_by_name: str | None = None
    created_at: datetime

    @staticmethod
    def resolve_invited_by_name(obj) -> str | None:
        return obj.invited_by.display_name if obj.invited_by is not None else None


class OrganisationMembershipOut(Schema):
    organisation: int = Field(..., alias="organisation_id")
    role: str
