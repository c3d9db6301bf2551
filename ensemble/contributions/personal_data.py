"""What consultations hold about a person: contributions and supports are kept on erasure
(the figures of a consultation do not change), follows are removed."""

from django.utils.translation import gettext_lazy as _

from ensemble.core.personal_data import PersonalData, rows

from .models import Contribution, ContributionFollow, Support
from .services.follows import contribution_unfollow


def _unfollow_all(user) -> None:
    for follow in ContributionFollow.objects.filter(user=user).select_related("contribution"):
        contribution_unfollow(user=user, contribution=follow.contribution)


contributions = PersonalData(
    key="contributions",
    label=_("Contributions you posted"),
    retention=_("as long as the consultation; kept after your account is deleted"),
    on_erasure=_("kept, shown from a deleted participant"),
    export=lambda user: rows(
        Contribution.objects.filter(author=user),
        "id",
        "consultation_id",
        "kind",
        "title",
        "body",
        "created_at",
        "answer_state",
        "supports_count",
        "is_hidden",
    ),
)
supports = PersonalData(
    key="supports",
    label=_("Contributions you supported"),
    retention=_("as long as the consultation; kept after your account is deleted"),
    on_erasure=_("kept (the counts do not change), no longer linked to your name"),
    export=lambda user: rows(Support.objects.filter(user=user), "contribution_id", "created_at"),
)
contribution_follows = PersonalData(
    key="contribution_follows",
    label=_("Contributions you follow"),
    retention=_("until you stop following"),
    on_erasure=_("removed"),
    export=lambda user: rows(
        ContributionFollow.objects.filter(user=user), "contribution_id", "created_at"
    ),
    erase=_unfollow_all,
)
