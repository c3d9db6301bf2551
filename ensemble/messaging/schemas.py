from datetime import datetime

from ninja import Field, Schema

from ensemble.core.markdown import render_markdown

from .models import BODY_MAX_LENGTH


class PersonOut(Schema):
    id: int
    display_name: str


class ConversationOut(Schema):
    id: int
    subject: str
    project: int | None = Field(None, alias="project_id")
    organisation: int | None = Field(None, alias="organisation_id")
    created_at: datetime
    last_message_at: datetime | None
    messages_count: int
    unread: int = 0
    participants: list[PersonOut]

    @staticmethod
    def resolve_participants(conversation) -> list[dict]:
        return [
            {"id": seat.user.pk, "display_name": seat.user.display_name}
            for seat in conversation.participants.all()
        ]


class MessageOut(Schema):
    id: int
    conversation: int = Field(alias="conversation_id")
    sender: PersonOut | None
    body_markdown: str
    body_html: str
    created_at: datetime
    is_hidden: bool

    @staticmethod
    def resolve_sender(message) -> dict | None:
        if message.sender is None:
            return None
        return {"id": message.sender.pk, "display_name": message.sender.display_name}

    @staticmethod
    def resolve_body_markdown(message) -> str:
        return "" if message.is_hidden else message.body

    @staticmethod
    def resolve_body_html(message) -> str:
        return "" if message.is_hidden else render_markdown(message.body)


class ConversationIn(Schema):
    to_user: int | None = None
    to_organisation: int | None = None
    to_project: int | None = None
    subject: str = Field("", max_length=200)
    body: str = Field(..., max_length=BODY_MAX_LENGTH)


class MessageIn(Schema):
    body: str = Field(..., max_length=BODY_MAX_LENGTH)
