"""What comments plug into the platform: comments can be reported to moderators."""

from ensemble.moderation.registry import register as register_reportable

from .models import Comment
from .selectors import comment_excerpt, comment_url, comments_for_moderation
from .services import comment_hide

register_reportable(
    Comment, excerpt=comment_excerpt, url=comment_url, hide=comment_hide,
    queryset=comments_for_moderation,
)  # fmt: skip

# What this app holds about a person, for its export and the erasure of its account.
from ensemble.core.personal_data import register as register_personal_data  # noqa: E402

from . import personal_data  # noqa: E402

register_personal_data(personal_data.comments)
