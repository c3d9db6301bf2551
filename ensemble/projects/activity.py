"""How the lines about projects read in the activity feeds, and which of them show.

Registered from `registrations.py`. Only lines about published projects show:
a draft's needs or news never leak, and an archived project leaves the feed.
"""

from django.db.models import Q
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ensemble.activity.display import visible_actor
from ensemble.activity.sources import FeedSource
from ensemble.activity.verbs import ActivityVerb, default_sentence, link, verb_label

from .models import Project, ProjectFollow, ProjectMember


def need_sentence(activity, viewer=None) -> str:
    """The project is the subject: "Repair café needs help: two volunteers"."""
    if activity.need is None:
        return default_sentence(activity, viewer)
    return format_html(
        _("{subject} {verb}: {object}"),
        subject=link(activity.project),
        verb=verb_label(activity.verb),
        object=format_html("<em>{}</em>", activity.need.title),
    )


def update_sentence(activity, viewer=None) -> str:
    """ "Camille posted news on Repair café: <title>" (the team when Camille is not shown)."""
    if activity.update is None:
        return default_sentence(activity, viewer)
    actor = visible_actor(activity, viewer)
    return format_html(
        _("{subject} {verb} on {project}: {object}"),
        subject=actor.display_name if actor else _("The team"),
        verb=verb_label(activity.verb),
        project=link(activity.project),
        object=format_html("<em>{}</em>", activity.update.title),
    )


VERBS = (
    ActivityVerb("project_published", gettext_lazy("published a project")),
    ActivityVerb("project_update", gettext_lazy("posted news"), sentence=update_sentence),
    ActivityVerb("need_added", gettext_lazy("needs help"), sentence=need_sentence),
    ActivityVerb("need_fulfilled", gettext_lazy("found help"), sentence=need_sentence),
    ActivityVerb("project_replicated", gettext_lazy("replicated a project")),
)


def _visible() -> Q:
    return Q(project__isnull=True) | Q(project__status=Project.Status.PUBLISHED)


def _followed(user, territory_ids) -> Q | None:
    """The projects a person follows or works on."""
    follows = (
        ProjectFollow.objects.filter(user=user).order_by().values_list("project_id", flat=True)
    )
    teams = ProjectMember.objects.filter(user=user).order_by().values_list("project_id", flat=True)
    project_ids = sorted(set(follows.union(teams)))
    return Q(project_id__in=project_ids) if project_ids else None


FEED_SOURCE = FeedSource(
    key="projects",
    related=("project__territory", "need", "update"),
    visible=_visible,
    followed=_followed,
)
