"""How a feed line names its actor and links to its objects (pages, API, Atom)."""

from django.urls import NoReverseMatch

from ensemble.accounts.models import User
from ensemble.territories.models import Membership


def viewer_territory_ids(viewer) -> frozenset[int]:
    """The territories the viewer belongs to, memoised on the user for the request."""
    if not getattr(viewer, "is_authenticated", False):
        return frozenset()
    if "_activity_territory_ids" not in viewer.__dict__:
        viewer.__dict__["_activity_territory_ids"] = frozenset(
            Membership.objects.filter(user=viewer).values_list("territory_id", flat=True)
        )
    return viewer.__dict__["_activity_territory_ids"]


def visible_actor(activity, viewer=None):
    """The person behind a line, if the viewer may see who they are.

    Public profiles are named to everybody; "members" profiles to members of
    the territory where it happened; hidden profiles to nobody.
    """
    actor = activity.actor
    if actor is None:
        return None
    if actor.profile_visibility == User.Visibility.PUBLIC:
        return actor
    if actor.profile_visibility == User.Visibility.MEMBERS and (
        actor.pk == getattr(viewer, "pk", None)
        or activity.territory_id in viewer_territory_ids(viewer)
    ):
        return actor
    return None


def object_url(obj) -> str:
    """The page of a project or organisation; empty while its app has no page for it."""
    if obj is None:
        return ""
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:
        return ""


def main_object(activity):
    """What a line is about: its project or organisation, else the result, contribution,
    workshop or consultation it names (the most precise first)."""
    for field in ("project", "organisation", "result", "contribution", "event", "consultation"):
        if getattr(activity, f"{field}_id") is not None:
            return getattr(activity, field)
    return None


def title_of(obj) -> str:
    return getattr(obj, "title", None) or getattr(obj, "name", "") or ""


def line_url(activity) -> str:
    """Where a line leads: its main object's page; an answer's own version on its contribution."""
    url = object_url(main_object(activity))
    if url and activity.answer_id is not None and activity.project_id is None:
        return f"{url}#answer-{activity.answer.version}"
    return url
