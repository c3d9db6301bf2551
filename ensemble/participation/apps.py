from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "ensemble.participation"
    label = "participation"
    verbose_name = _("Consultations")

    def ready(self) -> None:
        from ensemble.comments.registry import register as register_commentable
        from ensemble.moderation.registry import register as register_reportable
        from ensemble.notifications.kinds import register as register_kind

        from .models import Contribution
        from .selectors.comments import comments_closed_reason
        from .services.moderation import contribution_hide
        from .services.participants import participant_from_comment

        register_commentable(
            Contribution, api_prefix="contributions", closed_reason=comments_closed_reason,
            on_created=participant_from_comment, read_perm="participation.read_contribution",
        )  # fmt: skip
        # Reported contributions reach the moderation queue; upholding a report hides them.
        register_reportable(
            Contribution, hide=contribution_hide,
            queryset=lambda: Contribution.objects.select_related("territory"),
        )  # fmt: skip
        register_kind("contribution_answered", _("A contribution you take part in is answered"))
        register_kind("contribution_merged", _("A contribution you take part in is merged"))
        register_kind("result_progressed", _("A result you follow makes progress"))
        # Activity verbs and feed sources of consultations (registered on import), and
        # contributions in the search. (Helper D: move these to registrations.py.)
        from ensemble.search.documents import register as register_search

        from . import activity  # noqa: F401
        from .search import ContributionProvider

        register_search(ContributionProvider())
