"""What contributions plug into the apps below them (autodiscovered by core at start-up)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ensemble.comments.registry import register as register_commentable
from ensemble.consultations.figures import ConsultationFigure, figures
from ensemble.consultations.followers import PublicityFollower, followers
from ensemble.consultations.services.participants import participant_from_comment
from ensemble.contributions.access import contribution_get_visible
from ensemble.contributions.models import Contribution
from ensemble.contributions.search import ContributionProvider
from ensemble.contributions.selectors.comments import comments_closed_reason
from ensemble.contributions.selectors.contributions import top_contribution_list
from ensemble.contributions.selectors.indicators import consultation_indicators, page_indicators
from ensemble.contributions.selectors.workshops import consultation_participation
from ensemble.contributions.services.contributions import contributions_unindex
from ensemble.contributions.services.moderation import contribution_hide
from ensemble.contributions.tasks import consultation_contributions_reindex
from ensemble.contributions.workshops import WorkshopPolicy
from ensemble.events.policies import policies
from ensemble.moderation.registry import register as register_reportable
from ensemble.notifications.kinds import Channel
from ensemble.notifications.kinds import register as register_kind
from ensemble.projects.origins import ProjectOrigin
from ensemble.projects.origins import origins as project_origins
from ensemble.search.documents import register as register_search
from ensemble.semantics.registry import register as register_embeddable

register_commentable(
    Contribution, api_prefix="contributions", closed_reason=comments_closed_reason,
    on_created=participant_from_comment, read_perm="contributions.read_contribution",
)  # fmt: skip
# Reported contributions reach the moderation queue; upholding a report hides them.
register_reportable(
    Contribution, hide=contribution_hide,
    queryset=lambda: Contribution.objects.select_related("territory"),
)  # fmt: skip
register_kind(
    "contribution_merged", _("A contribution you take part in is merged"),
    text=_("“%(source)s” was merged into “%(target)s”"),
    body=_(
        "Your support, if you gave one, stays on the first contribution. "
        "Support the one it was merged into so that your voice counts there too."
    ),
    channel=Channel.WEEKLY,
)  # fmt: skip

# The consultation's overview and API: transparency indicators, the most
# supported contributions, participation online and at workshops.
figures.register(
    ConsultationFigure(key="indicators", one=consultation_indicators, page=page_indicators)
)
figures.register(
    ConsultationFigure(
        key="top_contributions",
        one=lambda consultation: top_contribution_list(consultation=consultation),
    )
)
figures.register(ConsultationFigure(key="participation", one=consultation_participation))


def _reindex_later(consultation) -> None:
    """Indexing a whole consultation is left to a worker, once the change is saved."""
    consultation_id = consultation.pk
    transaction.on_commit(
        lambda: consultation_contributions_reindex.enqueue(consultation_id=consultation_id)
    )


# Nobody may find an internal consultation's words, even for a minute: unindexed at once.
followers.register(
    PublicityFollower(
        key="contributions_search",
        became_public=_reindex_later,
        became_hidden=lambda consultation: contributions_unindex(consultation=consultation),
    )
)

# A consultation's workshops are events: their visibility, registration and pages.
policies.register(WorkshopPolicy)

# A project can be born from a contribution the person may see.
project_origins.register(ProjectOrigin(key="contribution", get_visible=contribution_get_visible))

# Residents find the open contributions of public consultations in the search.
register_search(ContributionProvider())

# What this app holds about a person, for its export and the erasure of its account.
from ensemble.core.personal_data import register as register_personal_data  # noqa: E402

from . import personal_data  # noqa: E402

register_personal_data(personal_data.contributions)
register_personal_data(personal_data.supports)
register_personal_data(personal_data.contribution_follows)

# Meaning: themes of a consultation and similar contributions (the synthesis app).
register_embeddable(
    "contributions.contribution",
    text=lambda contribution: f"{contribution.title.strip()}. {contribution.body.strip()}",
    queryset=lambda: Contribution.objects.only("pk", "title", "body"),
)

# The image of a hidden contribution, or of an agents-only consultation's, is seen
# by those who see the contribution.
from ensemble.core.media import ProtectedMedia  # noqa: E402
from ensemble.core.media import register as register_protected_media  # noqa: E402

register_protected_media(
    ProtectedMedia(
        prefix="contributions/", model="contributions.Contribution", field="image",
        view_perm="contributions.read_contribution",
    )
)  # fmt: skip
