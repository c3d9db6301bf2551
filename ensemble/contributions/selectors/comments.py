"""Reads for the comments under a contribution."""

from django.utils.translation import gettext as _

from ensemble.consultations.phases import Feature
from ensemble.contributions.models import Contribution


def comments_closed_reason(contribution: Contribution) -> str | None:
    """Why nobody may comment on the contribution now, shown under its comments."""
    if contribution.is_hidden:
        return _("This contribution was hidden by moderation: comments are closed.")
    if contribution.merged_into_id is not None:
        return _("This contribution was merged into another one: comment there.")
    if not contribution.consultation.allows(Feature.COMMENT):
        return _("The current phase of the consultation does not take comments.")
    return None
