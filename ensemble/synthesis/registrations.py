"""What synthesis plugs into the apps below it (autodiscovered by core at start-up)."""

from django.utils.translation import gettext_lazy as _

from ensemble.consultations.figures import ConsultationFigure, figures
from ensemble.contributions.hooks import (
    CreationFollower,
    SimilarFinder,
    creation_followers,
    similar_finders,
)
from ensemble.notifications.kinds import Channel
from ensemble.notifications.kinds import register as register_kind
from ensemble.practices.models import Practice
from ensemble.projects.models import Project
from ensemble.semantics.registry import register as register_embeddable
from ensemble.workbench.hooks import QueuePanel, queue_panels

from .selectors import similar_ids_to_text, synthesis_get, territory_theme_rows
from .services import contribution_arrived


def _theme_answered(params: dict) -> dict:
    return {"text": _("The theme “%(title)s” got an answer") % {"title": params["title"]}}


register_kind(
    "theme_answered", _("A theme of contributions you take part in is answered"),
    text="%(text)s", params=_theme_answered, channel=Channel.WEEKLY,
)  # fmt: skip
creation_followers.register(CreationFollower(key="synthesis", created=contribution_arrived))
similar_finders.register(SimilarFinder(key="meaning", find=similar_ids_to_text))

# Who already works on a contribution or a theme (related.py) compares these by meaning.
register_embeddable(
    "projects.project",
    text=lambda project: f"{project.title}. {project.summary}. {project.description}"[:2000],
    queryset=lambda: Project.objects.only("pk", "title", "summary", "description"),
)
register_embeddable(
    "practices.practice",
    text=lambda practice: f"{practice.title}. {practice.problem}. {practice.solution}"[:2000],
    queryset=lambda: Practice.objects.only("pk", "title", "problem", "solution"),
)


def _workbench_panel(territory, user) -> dict | None:
    rows = territory_theme_rows(territory)
    return {"rows": rows} if rows else None


queue_panels.register(
    QueuePanel(key="themes", template="synthesis/_workbench_panel.html", context=_workbench_panel)
)
# The consultation's overview links to its published synthesis.
figures.register(ConsultationFigure(key="synthesis", one=synthesis_get))
