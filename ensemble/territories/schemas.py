from ninja import Schema

from ensemble.core.markdown import render_markdown

from . import selectors


class TerritoryStats(Schema):
    members: int


class TerritoryListOut(Schema):
    slug: str
    name: str
    kind: str
    country: str
    languages: list[str]
    url: str
    stats: TerritoryStats

    @staticmethod
    def resolve_url(obj, context) -> str:
        return context["request"].build_absolute_uri(obj.get_absolute_url())

    @staticmethod
    def resolve_stats(obj) -> dict:
        return {"members": obj.members_count}


class NeighbourhoodOut(Schema):
    slug: str
    name: str


class ThemeOut(Schema):
    slug: str
    name: str
    network_wide: bool

    @staticmethod
    def resolve_network_wide(obj) -> bool:
        return obj.territory_id is None


class TerritoryOut(TerritoryListOut):
    description_markdown: str
    description_html: str
    map_center: list[float] | None
    map_zoom: int
    neighbourhoods: list[NeighbourhoodOut]
    themes: list[ThemeOut]

    @staticmethod
    def resolve_description_markdown(obj) -> str:
        return obj.description

    @staticmethod
    def resolve_description_html(obj) -> str:
        return render_markdown(obj.description)

    @staticmethod
    def resolve_map_center(obj) -> list[float] | None:
        if obj.map_latitude is None or obj.map_longitude is None:
            return None
        return [float(obj.map_latitude), float(obj.map_longitude)]

    @staticmethod
    def resolve_neighbourhoods(obj):
        return list(selectors.neighbourhood_list(territory=obj))

    @staticmethod
    def resolve_themes(obj):
        return list(selectors.theme_list(territory=obj))


class MembershipOut(Schema):
    territory: str
    role: str


class TerritoryOpenIn(Schema):
    name: str
    slug: str
    country: str = "FR"
    languages: list[str] = ["fr"]
    template: str
    first_admin_email: str
    custom_domain: str | None = None


class TerritoryOpenOut(Schema):
    territory: TerritoryOut
    invitation_sent_to: str
