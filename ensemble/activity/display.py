"""How a feed line names its actor and links to its objects (pages, API, Atom)."""

from django.urls import NoReverseMatch

from ensemble.accounts.display import visible_name


def visible_actor(activity, viewer=None):
    """The person behind a line, if the viewer may see who they are (accounts.display)."""
    if visible_name(activity.actor, viewer, territory=activity.territory_id):
        return activity.actor
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
    fields = ("project", "organisation", "result", "contribution", "event", "resource",
              "practice", "consultation")  # fmt: skip
    for field in fields:
        if getattr(activity, f"{field}_id") is not None:
            return getattr(activity, field)
    return None


def title_of(obj) -> str:
    return getattr(obj, "title", None) or getattr(obj, "name", "") or ""
