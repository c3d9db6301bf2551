from datetime import datetime

from ninja import Schema


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    url: str
    territory: str | None
    created_at: datetime
    read_at: datetime | None

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.text  # written now, in the reader's language

    @staticmethod
    def resolve_body(obj) -> str:
        return obj.body_text

    @staticmethod
    def resolve_territory(obj) -> str | None:
        return obj.territory.slug if obj.territory_id else None


class ReadIn(Schema):
    ids: list[int] | None = None
    all: bool = False


class ReadOut(Schema):
    marked: int
    unread: int
