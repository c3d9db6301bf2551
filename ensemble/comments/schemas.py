from datetime import datetime

from ninja import Field, Schema

from ensemble.accounts.display import visible_name
from ensemble.core.markdown import render_markdown

from .selectors import comment_public_text
from .services import BODY_MAX_LENGTH


class AuthorOut(Schema):
    id: int
    display_name: str


def _author(comment, viewer):
    """The author, or None once deleted or when their profile choice hides them from you."""
    if comment.is_deleted:
        return None
    name = visible_name(comment.author, viewer, territory=comment.territory_id)
    return {"id": comment.author_id, "display_name": name} if name else None


def _body_markdown(comment) -> str:
    return "" if comment_public_text(comment) is not None else comment.body


def _body_html(comment) -> str:
    text = comment_public_text(comment)
    if text is not None:
        return render_markdown(text)
    return render_markdown(comment.body)


class ReplyOut(Schema):
    id: int
    parent: int | None = Field(None, alias="parent_id")
    author: AuthorOut | None
    body_markdown: str
    body_html: str
    created_at: datetime
    edited_at: datetime | None
    is_deleted: bool
    is_hidden: bool
    hidden_reason: str

    @staticmethod
    def resolve_author(obj, context):
        return _author(obj, context["request"].user)

    @staticmethod
    def resolve_body_markdown(obj):
        return _body_markdown(obj)

    @staticmethod
    def resolve_body_html(obj):
        return _body_html(obj)


class CommentOut(ReplyOut):
    replies: list[ReplyOut]

    @staticmethod
    def resolve_replies(obj):
        return list(obj.replies.all()) if obj.parent_id is None else []


class CommentIn(Schema):
    body: str = Field(..., max_length=BODY_MAX_LENGTH * 2)
    parent: int | None = None


class CommentEditIn(Schema):
    body: str = Field(..., max_length=BODY_MAX_LENGTH * 2)
