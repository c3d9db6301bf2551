from datetime import datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from ensemble.core.markdown import render_markdown

Kind = Literal["guide", "funding_call", "service", "faq"]


class AttachmentOut(Schema):
    id: int
    name: str
    content_type: str
    size: int
    url: str

    @staticmethod
    def resolve_url(obj, context) -> str:
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class ResourceListOut(Schema):
    id: int
    kind: Kind
    status: Literal["draft", "published"]
    title: str
    summary: str
    themes: list[str]
    funder: str
    amount: str
    deadline: datetime | None
    open: bool
    need_kind: str

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [theme.slug for theme in obj.themes.all()]

    @staticmethod
    def resolve_open(obj) -> bool:
        return obj.is_open()


class ResourceOut(ResourceListOut):
    territory: str = Field(..., alias="territory.slug")
    body_markdown: str = Field(..., alias="body")
    body_html: str
    address: str
    latitude: Decimal | None
    longitude: Decimal | None
    opening_hours: str
    phone: str
    email: str
    website: str
    projects: list[int]
    attachments: list[AttachmentOut]
    url: str

    @staticmethod
    def resolve_body_html(obj) -> str:
        return render_markdown(obj.body)

    @staticmethod
    def resolve_projects(obj) -> list[int]:
        return [project.pk for project in obj.projects.all() if project.status == "published"]

    @staticmethod
    def resolve_url(obj, context) -> str:
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class ResourceFields(Schema):
    model_config = ConfigDict(extra="forbid")

    summary: str | None = Field(None, max_length=300)
    body_markdown: str | None = Field(None, max_length=30000)
    themes: list[str] | None = Field(None, max_length=20)
    need_kind: str | None = Field(None, max_length=30)
    funder: str | None = Field(None, max_length=200)
    amount: str | None = Field(None, max_length=100)
    deadline: datetime | None = None
    address: str | None = Field(None, max_length=250)
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    opening_hours: str | None = Field(None, max_length=300)
    phone: str | None = Field(None, max_length=40)
    email: str | None = Field(None, max_length=254)
    website: str | None = Field(None, max_length=500)
    projects: list[int] | None = Field(None, max_length=50)


class ResourceIn(ResourceFields):
    kind: Kind
    title: str = Field(..., max_length=200)
    status: Literal["draft", "published"] = "draft"


class ResourcePatch(ResourceFields):
    kind: Kind | None = None
    title: str | None = Field(None, max_length=200)
    status: Literal["draft", "published"] | None = None
