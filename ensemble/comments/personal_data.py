"""What comments hold about a person: the comments they wrote, kept on erasure (shown from
"deleted participant", so threads and counts stay whole)."""

from django.utils.translation import gettext_lazy as _

from ensemble.core.personal_data import PersonalData, rows

from .models import Comment

comments = PersonalData(
    key="comments",
    label=_("Comments you wrote"),
    retention=_("as long as the page they belong to; kept after your account is deleted"),
    on_erasure=_("kept, shown from a deleted participant"),
    export=lambda user: rows(
        Comment.objects.filter(author=user),
        "id",
        "content_type__model",
        "object_id",
        "parent_id",
        "body",
        "created_at",
        "edited_at",
        "is_deleted",
        "is_hidden",
    ),
)
