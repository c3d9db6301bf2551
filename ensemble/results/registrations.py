"""What results plug into the apps below them (autodiscovered by core at start-up)."""

from django.utils.translation import gettext_lazy as _

from ensemble.contributions.hooks import PagePart, page_parts
from ensemble.notifications.kinds import Channel
from ensemble.notifications.kinds import register as register_kind

# How the consultation lines of the activity feeds read and show: registered on import.
from ensemble.results import feed  # noqa: F401
from ensemble.results.models import Result

register_kind(
    "result_progressed", _("A result you follow makes progress"),
    text=_("“%(title)s” progresses: %(progress)s%% — %(update)s"), channel=Channel.WEEKLY,
)  # fmt: skip


def _contribution_results(contribution) -> list[Result]:
    return list(Result.objects.filter(contributions=contribution).select_related("territory"))


# A contribution's page names the results it feeds.
page_parts.register(PagePart(key="results", compute=_contribution_results))
