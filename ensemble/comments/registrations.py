"""What comments plug into the platform: comments can be reported to moderators."""

from ensemble.moderation.registry import register as register_reportable

from .models import Comment
from .selectors import comment_excerpt, comment_url, comments_for_moderation
from .services import comment_hide

register_reportable(
    Comment, excerpt=comment_excerpt, url=comment_url, hide=comment_hide,
    queryset=comments_for_moderation,
)  # fmt: skip
