"""What synthesis plugs into the apps below it (autodiscovered by core at start-up)."""

from django.utils.translation import gettext_lazy as _

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

from .selectors import similar_ids_to_text
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
